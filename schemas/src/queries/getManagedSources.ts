import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';
import type { ManagedSourceRecord } from '../writes-sources.ts';

/** The current version of every dashboard-managed source that is not deleted, by id. */
export function buildManagedSourcesQuery(): BuiltQuery {
  return {
    query: `SELECT id, definition, enabled, updated_by, updated_at
      FROM managed_sources FINAL
      WHERE deleted = 0
      ORDER BY id`,
    params: {},
  };
}

interface Row {
  id: string;
  definition: string;
  enabled: number | string;
  updated_by: string;
  updated_at: string;
}

/** A definition that is not JSON is passed on as its text, so the crawler reports it instead of failing. */
function parseDefinition(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function getManagedSources(store: Store): Promise<ManagedSourceRecord[]> {
  const rows = await store.query<Row>('getManagedSources', buildManagedSourcesQuery());
  return rows.map((r) => ({
    id: r.id,
    definition: parseDefinition(r.definition),
    enabled: Number(r.enabled) === 1,
    updatedBy: r.updated_by,
    updatedAt: fromClickHouseTime(r.updated_at),
  }));
}
