import { error, redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/server/access.ts';
import { appContext } from '$lib/server/context.ts';
import { beginOidcSignIn, oidcSettings } from '$lib/server/oidc.ts';
import type { RequestHandler } from './$types';

/** The login page's 使用…登录 button: off to the identity service (404 when OIDC is not configured). */
export const GET: RequestHandler = async (event) => {
  const settings = oidcSettings(appContext().config);
  if (!settings) error(404, { message: '未配置统一身份认证', code: 'not_found' });
  const next = safeNext(event.url.searchParams.get('next'));
  if (event.locals.user) redirect(303, next);
  redirect(303, await beginOidcSignIn(event, settings, next));
};
