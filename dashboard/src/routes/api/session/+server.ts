import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/access.ts';
import { apiError, apiHandler, badRequest } from '$lib/server/api.ts';
import { LoginBodySchema } from '$lib/server/requests.ts';
import { login, logout, rateLimitMessage } from '$lib/server/session.ts';
import type { RequestHandler } from './$types';

/** Signs in with `{ username, password }`; the session travels in the `yuqing_session` cookie. */
export const POST: RequestHandler = apiHandler('session.create', async (event) => {
  const body: unknown = await event.request.json().catch(() => undefined);
  if (body === undefined) return apiError(400, 'bad_request', '请求体须为 JSON：{"username","password"}');
  const parsed = LoginBodySchema.safeParse(body);
  if (!parsed.success) return badRequest(parsed.error);

  const result = await login(event, parsed.data.username, parsed.data.password);
  if (result.ok) {
    const { id, username, displayName, roles } = result.user;
    return json({ user: { id, username, displayName, roles } });
  }
  if (result.reason === 'rate_limited') {
    return apiError(429, 'rate_limited', rateLimitMessage(result.retryAfterSeconds), undefined, {
      'Retry-After': String(result.retryAfterSeconds),
    });
  }
  return apiError(401, 'invalid_credentials', '用户名或密码错误');
});

/** Signs out: revokes the session and clears the cookie. */
export const DELETE: RequestHandler = apiHandler('session.delete', async (event) => {
  await logout(event);
  return new Response(null, { status: 204 });
});

/** The signed-in user: `{ user: { id, username, displayName, roles, departmentId } }`. */
export const GET: RequestHandler = apiHandler('session.get', async ({ locals }) => {
  const { id, username, displayName, roles, departmentId } = requireUser(locals);
  return json({ user: { id, username, displayName, roles, departmentId } });
});
