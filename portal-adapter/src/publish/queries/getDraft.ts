import { type BuiltQuery, fromClickHouseTime, type Store } from '@yuqing/schemas';
import type { Draft, DraftState } from '../types.ts';

export const DRAFT_COLUMNS = `id, document_id, department_id, column_id, title, summary, body, source_url, source_site,
  source_name, source_published_at, state, created_by, created_at, updated_by, updated_at, submitted_by,
  approved_by, published_at, version`;

export interface DraftRow {
  id: string;
  document_id: string;
  department_id: string;
  column_id: string;
  title: string;
  summary: string;
  body: string;
  source_url: string;
  source_site: string;
  source_name: string;
  source_published_at: string | null;
  state: string;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  submitted_by: string;
  approved_by: string;
  published_at: string | null;
  version: string | number;
}

export function toDraft(r: DraftRow): Draft {
  return {
    id: r.id,
    documentId: r.document_id,
    departmentId: r.department_id,
    column: r.column_id,
    title: r.title,
    summary: r.summary,
    body: r.body,
    source: {
      url: r.source_url,
      site: r.source_site,
      name: r.source_name,
      publishedAt: fromClickHouseTime(r.source_published_at),
    },
    state: r.state as DraftState,
    createdBy: r.created_by,
    createdAt: fromClickHouseTime(r.created_at),
    updatedBy: r.updated_by,
    updatedAt: fromClickHouseTime(r.updated_at),
    submittedBy: r.submitted_by,
    approvedBy: r.approved_by,
    publishedAt: fromClickHouseTime(r.published_at),
    version: Number(r.version),
  };
}

export function buildDraftQuery(id: string): BuiltQuery {
  return {
    query: `SELECT ${DRAFT_COLUMNS} FROM publish_drafts FINAL WHERE id = {id:String} LIMIT 1`,
    params: { id },
  };
}

export async function getDraft(store: Store, id: string): Promise<Draft | null> {
  const [row] = await store.query<DraftRow>('getDraft', buildDraftQuery(id));
  return row ? toDraft(row) : null;
}
