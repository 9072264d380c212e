/**
 * Signing in to the dashboard in the e2e tests: over the API (POST /api/session, then calls with
 * the session cookie) and through the login form in a browser.
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A signed-in API client: the session cookie from POST /api/session and a call with it. */
export async function apiSession(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status, `login ${username}`).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const call = (method: string, url: string, body?: unknown) =>
    fetch(`${base}${url}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { cookie, call };
}

/** Signs in over the API and returns the call with the session cookie. */
export async function apiLogin(base: string, username: string, password: string) {
  return (await apiSession(base, username, password)).call;
}

/** Signs in through the login form in a new page and returns it once it has left /login. */
export async function browserLogin(
  browser: Browser,
  base: string,
  username: string,
  password: string,
  viewport = { width: 1366, height: 900 },
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${base}/login`);
  // Typing before hydration could be lost; the form says when it is interactive.
  await page.locator('form[data-hydrated="true"]').waitFor();
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/login')),
    page.click('button[type="submit"]'),
  ]);
  return page;
}

/** Creates users through the admin API (each in `root` unless a department is given); each must answer 201. */
export async function createUsers(
  admin: (method: string, url: string, body?: unknown) => Promise<Response>,
  password: string,
  users: readonly (readonly [username: string, roles: readonly string[], departmentId?: string])[],
): Promise<void> {
  for (const [username, roles, departmentId = 'root'] of users) {
    const res = await admin('POST', '/api/admin/users', {
      username,
      displayName: username,
      password,
      roles,
      departmentId,
    });
    expect(res.status, username).toBe(201);
  }
}
