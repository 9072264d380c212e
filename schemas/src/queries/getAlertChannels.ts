import type { BuiltQuery, Store } from '../store/engine.ts';
import type { ChannelRecord } from '../writes-alerts.ts';

/** Channels that are not deleted, by id or by department. Rows carry secrets: never log them. */
export function buildAlertChannelsQuery(filter: {
  ids?: readonly string[];
  departmentIds?: readonly string[];
}): BuiltQuery {
  const where = ['deleted = 0'];
  const params: Record<string, unknown> = {};
  if (filter.ids) {
    where.push('has({ids:Array(String)}, id)');
    params.ids = filter.ids;
  }
  if (filter.departmentIds) {
    where.push('has({departments:Array(String)}, department_id)');
    params.departments = filter.departmentIds;
  }
  return {
    query: `SELECT id, department_id, name, kind, config, enabled
      FROM channels FINAL
      WHERE ${where.join(' AND ')}
      ORDER BY id`,
    params,
  };
}

export async function getAlertChannels(
  store: Store,
  filter: { ids?: readonly string[]; departmentIds?: readonly string[] } = {},
): Promise<ChannelRecord[]> {
  const rows = await store.query<{
    id: string;
    department_id: string;
    name: string;
    kind: string;
    config: string;
    enabled: number;
  }>('getAlertChannels', buildAlertChannelsQuery(filter));
  return rows.map((r) => ({
    id: r.id,
    departmentId: r.department_id,
    name: r.name,
    kind: r.kind,
    config: JSON.parse(r.config) as unknown,
    enabled: Number(r.enabled) === 1,
  }));
}
