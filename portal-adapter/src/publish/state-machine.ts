import { type DraftState, PublishError } from './types.ts';

export const ACTIONS = [
  'edit',
  'submit',
  'approve',
  'reject',
  'publish',
  'retry',
  'withdraw',
  'archive',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Roles: `editor` pulls, edits, submits and publishes what was approved; the chief editor
 * (`chief_editor`, see PUBLISHING.md) approves, rejects and withdraws. An admin may do both.
 */
export const EDITOR_ROLES = ['editor', 'chief_editor', 'admin'] as const;
export const CHIEF_ROLES = ['chief_editor', 'admin'] as const;

interface Rule {
  from: readonly DraftState[];
  to: DraftState | 'same';
  roles: readonly string[];
}

const RULES: Record<Action, Rule> = {
  edit: { from: ['draft', 'rejected', 'approved', 'withdrawn'], to: 'draft', roles: EDITOR_ROLES },
  submit: { from: ['draft'], to: 'pending_review', roles: EDITOR_ROLES },
  approve: { from: ['pending_review'], to: 'approved', roles: CHIEF_ROLES },
  reject: { from: ['pending_review', 'approved'], to: 'rejected', roles: CHIEF_ROLES },
  publish: { from: ['approved'], to: 'published', roles: EDITOR_ROLES },
  retry: { from: ['published', 'withdrawn'], to: 'same', roles: EDITOR_ROLES },
  withdraw: { from: ['published'], to: 'withdrawn', roles: CHIEF_ROLES },
  archive: { from: ['published', 'withdrawn', 'rejected'], to: 'archived', roles: EDITOR_ROLES },
};

export const STATE_LABELS: Record<DraftState, string> = {
  draft: '草稿',
  pending_review: '待审核',
  approved: '已审核',
  rejected: '已退回',
  published: '已发布',
  withdrawn: '已撤回',
  archived: '已归档',
};

const ACTION_LABELS: Record<Action, string> = {
  edit: '编辑',
  submit: '送审',
  approve: '审核通过',
  reject: '退回',
  publish: '发布',
  retry: '重新投递',
  withdraw: '撤回',
  archive: '归档',
};

export function canAct(roles: readonly string[], action: Action): boolean {
  return RULES[action].roles.some((r) => roles.includes(r));
}

/** The actions a user may take on a draft in `state` (for the UI; the server checks again). */
export function allowedActions(state: DraftState, roles: readonly string[]): Action[] {
  return ACTIONS.filter((a) => RULES[a].from.includes(state) && canAct(roles, a));
}

/**
 * The state after `action`, or a PublishError that says what is allowed instead. The role check
 * comes first so a user without the role learns nothing about the draft's state.
 */
export function nextState(state: DraftState, action: Action, roles: readonly string[]): DraftState {
  const rule = RULES[action];
  if (!canAct(roles, action)) {
    throw new PublishError(
      'forbidden',
      `「${ACTION_LABELS[action]}」需要以下角色之一：${rule.roles.join('、')}`,
    );
  }
  if (!rule.from.includes(state)) {
    const from = rule.from.map((s) => STATE_LABELS[s]).join('、');
    throw new PublishError(
      'illegal_transition',
      `不能对「${STATE_LABELS[state]}」状态的稿件执行「${ACTION_LABELS[action]}」：只允许在${from}状态下执行`,
    );
  }
  return rule.to === 'same' ? state : rule.to;
}
