import type { Store } from './store/engine.ts';

/** Who besides the owning department sees a plan: nobody, its sub-departments, or everyone. */
export const PLAN_SHARING = ['private', 'subtree', 'all'] as const;
export type PlanSharing = (typeof PLAN_SHARING)[number];

/**
 * One version of a monitoring plan (专题). The analyzer validates the expression before it is
 * written (analyzer/src/plans). Times are epoch milliseconds.
 */
export interface PlanRecord {
  id: string;
  version: number;
  /** The version at which expression, persons, regions or exclusions last changed. */
  matchVersion: number;
  departmentId: string;
  name: string;
  expression: string;
  persons: string[];
  regionCodes: string[];
  exclusions: string[];
  sharing: PlanSharing;
  enabled: boolean;
  deleted: boolean;
  createdBy: string;
  updatedBy: string;
  createdAt: number;
  updatedAt: number;
}

export function writePlan(store: Store, p: PlanRecord): Promise<void> {
  return store.insert('plans', [
    {
      id: p.id,
      version: p.version,
      match_version: p.matchVersion,
      department_id: p.departmentId,
      name: p.name,
      expression: p.expression,
      persons: p.persons,
      region_codes: p.regionCodes,
      exclusions: p.exclusions,
      sharing: p.sharing,
      enabled: p.enabled ? 1 : 0,
      deleted: p.deleted ? 1 : 0,
      created_by: p.createdBy,
      updated_by: p.updatedBy,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
    },
  ]);
}

/** A document a plan matched, under the plan's `matchVersion`. */
export interface PlanDocumentRecord {
  planId: string;
  documentId: string;
  matchVersion: number;
  /** Publish (or fetch) time, epoch ms. */
  eventTime: number;
  matchedTerms: string[];
  matchedPersons: string[];
  taggedAt: number;
}

export function writePlanDocuments(store: Store, rows: readonly PlanDocumentRecord[]): Promise<void> {
  if (rows.length === 0) return Promise.resolve();
  return store.insert(
    'plan_documents',
    rows.map((r) => ({
      plan_id: r.planId,
      document_id: r.documentId,
      match_version: r.matchVersion,
      event_time: r.eventTime,
      matched_terms: r.matchedTerms,
      matched_persons: r.matchedPersons,
      tagged_at: r.taggedAt,
    })),
  );
}
