export {
  type Entities,
  type FindEntitiesOptions,
  findEntities,
  type TaggedWord,
  type TaggedWords,
  type WatchedPerson,
} from './find-entities.ts';
export { findEntitiesByRules } from './rule-entities.ts';
export { NOT_PERSON, NOT_PLACE, ORG_SUFFIXES } from './stop-lists.ts';
