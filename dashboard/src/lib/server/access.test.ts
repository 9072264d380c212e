import { describe, expect, it } from 'vitest';
import { isPublicRoute, loginUrl, safeNext } from './access.ts';

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
