/** Chinese names and colours of alert levels, states and feedback. */

export const LEVEL_NAMES: Readonly<Record<string, string>> = {
  blue: '蓝色',
  yellow: '黄色',
  orange: '橙色',
  red: '红色',
};

export const LEVEL_COLORS: Readonly<Record<string, string>> = {
  blue: '#1677ff',
  yellow: '#d4b106',
  orange: '#fa8c16',
  red: '#cf1322',
};

export const STATE_NAMES: Readonly<Record<string, string>> = {
  new: '新预警',
  acknowledged: '已确认',
  assigned: '已指派',
  resolved: '已解决',
};

/** The button that moves an alert to each state. */
export const STATE_ACTIONS: Readonly<Record<string, string>> = {
  acknowledged: '确认',
  assigned: '指派',
  resolved: '解决',
};

export const FEEDBACK_NAMES: Readonly<Record<string, string>> = {
  not_relevant: '误报（不相关）',
  handled: '已处置',
};

export const EVENT_NAMES: Readonly<Record<string, string>> = {
  created: '生成预警',
  escalated: '升级',
  notified: '已通知',
  deferred: '通知延后（免打扰时段）',
  state: '状态变更',
  feedback: '研判反馈',
};

export const RULE_TYPE_NAMES: Readonly<Record<string, string>> = {
  document: '逐条匹配',
  volume_spike: '声量突增',
  negative_surge: '负面激增',
};
