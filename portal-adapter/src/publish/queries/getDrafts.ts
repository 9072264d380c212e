import type { BuiltQuery, Store } from '@yuqing/schemas';
import type { Draft, DraftState } from '../types.ts';
import { DRAFT_COLUMNS, type DraftRow, toDraft } from './getDraft.ts';

export interface DraftFilter {
  states?: readonly DraftState[];
  column?: string;
  documentId?: string;
  /** Only drafts of these departments (the caller's scope); undefined means all. */
  departments?: readonly string[];
  limit?: number;
  offset?: number;
}

/** Newest change first. */
export function buildDraftsQuery(filter: DraftFilter = {}): BuiltQuery {
  const where: string[] = [];
  const params: Record<string, unknown> = {
    limit: Math.min(Math.max(filter.limit ?? 50, 1), 500),
    offset: Math.max(filter.offset ?? 0, 0),
  };
  if (filter.states?.length) {
    where.push('state IN {states:Array(String)}');
    params.states = filter.states;
  }
  if (filter.column) {
    where.push('column_id = {column:String}');
    params.column = filter.column;
  }
  if (filter.documentId) {
    where.push('document_id = {documentId:String}');
    params.documentId = filter.documentId;
  }
  if (filter.departments) {
    where.push('department_id IN {departments:Array(String)}');
    params.departments = filter.departments;
  }
  return {
    query: `SELECT ${DRAFT_COLUMNS} FROM publish_drafts FINAL
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY updated_at DESC, id LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
    params,
  };
}

export async function getDrafts(store: Store, filter: DraftFilter = {}): Promise<Draft[]> {
  return (await store.query<DraftRow>('getDrafts', buildDraftsQuery(filter))).map(toDraft);
}
