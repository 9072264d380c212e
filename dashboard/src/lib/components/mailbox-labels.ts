/** Labels of the mailbox workflow (the adapter's LETTER_STATES and TRANSITIONS, which the client cannot import). */
export const LETTER_STATE_NAMES: Record<string, string> = {
  received: '已受理',
  assigned: '已交办',
  replying: '答复中',
  replied: '已答复',
  closed: '已办结',
};

export const LETTER_STATE_ORDER = ['received', 'assigned', 'replying', 'replied', 'closed'] as const;

/** The button that moves a letter to a state. */
export const LETTER_MOVE_NAMES: Record<string, string> = {
  assigned: '交办',
  replying: '开始答复',
  replied: '提交答复',
  closed: '办结',
};

export const URGENCY_NAMES: Record<string, string> = { high: '紧急', medium: '较急', low: '一般' };

export const LETTER_EVENT_NAMES: Record<string, string> = {
  received: '受理',
  assigned: '交办',
  replying: '开始答复',
  replied: '答复',
  closed: '办结',
  reopened: '重新打开',
  instruction: '领导批示',
};

export const CHANNEL_NAMES: Record<string, string> = {
  mailbox: '领导信箱',
  petition: '网上信访',
  consultation: '民意征集',
  import: '导入',
};
