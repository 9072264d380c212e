import type { BuiltQuery, Store } from '@yuqing/schemas';
import type { Letter, LetterState } from '../letter.ts';
import { fromLetterRow, LETTER_COLUMNS, type LetterRow } from '../letter-rows.ts';

export interface LetterFilter {
  states?: readonly LetterState[];
  /** The responsible department (name). */
  department?: string;
  /** Only letters owned by these departments (tenancy); undefined means all. */
  ownerDepartmentIds?: readonly string[];
  category?: string;
  /** ISO times bounding received_at: [from, to). */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** Latest versions of letters, newest first. */
export function buildLettersQuery(filter: LetterFilter = {}): BuiltQuery {
  const where: string[] = [];
  const params: Record<string, unknown> = {
    limit: Math.min(Math.max(filter.limit ?? 50, 1), 1000),
    offset: Math.max(filter.offset ?? 0, 0),
  };
  if (filter.states?.length) {
    where.push('state IN {states:Array(String)}');
    params.states = filter.states;
  }
  if (filter.department) {
    where.push('department = {department:String}');
    params.department = filter.department;
  }
  if (filter.ownerDepartmentIds) {
    where.push('owner_department_id IN {owners:Array(String)}');
    params.owners = filter.ownerDepartmentIds;
  }
  if (filter.category) {
    where.push('category = {category:String}');
    params.category = filter.category;
  }
  if (filter.from) {
    where.push("received_at >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')");
    params.from = Date.parse(filter.from);
  }
  if (filter.to) {
    where.push("received_at < fromUnixTimestamp64Milli({to:Int64}, 'UTC')");
    params.to = Date.parse(filter.to);
  }
  return {
    query: `SELECT ${LETTER_COLUMNS} FROM letters FINAL
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY received_at DESC, id
      LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
    params,
  };
}

export async function getLetters(store: Store, filter: LetterFilter = {}): Promise<Letter[]> {
  return (await store.query<LetterRow>('getLetters', buildLettersQuery(filter))).map(fromLetterRow);
}
