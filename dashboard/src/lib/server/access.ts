/** Which requests need no session. Everything else does. */
export function isPublicRoute(method: string, pathname: string): boolean {
  if (pathname === '/login' || pathname === '/api/health') return true;
  if (pathname === '/api/session' && method === 'POST') return true;
  // Built assets are served before the hooks in production; in development they pass through here.
  return pathname.startsWith('/_app/') || pathname === '/favicon.svg' || pathname === '/robots.txt';
}

/** Where to go after login: only a path on this site, never another origin (`//evil`, `/\evil`). */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // Control characters (a tab or newline inside `/\t/evil`) can turn a path into another host.
  if ([...next].some((c) => c.charCodeAt(0) < 0x20 || c === '\x7f')) return '/';
  if (next === '/login' || next.startsWith('/login?')) return '/';
  return next;
}

/** The login URL that brings the user back to where they were. */
export function loginUrl(url: URL): string {
  const target = url.pathname + url.search;
  return target === '/' ? '/login' : `/login?next=${encodeURIComponent(target)}`;
}
