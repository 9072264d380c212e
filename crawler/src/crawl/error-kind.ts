/** Groups failures into the kinds source health shows. */
export function errorKind(error: Error): string {
  const message = error.message;
  const status = /^(\d{3}) - /.exec(message)?.[1];
  if (status) return status.startsWith('5') ? 'http_5xx' : `http_${status}`;
  if (/blocked/i.test(message)) return 'blocked';
  if (/timed? ?out|timeout/i.test(message)) return 'timeout';
  if (/ECONN|ENOTFOUND|EAI_AGAIN|socket|network/i.test(message)) return 'network';
  if (/content-type|mime/i.test(message)) return 'content_type';
  return 'other';
}
