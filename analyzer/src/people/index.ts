export { backfillPerson, deletePerson, savePerson } from './crud.ts';
export { mentionRecords, PeopleObserver } from './observer.ts';
export {
  type Mention,
  PersonError,
  validatePerson,
  type WatchedPersonInput,
  WatchedPersonInputSchema,
  WatchList,
} from './watch-list.ts';
