/** Waiting rules shared by every fetch: backoff between retries and pauses a host asks for (429). */

const MAX_WAIT_MS = 30_000;

/** Exponential backoff with jitter before retry `n` (1-based): ~0.5 s, 1 s, 2 s … at most 30 s. */
export function backoffMs(retry: number, baseMs = 500): number {
  if (retry <= 0) return 0;
  const exp = Math.min(MAX_WAIT_MS, baseMs * 2 ** (retry - 1));
  return Math.round(exp * (0.75 + Math.random() * 0.5));
}

/** A Retry-After header (seconds or an HTTP date) in milliseconds, capped; null when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.min(MAX_WAIT_MS, Math.max(0, seconds * 1000));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.min(MAX_WAIT_MS, Math.max(0, at - now));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Hosts that asked us to wait (429 with Retry-After): every request to them waits until then. */
export class HostGate {
  private readonly until = new Map<string, number>();

  pause(url: string, ms: number): void {
    const host = hostOf(url);
    this.until.set(host, Math.max(this.until.get(host) ?? 0, Date.now() + ms));
  }

  wait(url: string, signal?: AbortSignal): Promise<void> {
    return sleep((this.until.get(hostOf(url)) ?? 0) - Date.now(), signal);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
