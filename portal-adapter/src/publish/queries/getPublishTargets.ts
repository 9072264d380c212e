import type { BuiltQuery, Store } from '@yuqing/schemas';
import type { TargetKind } from '../types.ts';

/** A configured target; `config` holds secrets and never leaves the server. */
export interface PublishTargetRecord {
  id: string;
  name: string;
  kind: TargetKind;
  columns: string[];
  config: Record<string, unknown>;
  enabled: boolean;
}

export function buildPublishTargetsQuery(): BuiltQuery {
  return {
    query: `SELECT id, name, kind, columns, config, enabled FROM publish_targets FINAL
      WHERE deleted = 0 ORDER BY id`,
    params: {},
  };
}

interface Row {
  id: string;
  name: string;
  kind: string;
  columns: string[];
  config: string;
  enabled: number;
}

export async function getPublishTargets(store: Store): Promise<PublishTargetRecord[]> {
  const rows = await store.query<Row>('getPublishTargets', buildPublishTargetsQuery());
  return rows.map((r) => {
    let config: Record<string, unknown> = {};
    try {
      config = JSON.parse(r.config) as Record<string, unknown>;
    } catch {
      // A broken row reads as an empty config; building the target then reports what is missing.
    }
    return {
      id: r.id,
      name: r.name,
      kind: r.kind as TargetKind,
      columns: r.columns,
      config,
      enabled: Number(r.enabled) === 1,
    };
  });
}
