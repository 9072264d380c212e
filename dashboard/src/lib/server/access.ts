import { error } from '@sveltejs/kit';
import { ROLES, type Role, type User } from '@yuqing/schemas';

/** Which requests need no session. Everything else does. */
export function isPublicRoute(method: string, pathname: string): boolean {
  if (pathname === '/login' || pathname === '/api/health') return true;
  if (pathname === '/api/session' && method === 'POST') return true;
  // OIDC sign-in (404 when not configured): its start and the identity provider's way back.
  if (method === 'GET' && (pathname === '/auth/oidc/login' || pathname === '/auth/oidc/callback'))
    return true;
  // The per-column feeds the portal pulls without a session; they hold only published, not
  // withdrawn items (feed_entries with withdrawn = 0, see $lib/server/publish/feeds.ts).
  if ((method === 'GET' || method === 'HEAD') && pathname.startsWith('/feeds/')) return true;
  // Built assets are served before the hooks in production; in development they pass through here.
  return (
    pathname.startsWith('/_app/') ||
    pathname.startsWith('/data/geo/') ||
    pathname === '/favicon.svg' ||
    pathname === '/robots.txt'
  );
}

/** Where to go after login: only a path on this site, never another origin (`//evil`, `/\evil`). */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // Control characters (a tab or newline inside `/\t/evil`) can turn a path into another host.
  if ([...next].some((c) => c.charCodeAt(0) < 0x20 || c === '\x7f')) return '/';
  if (next === '/login' || next.startsWith('/login?')) return '/';
  return next;
}

/** The login URL that brings the user back to where they were. */
export function loginUrl(url: URL): string {
  const target = url.pathname + url.search;
  return target === '/' ? '/login' : `/login?next=${encodeURIComponent(target)}`;
}

type RoleHolder = Pick<User, 'roles'>;

/** True when the user holds one of `roles` (any signed-in user when none); an admin holds every permission. */
export function hasRole(user: RoleHolder | null | undefined, ...roles: readonly Role[]): boolean {
  if (!user) return false;
  if (roles.length === 0) return true;
  return user.roles.includes('admin') || roles.some((r) => user.roles.includes(r));
}

export const ALL_ROLES: readonly Role[] = ROLES;
/** Who may read the cockpit, search and export. Crawled public content is shared by all roles. */
export const COCKPIT_ROLES: readonly Role[] = ['leader', 'analyst'];
export const EXPORT_ROLES: readonly Role[] = ['analyst', 'editor'];

/**
 * The role each path needs, checked in hooks.server.ts before any route runs (longest prefix
 * first). Routes check again with requireRole, so a route moved out of its prefix stays guarded.
 */
const ROUTE_POLICY: ReadonlyArray<readonly [string, readonly Role[]]> = [
  ['/api/documents/export', EXPORT_ROLES],
  ['/api/admin', ['admin']],
  ['/admin', ['admin']],
  ['/api/cockpit', COCKPIT_ROLES],
];

export function routeRoles(pathname: string): readonly Role[] | null {
  for (const [prefix, roles] of ROUTE_POLICY) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return roles;
  }
  return null;
}

/** The signed-in user, or a 401. */
export function requireUser(locals: App.Locals): User {
  if (!locals.user) error(401, { message: '未登录或会话已过期，请先登录', code: 'unauthorized' });
  return locals.user;
}

/** The signed-in user if they hold one of `roles` (admins always do), else a 403. */
export function requireRole(locals: App.Locals, ...roles: readonly Role[]): User {
  const user = requireUser(locals);
  if (!hasRole(user, ...roles)) error(403, { message: '没有权限访问此内容', code: 'forbidden' });
  return user;
}

export interface DepartmentNode {
  id: string;
  parentId: string;
  name: string;
}

/** `rootId` and every department below it (cycles in bad data are cut, not followed forever). */
export function descendants(departments: readonly DepartmentNode[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const d of departments) {
    const list = children.get(d.parentId) ?? [];
    list.push(d.id);
    children.set(d.parentId, list);
  }
  const out = new Set<string>([rootId]);
  const queue = [rootId];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as string) ?? []) {
      if (!out.has(child)) {
        out.add(child);
        queue.push(child);
      }
    }
  }
  return out;
}

/**
 * The departments whose private items a user may see: their own and its sub-departments; an
 * admin sees all. Items shared with all are visible regardless (checked by the caller).
 */
export function departmentScope(
  departments: readonly DepartmentNode[],
  user: Pick<User, 'roles' | 'departmentId'>,
): Set<string> {
  if (user.roles.includes('admin')) return new Set(departments.map((d) => d.id));
  return descendants(departments, user.departmentId);
}

export type Visibility = 'private' | 'subtree' | 'all';

/**
 * Whether a user may see an item owned by `ownerDepartment`: `private` items are visible in the
 * owning department only, `subtree` ones in it and its sub-departments, `all` ones everywhere.
 * A user of a parent department sees everything below it (supervision), an admin sees all.
 */
export function canSeeItem(
  departments: readonly DepartmentNode[],
  user: Pick<User, 'roles' | 'departmentId'>,
  item: { ownerDepartment: string; visibility: Visibility },
): boolean {
  if (item.visibility === 'all' || user.roles.includes('admin')) return true;
  if (descendants(departments, user.departmentId).has(item.ownerDepartment)) return true;
  if (item.visibility === 'private') return false;
  return descendants(departments, item.ownerDepartment).has(user.departmentId);
}

/** True when moving `id` under `newParentId` would put it below itself. */
export function wouldCreateCycle(
  departments: readonly DepartmentNode[],
  id: string,
  newParentId: string,
): boolean {
  return descendants(departments, id).has(newParentId);
}
