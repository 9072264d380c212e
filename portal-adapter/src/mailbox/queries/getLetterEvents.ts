import type { BuiltQuery, Store } from '@yuqing/schemas';
import type { LetterEvent } from '../letter.ts';
import { fromLetterEventRow, type LetterEventRow } from '../letter-rows.ts';

/** The history of one letter (state changes, instructions), oldest first. */
export function buildLetterEventsQuery(letterId: string, action?: string): BuiltQuery {
  return {
    query: `SELECT letter_id, at, actor, action, from_state, to_state, note
      FROM letter_events
      WHERE letter_id = {letterId:String} ${action ? 'AND action = {action:String}' : ''}
      ORDER BY at, action`,
    params: action ? { letterId, action } : { letterId },
  };
}

export async function getLetterEvents(
  store: Store,
  letterId: string,
  action?: string,
): Promise<LetterEvent[]> {
  return (await store.query<LetterEventRow>('getLetterEvents', buildLetterEventsQuery(letterId, action))).map(
    fromLetterEventRow,
  );
}
