import { fail, redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/server/access.ts';
import { LoginBodySchema } from '$lib/server/requests.ts';
import { login, rateLimitMessage } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const username = String(form.get('username') ?? '');
    const parsed = LoginBodySchema.safeParse({ username, password: String(form.get('password') ?? '') });
    if (!parsed.success) {
      return fail(400, { username, message: parsed.error.issues[0]?.message ?? '请输入用户名和密码' });
    }
    const result = await login(event, parsed.data.username, parsed.data.password);
    if (result.ok) redirect(303, safeNext(event.url.searchParams.get('next')));
    if (result.reason === 'rate_limited') {
      event.setHeaders({ 'Retry-After': String(result.retryAfterSeconds) });
      return fail(429, { username, message: rateLimitMessage(result.retryAfterSeconds) });
    }
    return fail(401, { username, message: '用户名或密码错误' });
  },
};
