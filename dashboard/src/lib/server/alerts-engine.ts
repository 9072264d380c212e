/**
 * The alert engine's own state machine, rule schema and channel schemas, so the dashboard accepts
 * exactly what the engine runs and changes alerts exactly as the engine expects.
 *
 * `@yuqing/analyzer`'s public index does not export `alerts/` and `notify/` yet; until it does,
 * this is the one module that reaches them by path. They are pure TypeScript (zod and
 * `@yuqing/schemas` only, no dictionaries), so the server build bundles them.
 */
export {
  ALERT_TRANSITIONS,
  AlertActionError,
  changeAlertState,
  recordFeedback,
} from '../../../../analyzer/src/alerts/actions.ts';
export { AlertRuleError, AlertRuleSchema, parseAlertRule } from '../../../../analyzer/src/alerts/rules.ts';
export type { AlertEvidence, EvidenceDocument } from '../../../../analyzer/src/alerts/types.ts';
export {
  CHANNEL_KINDS,
  ChannelConfigSchemas,
  type ChannelKind,
  isChannelKind,
} from '../../../../analyzer/src/notify/channels.ts';
export { DeliveryError } from '../../../../analyzer/src/notify/http.ts';
export type { AlertMessage } from '../../../../analyzer/src/notify/message.ts';
export {
  type SendContext,
  sendDingtalk,
  sendFeishu,
  sendWebhook,
  sendWecom,
} from '../../../../analyzer/src/notify/robots.ts';
export { sendMail } from '../../../../analyzer/src/notify/smtp.ts';
