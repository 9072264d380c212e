export { requiresTerm } from '../sensitivity/expression.ts';
export { backfillPlan, type ScanOptions, scanDocuments } from './backfill.ts';
export { deletePlan, type SavePlanResult, savePlan } from './crud.ts';
export { parsePlanExpression } from './expression.ts';
export { PlanObserver } from './observer.ts';
export {
  type CompiledPlan,
  compilePlan,
  type MatchInput,
  matchPlan,
  PlanError,
  type PlanInput,
  PlanInputSchema,
  type PlanMatch,
  validatePlan,
} from './plan.ts';
export { BatchTexts } from './texts.ts';
