import { NonRetryableError } from 'crawlee';

/** The error kinds source health shows; `robots`, `parse` and `extract` are counted where they happen. */
export type ErrorKind =
  | 'dns'
  | 'timeout'
  | 'http_4xx'
  | 'http_429'
  | 'http_5xx'
  | 'robots'
  | 'parse'
  | 'too_large'
  | 'network'
  | 'extract'
  | 'store'
  | 'crawler'
  | 'other';

/** A response bigger than the source's `maxBytes`: not retried, recorded as `too_large`. */
export class TooLargeError extends NonRetryableError {
  override name = 'TooLargeError';
}

/** A response we do not want (not HTML, a trap): not an error, counted as skipped. */
export class SkipError extends NonRetryableError {
  override name = 'SkipError';
  constructor(readonly reason: string) {
    super(`skipped: ${reason}`);
  }
}

/** The kind of an HTTP status that failed the request. */
export function statusKind(status: number): ErrorKind {
  return status >= 500 ? 'http_5xx' : status === 429 ? 'http_429' : 'http_4xx';
}

/** Groups failures into the kinds source health shows. */
export function errorKind(error: Error): ErrorKind {
  if (error instanceof TooLargeError || error.name === 'TooLargeError') return 'too_large';
  const message = error.message;
  const status = /^(\d{3}) - /.exec(message)?.[1] ?? /received (\d{3}) status code/.exec(message)?.[1];
  if (status) return statusKind(Number(status));
  const code = (error as NodeJS.ErrnoException).code ?? (error.cause as NodeJS.ErrnoException)?.code ?? '';
  const text = `${code} ${message} ${(error.cause as Error | undefined)?.message ?? ''}`;
  if (/ENOTFOUND|EAI_AGAIN|EAI_NONAME|getaddrinfo/i.test(text)) return 'dns';
  if (/timed? ?out|timeout|ETIMEDOUT|aborted due to timeout/i.test(text)) return 'timeout';
  if (/ECONN|EPIPE|socket|network|fetch failed|other side closed|UND_ERR/i.test(text)) return 'network';
  return 'other';
}

/** Whether a failure may go away on a retry (network, timeout, 429, 5xx). */
export function isTransient(kind: ErrorKind | string): boolean {
  return ['timeout', 'network', 'http_5xx', 'http_429', 'dns'].includes(kind);
}
