/** Chinese names of the codes the API uses. */

export const ROLE_NAMES: Readonly<Record<string, string>> = {
  admin: '管理员',
  leader: '领导',
  analyst: '分析员',
  editor: '编辑',
  chief_editor: '总编',
};

export const MEDIA_NAMES: Readonly<Record<string, string>> = {
  news: '新闻',
  government: '政务',
  forum: '论坛',
  blog: '博客',
  social: '社交',
  newspaper: '报刊',
  video: '视频',
  other: '其他',
};

export const SENTIMENT_NAMES: Readonly<Record<string, string>> = {
  negative: '负面',
  neutral: '中性',
  positive: '正面',
};

export const SENTIMENT_COLORS: Readonly<Record<string, string>> = {
  negative: '#d4380d',
  neutral: '#8c8c8c',
  positive: '#389e0d',
};

export const AUDIT_ACTION_NAMES: Readonly<Record<string, string>> = {
  login: '登录',
  'login.failed': '登录失败',
  logout: '退出',
  'user.create': '创建用户',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'department.create': '创建部门',
  'department.update': '修改部门',
  'department.delete': '删除部门',
  'password.change': '修改密码',
  'password.change_failed': '修改密码失败',
  'documents.export': '导出',
  'document.view': '查看文档',
};

export interface DepartmentLike {
  id: string;
  parentId: string;
  name: string;
}

/** Departments in tree order (parents before children, siblings by name) with their depth. */
export function departmentTree<D extends DepartmentLike>(
  departments: readonly D[],
): { dept: D; depth: number }[] {
  const ids = new Set(departments.map((d) => d.id));
  const children = new Map<string, D[]>();
  for (const d of departments) {
    const parent = ids.has(d.parentId) && d.parentId !== d.id ? d.parentId : '';
    children.set(parent, [...(children.get(parent) ?? []), d]);
  }
  const out: { dept: D; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string, depth: number) => {
    for (const d of [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'zh'))) {
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      out.push({ dept: d, depth });
      walk(d.id, depth + 1);
    }
  };
  walk('', 0);
  return out;
}

/** `本级 / 东区 / 公安分局` for each department id. */
export function departmentPaths(departments: readonly DepartmentLike[]): Map<string, string> {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const out = new Map<string, string>();
  for (const d of departments) {
    const names: string[] = [];
    let cur: DepartmentLike | undefined = d;
    const seen = new Set<string>();
    while (cur && !seen.has(cur.id)) {
      seen.add(cur.id);
      names.unshift(cur.name);
      cur = byId.get(cur.parentId);
    }
    out.set(d.id, names.join(' / '));
  }
  return out;
}
