import { fail, redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/server/access.ts';
import { appContext } from '$lib/server/context.ts';
import { oidcSettings } from '$lib/server/oidc.ts';
import { oidcRefusalMessage } from '$lib/server/oidc-users.ts';
import { LoginBodySchema } from '$lib/server/requests.ts';
import { login, rateLimitMessage } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeNext(url.searchParams.get('next'));
  if (locals.user) redirect(303, next);
  // With OIDC configured, a 使用…登录 button beside the password form; refusals come back as ?error=oidc_….
  const oidc = oidcSettings(appContext().config);
  if (!oidc) return { oidc: null, oidcError: null };
  const href = next === '/' ? '/auth/oidc/login' : `/auth/oidc/login?${new URLSearchParams({ next })}`;
  return {
    oidc: { name: oidc.name, href },
    oidcError: oidcRefusalMessage(url.searchParams.get('error'), oidc.name),
  };
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
