import { createHash } from 'node:crypto';

/** Query parameters that only track where a click came from; they never change the page. */
const TRACKING =
  /^(utm_\w+|spm|from|fromsource|share_token|gclid|fbclid|wfr|isappinstalled|scene|clicktime)$/i;

/** Session ids: every visit mints a new one, so a crawler that keeps them never stops (a trap). */
const SESSION = /^(jsessionid|phpsessid|aspsessionid\w*|sid|sessionid|session_id|sess|cfid|cftoken|s_id)$/i;

/**
 * One spelling per page: lower-case host, no default port, no fragment, no tracking parameters or
 * session ids (`;jsessionid=…` path parameters too), remaining parameters sorted. Returns the input
 * unchanged if it is not a URL.
 */
export function canonicalUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return input;
  }
  url.hash = '';
  url.pathname = url.pathname.replace(/;(jsessionid|phpsessid|sid)=[^/;?]*/gi, '');
  const kept = [...url.searchParams.entries()]
    .filter(([key]) => !TRACKING.test(key) && !SESSION.test(key))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a < b ? -1 : 1));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname === '') url.pathname = '/';
  return url.toString();
}

export function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

/** Document id: sha1 of the canonical URL, so every spelling of a page is one document. */
export function documentId(url: string): string {
  return sha1Hex(canonicalUrl(url));
}

/** Detects a changed article: the text that matters, not the page chrome around it. */
export function contentHash(title: string, body: string): string {
  return sha1Hex(`${title}\n${body}`);
}
