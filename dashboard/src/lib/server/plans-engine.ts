/**
 * The analyzer's plan and watch-list logic, reached by path as alerts-engine.ts does: the
 * dashboard saves exactly what the observers match, and the server build (plain Node) can bundle
 * these modules because they are pure TypeScript (zod and `@yuqing/schemas`, no dictionaries).
 */
export { deletePerson, savePerson } from '../../../../analyzer/src/people/crud.ts';
export { PersonError, WatchedPersonInputSchema } from '../../../../analyzer/src/people/watch-list.ts';
export { backfillPlan } from '../../../../analyzer/src/plans/backfill.ts';
export { deletePlan, savePlan } from '../../../../analyzer/src/plans/crud.ts';
export { PlanError, PlanInputSchema } from '../../../../analyzer/src/plans/plan.ts';
