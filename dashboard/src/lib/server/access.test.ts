import type { Role } from '@yuqing/schemas';
import { describe, expect, it } from 'vitest';
import {
  ALL_ROLES,
  canSeeItem,
  departmentScope,
  descendants,
  hasRole,
  isPublicRoute,
  loginUrl,
  requireRole,
  routeRoles,
  safeNext,
  wouldCreateCycle,
} from './access.ts';

describe('isPublicRoute', () => {
  it.each([
    ['GET', '/login', true],
    ['POST', '/login', true],
    ['GET', '/api/health', true],
    ['POST', '/api/session', true],
    ['DELETE', '/api/session', false],
    ['GET', '/api/documents', false],
    ['GET', '/', false],
    ['POST', '/logout', false],
    ['GET', '/feeds/news/rss.xml', true],
    ['HEAD', '/feeds/news/atom.xml', true],
    ['POST', '/feeds/news/rss.xml', false],
    ['GET', '/feeds', false],
    ['GET', '/feedsx/news/rss.xml', false],
    ['GET', '/api/publish/drafts', false],
    ['GET', '/auth/oidc/login', true],
    ['GET', '/auth/oidc/callback', true],
    ['POST', '/auth/oidc/callback', false],
    ['GET', '/auth/oidc/other', false],
  ])('%s %s → %s', (method, path, expected) => {
    expect(isPublicRoute(method, path)).toBe(expected);
  });
});

describe('safeNext', () => {
  it.each([
    ['/documents?page=2', '/documents?page=2'],
    [null, '/'],
    ['https://evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/login?next=/', '/'],
    ['/\t/evil.example', '/'],
  ])('%s → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});

describe('loginUrl', () => {
  it('remembers the path and query', () => {
    expect(loginUrl(new URL('http://h/a/b?x=1'))).toBe('/login?next=%2Fa%2Fb%3Fx%3D1');
    expect(loginUrl(new URL('http://h/'))).toBe('/login');
  });
});

describe('roles', () => {
  const analyst = { roles: ['analyst'] as Role[], departmentId: 'b' };
  const admin = { roles: ['admin'] as Role[], departmentId: 'root' };

  it('lets an admin through every role check', () => {
    expect(hasRole(admin, 'leader')).toBe(true);
    expect(hasRole(admin)).toBe(true);
  });

  it('checks any of the roles, and any signed-in user when none is named', () => {
    expect(hasRole(analyst, 'leader', 'analyst')).toBe(true);
    expect(hasRole(analyst, 'admin')).toBe(false);
    expect(hasRole(analyst)).toBe(true);
    expect(hasRole(null, 'analyst')).toBe(false);
  });

  it('knows the chief editor (总编) as a role of its own, not an admin', () => {
    const chief = { roles: ['chief_editor'] as Role[], departmentId: 'b' };
    expect(ALL_ROLES).toContain('chief_editor');
    expect(hasRole(chief, 'chief_editor')).toBe(true);
    expect(hasRole(chief, 'editor', 'admin')).toBe(false);
    expect(hasRole(admin, 'chief_editor')).toBe(true);
    expect(routeRoles('/feeds/news/rss.xml')).toBeNull();
  });

  it('maps paths to the roles they need', () => {
    expect(routeRoles('/admin')).toEqual(['admin']);
    expect(routeRoles('/admin/users')).toEqual(['admin']);
    expect(routeRoles('/administrator')).toBeNull();
    expect(routeRoles('/api/admin/users/x')).toEqual(['admin']);
    expect(routeRoles('/api/documents/export')).toEqual(['analyst', 'editor']);
    expect(routeRoles('/api/documents')).toBeNull();
    expect(routeRoles('/api/cockpit/summary')).toEqual(['leader', 'analyst']);
  });

  it('answers 403 from requireRole and 401 without a user', () => {
    const status = (fn: () => unknown) => {
      try {
        fn();
        return 200;
      } catch (e) {
        return (e as { status: number }).status;
      }
    };
    const locals = (user: unknown) => ({ user, sessionToken: null }) as App.Locals;
    expect(status(() => requireRole(locals({ ...analyst, id: 'u' }), 'admin'))).toBe(403);
    expect(status(() => requireRole(locals({ ...analyst, id: 'u' }), 'analyst'))).toBe(200);
    expect(status(() => requireRole(locals(null), 'analyst'))).toBe(401);
  });
});

describe('department scope', () => {
  // city → two districts → a bureau under the east district.
  const tree = [
    { id: 'city', parentId: '', name: '市' },
    { id: 'east', parentId: 'city', name: '东区' },
    { id: 'west', parentId: 'city', name: '西区' },
    { id: 'east-police', parentId: 'east', name: '东区公安分局' },
  ];
  const user = (departmentId: string, roles: Role[] = ['analyst']) => ({ roles, departmentId });

  it('covers the own department and those below it', () => {
    expect([...departmentScope(tree, user('east'))].sort()).toEqual(['east', 'east-police']);
    expect([...departmentScope(tree, user('east-police'))]).toEqual(['east-police']);
    expect(departmentScope(tree, user('city')).size).toBe(4);
  });

  it('gives an admin every department', () => {
    expect(departmentScope(tree, user('west', ['admin'])).size).toBe(4);
  });

  it('survives a cycle in bad data', () => {
    const cyclic = [...tree, { id: 'a', parentId: 'b', name: 'a' }, { id: 'b', parentId: 'a', name: 'b' }];
    expect([...descendants(cyclic, 'a')].sort()).toEqual(['a', 'b']);
  });

  it('refuses to move a department below itself', () => {
    expect(wouldCreateCycle(tree, 'east', 'east-police')).toBe(true);
    expect(wouldCreateCycle(tree, 'east', 'east')).toBe(true);
    expect(wouldCreateCycle(tree, 'east-police', 'west')).toBe(false);
  });

  it.each([
    ['private item of the own department', 'east', 'east', 'private', true],
    ['private item of a sub-department (supervision)', 'east', 'east-police', 'private', true],
    ['private item of a sibling', 'west', 'east', 'private', false],
    ['private item of the parent', 'east-police', 'east', 'private', false],
    ['item shared with sub-departments, seen from below', 'east-police', 'east', 'subtree', true],
    ['item shared with sub-departments, seen from a sibling', 'west', 'east', 'subtree', false],
    ['item shared with all', 'west', 'east-police', 'all', true],
  ] as const)('%s', (_name, dept, owner, visibility, expected) => {
    expect(canSeeItem(tree, user(dept), { ownerDepartment: owner, visibility })).toBe(expected);
  });
});
