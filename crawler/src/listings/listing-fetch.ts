import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { type ErrorKind, errorKind, isTransient, statusKind, TooLargeError } from '../crawl/error-kind.ts';
import { backoffMs, retryAfterMs, sleep } from '../crawl/politeness.ts';
import { readLimited } from '../crawl/read-limited.ts';

export interface ListingRequest {
  url: string;
  userAgent: string;
  maxBytes: number;
  timeoutMs: number;
  retries: number;
  /** Stored validators: sent as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
  signal?: AbortSignal;
}

export type ListingResponse =
  | { status: 'ok'; bytes: Buffer; contentType: string; etag: string; lastModified: string; finalUrl: string }
  | { status: 'not_modified' }
  | { status: 'failed'; kind: ErrorKind; message: string };

/**
 * Fetches a feed or sitemap with a conditional GET, the size limit, and retries with backoff on
 * 429 (honouring Retry-After), 5xx, timeouts and network errors. `.gz` sitemaps are unzipped.
 * Never throws: a failure comes back with its kind.
 */
export async function fetchListing(req: ListingRequest): Promise<ListingResponse> {
  let last: ListingResponse = { status: 'failed', kind: 'other', message: 'not fetched' };
  for (let attempt = 0; attempt <= req.retries; attempt++) {
    if (req.signal?.aborted) break;
    const { response, waitMs, retry } = await fetchOnce(req);
    last = response;
    if (!retry || attempt === req.retries) break;
    await sleep(waitMs ?? backoffMs(attempt + 1), req.signal);
  }
  return last;
}

interface Attempt {
  response: ListingResponse;
  retry?: boolean;
  waitMs?: number;
}

async function fetchOnce(req: ListingRequest): Promise<Attempt> {
  const headers: Record<string, string> = {
    'user-agent': req.userAgent,
    accept:
      'application/rss+xml, application/atom+xml, application/feed+json, application/xml, text/xml, */*;q=0.5',
  };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('request timed out')), req.timeoutMs);
  const onAbort = () => controller.abort(new Error('aborted'));
  req.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await fetch(req.url, { headers, signal: controller.signal, redirect: 'follow' });
    if (res.status === 304) {
      await res.body?.cancel();
      return { response: { status: 'not_modified' } };
    }
    if (res.status >= 400) {
      await res.body?.cancel();
      const kind = statusKind(res.status);
      return {
        response: { status: 'failed', kind, message: `HTTP ${res.status}` },
        // A 429 is worth a retry, after the wait the server asked for.
        retry: res.status === 429 || res.status >= 500,
        waitMs: res.status === 429 ? (retryAfterMs(res.headers.get('retry-after')) ?? undefined) : undefined,
      };
    }
    const stream = res.body ? Readable.fromWeb(res.body as never) : Readable.from([]);
    let bytes = await readLimited(stream, req.maxBytes, req.timeoutMs, res.headers.get('content-length'));
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes, { maxOutputLength: req.maxBytes });
    return {
      response: {
        status: 'ok',
        bytes,
        contentType: res.headers.get('content-type') ?? '',
        etag: res.headers.get('etag') ?? '',
        lastModified: res.headers.get('last-modified') ?? '',
        finalUrl: res.url || req.url,
      },
    };
  } catch (err) {
    const error = (controller.signal.aborted && controller.signal.reason) || (err as Error);
    const kind =
      error instanceof TooLargeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
        ? 'too_large'
        : errorKind(error as Error);
    return {
      response: { status: 'failed', kind, message: (error as Error).message },
      retry: isTransient(kind),
    };
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onAbort);
  }
}
