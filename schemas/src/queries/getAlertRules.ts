import type { BuiltQuery, Store } from '../store/engine.ts';
import type { AlertRuleRecord } from '../writes-alerts.ts';

/** The current version of every rule that is not deleted; optionally only some departments'. */
export function buildAlertRulesQuery(departmentIds?: readonly string[]): BuiltQuery {
  const where = departmentIds ? 'AND has({departments:Array(String)}, department_id)' : '';
  return {
    query: `SELECT id, department_id, name, definition, enabled
      FROM alert_rules FINAL
      WHERE deleted = 0 ${where}
      ORDER BY department_id, id`,
    params: departmentIds ? { departments: departmentIds } : {},
  };
}

export async function getAlertRules(
  store: Store,
  departmentIds?: readonly string[],
): Promise<AlertRuleRecord[]> {
  const rows = await store.query<{
    id: string;
    department_id: string;
    name: string;
    definition: string;
    enabled: number;
  }>('getAlertRules', buildAlertRulesQuery(departmentIds));
  return rows.map((r) => ({
    id: r.id,
    departmentId: r.department_id,
    name: r.name,
    definition: JSON.parse(r.definition) as unknown,
    enabled: Number(r.enabled) === 1,
  }));
}
