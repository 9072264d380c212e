export {
  ALERT_TRANSITIONS,
  AlertActionError,
  changeAlertState,
  recordFeedback,
  type StateChange,
} from './actions.ts';
export { AlertEngine, type AlertEngineOptions } from './engine.ts';
export { matchDocument, regionCovers } from './match.ts';
export {
  type AlertRule,
  AlertRuleError,
  AlertRuleSchema,
  type Condition,
  ConditionSchema,
  type NotifyPolicy,
  parseAlertRule,
} from './rules.ts';
export { decideNotification, inQuietHours } from './suppression.ts';
export type { AlertDocument, AlertEvidence, EvidenceDocument, EvidenceVolume } from './types.ts';
export { windowVolume, zScore } from './window.ts';
