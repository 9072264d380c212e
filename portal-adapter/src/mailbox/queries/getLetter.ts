import type { BuiltQuery, Store } from '@yuqing/schemas';
import type { Letter } from '../letter.ts';
import { fromLetterRow, LETTER_COLUMNS, type LetterRow } from '../letter-rows.ts';

/** The latest version of one letter. */
export function buildLetterQuery(id: string): BuiltQuery {
  return {
    query: `SELECT ${LETTER_COLUMNS} FROM letters FINAL WHERE id = {id:String} LIMIT 1`,
    params: { id },
  };
}

export async function getLetter(store: Store, id: string): Promise<Letter | null> {
  const [row] = await store.query<LetterRow>('getLetter', buildLetterQuery(id));
  return row ? fromLetterRow(row) : null;
}
