/**
 * Headers for every response the app renders. The Content-Security-Policy of pages comes from the
 * kit `csp` option (vite.config.ts), which adds nonces for the inline scripts SvelteKit writes.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

export function applySecurityHeaders(headers: Headers): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (!headers.has(name)) headers.set(name, value);
  }
  // API answers are data, never documents: forbid everything if one is ever opened directly.
  if (
    headers.get('content-type')?.startsWith('application/json') &&
    !headers.has('Content-Security-Policy')
  ) {
    headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  }
}
