import { randomUUID } from 'node:crypto';
import { getPlans, nextVersion, type PlanRecord, type Store, writePlan } from '@yuqing/schemas';
import { backfillPlan, type ScanOptions } from './backfill.ts';
import { PlanError, validatePlan } from './plan.ts';

export interface SavePlanResult {
  plan: PlanRecord;
  /** Present when the matching criteria changed and history was tagged again. */
  backfill?: { scanned: number; matched: number };
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Creates or changes a plan (a new version). When the expression, persons, regions or exclusions
 * change, the plan gets a new match version and its history is back-filled (unless
 * `backfill: false`, e.g. to run it later with `backfillPlan`). Throws PlanError on bad input.
 */
export async function savePlan(
  store: Store,
  input: unknown,
  actor: string,
  options: { backfill?: boolean; scan?: ScanOptions } = {},
): Promise<SavePlanResult> {
  const valid = validatePlan(input);
  const id = valid.id ?? `plan-${randomUUID()}`;
  const [existing] = valid.id ? await getPlans(store, { ids: [id], includeDeleted: true }) : [];
  if (existing && existing.departmentId !== valid.departmentId) {
    throw new PlanError('departmentId: a plan stays with the department that owns it', 'departmentId');
  }
  const version = nextVersion();
  const sameCriteria =
    existing !== undefined &&
    !existing.deleted &&
    existing.enabled &&
    existing.expression === valid.expression &&
    sameList(existing.persons, valid.persons) &&
    sameList(existing.regionCodes, valid.regionCodes) &&
    sameList(existing.exclusions, valid.exclusions);
  const now = Date.now();
  const plan: PlanRecord = {
    id,
    version,
    matchVersion: sameCriteria ? existing.matchVersion : version,
    departmentId: valid.departmentId,
    name: valid.name,
    expression: valid.expression,
    persons: valid.persons,
    regionCodes: valid.regionCodes,
    exclusions: valid.exclusions,
    sharing: valid.sharing,
    enabled: valid.enabled,
    deleted: false,
    createdBy: existing?.createdBy ?? actor,
    updatedBy: actor,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await writePlan(store, plan);
  if (sameCriteria || options.backfill === false || !plan.enabled) return { plan };
  return { plan, backfill: await backfillPlan(store, plan, options.scan) };
}

/** Marks a plan deleted (a new version); its tagged documents stay for the record. */
export async function deletePlan(store: Store, id: string, actor: string): Promise<boolean> {
  const [existing] = await getPlans(store, { ids: [id] });
  if (!existing) return false;
  await writePlan(store, {
    ...existing,
    version: nextVersion(),
    deleted: true,
    updatedBy: actor,
    updatedAt: Date.now(),
  });
  return true;
}
