import { error, redirect } from '@sveltejs/kit';
import { appContext } from '$lib/server/context.ts';
import { finishOidcSignIn, oidcSettings, refusalUrl } from '$lib/server/oidc.ts';
import type { RequestHandler } from './$types';

/** The identity service sends the browser back here (the redirect URI registered there). */
export const GET: RequestHandler = async (event) => {
  const settings = oidcSettings(appContext().config);
  if (!settings) error(404, { message: '未配置统一身份认证', code: 'not_found' });
  const result = await finishOidcSignIn(event, settings);
  redirect(303, result.ok ? result.next : refusalUrl(result.reason, result.next));
};
