export {
  CHANNEL_KINDS,
  type ChannelConfig,
  ChannelConfigSchemas,
  type ChannelKind,
  isChannelKind,
} from './channels.ts';
export { Deliverer, type DelivererOptions, type DeliveryRound, type Sender } from './deliverer.ts';
export { DeliveryError, type SendResult } from './http.ts';
export {
  type AlertMessage,
  LEVEL_NAMES,
  renderHtml,
  renderMarkdown,
  renderText,
  toAlertMessage,
} from './message.ts';
export { type SendContext, sendDingtalk, sendFeishu, sendWebhook, sendWecom } from './robots.ts';
export { dingtalkSignature, feishuSignature, verifyWebhookSignature, webhookSignature } from './sign.ts';
export { sendMail } from './smtp.ts';
