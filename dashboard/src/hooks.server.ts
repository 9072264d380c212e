import { type Handle, type HandleServerError, redirect } from '@sveltejs/kit';
import { hasRole, isPublicRoute, loginUrl, routeRoles } from '$lib/server/access.ts';
import { apiError } from '$lib/server/api.ts';
import { logger } from '$lib/server/context.ts';
import { applySecurityHeaders } from '$lib/server/security-headers.ts';
import { resolveSession } from '$lib/server/session.ts';

/**
 * Resolves the session, then lets a request through only if it is public or signed in, and only
 * if the user holds a role the path needs.
 */
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
  // Role policy by path, before any route code runs; each route checks again with requireRole.
  // A page GET goes on so its layout renders the 403 page; API calls and form posts stop here.
  const roles = routeRoles(pathname);
  const pageView = event.request.method === 'GET' && !pathname.startsWith('/api/');
  if (user && roles && !hasRole(user, ...roles) && !pageView) {
    const response = apiError(403, 'forbidden', '没有权限访问此内容');
    applySecurityHeaders(response.headers);
    return response;
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
