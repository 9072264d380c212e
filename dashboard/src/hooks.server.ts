import { type Handle, type HandleServerError, redirect } from '@sveltejs/kit';
import { isPublicRoute, loginUrl } from '$lib/server/access.ts';
import { apiError } from '$lib/server/api.ts';
import { logger } from '$lib/server/context.ts';
import { applySecurityHeaders } from '$lib/server/security-headers.ts';
import { resolveSession } from '$lib/server/session.ts';

/** Resolves the session, then lets a request through only if it is public or signed in. */
export const handle: Handle = async ({ event, resolve }) => {
  const { user, token } = await resolveSession(event.cookies);
  event.locals.user = user;
  event.locals.sessionToken = token;

  const { pathname } = event.url;
  if (!user && !isPublicRoute(event.request.method, pathname)) {
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      const response = apiError(401, 'unauthorized', '未登录或会话已过期，请先登录');
      applySecurityHeaders(response.headers);
      return response;
    }
    redirect(303, loginUrl(event.url));
  }

  const response = await resolve(event);
  applySecurityHeaders(response.headers);
  return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
  if (status === 404) return { message: '页面不存在', code: 'not_found' };
  try {
    logger().error({ err: error, path: event.url.pathname, status }, 'request failed');
  } catch {
    // No platform context: the error below says why; stderr is all there is.
    console.error(error);
  }
  return { message: status >= 500 ? '服务器内部错误，请稍后重试' : message, code: 'internal' };
};
