/**
 * Labels of the publishing workflow for the pages. They repeat the portal adapter's names
 * (STATE_LABELS, ACTIONS) because client code cannot import the adapter.
 */
export const DRAFT_STATE_NAMES: Record<string, string> = {
  draft: '草稿',
  pending_review: '待审',
  approved: '已批准',
  rejected: '已退回',
  published: '已发布',
  withdrawn: '已撤回',
  archived: '已归档',
};

/** The order of the state tabs on the drafts list. */
export const DRAFT_STATE_ORDER = [
  'draft',
  'pending_review',
  'approved',
  'rejected',
  'published',
  'withdrawn',
  'archived',
] as const;

export const DRAFT_ACTION_NAMES: Record<string, string> = {
  create: '创建',
  edit: '编辑',
  check: '检查',
  submit: '送审',
  approve: '审核通过',
  reject: '退回',
  publish: '发布',
  retry: '重新投递',
  withdraw: '撤回',
  archive: '归档',
  deliver: '投递',
  'deliver.failed': '投递失败',
  undeliver: '远端撤回',
  'undeliver.failed': '远端撤回失败',
};

export function eventName(action: string): string {
  if (action.endsWith('.refused')) return `${DRAFT_ACTION_NAMES[action.slice(0, -8)] ?? action}（被拒绝）`;
  return DRAFT_ACTION_NAMES[action] ?? action;
}

export const FINDING_KIND_NAMES: Record<string, string> = {
  forbidden_name: '禁用人名',
  sensitive: '敏感词',
  typo: '错别字',
};

export const FIELD_NAMES: Record<string, string> = { title: '标题', summary: '摘要', body: '正文' };

export const PUBLICATION_STATUS_NAMES: Record<string, string> = {
  pending: '投递中',
  published: '已发布',
  failed: '失败',
  withdrawn: '已撤回',
  withdraw_failed: '撤回失败',
};
