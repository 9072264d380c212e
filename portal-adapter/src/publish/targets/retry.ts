import { TargetError } from '../types.ts';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Delay before the second attempt; doubled each time, with ±20 % jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8_000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable TargetError, or runs out of
 * attempts; `onRetry` hears about each failure that will be retried.
 */
export async function withRetry<T>(
  policy: RetryPolicy,
  attempt: (n: number) => Promise<T>,
  onRetry?: (error: TargetError, n: number, delayMs: number) => void,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      const e =
        error instanceof TargetError
          ? error
          : new TargetError((error as Error).message ?? String(error), true);
      if (!e.retryable || n >= policy.attempts) throw e;
      const base = Math.min(policy.baseDelayMs * 2 ** (n - 1), policy.maxDelayMs);
      const delay = Math.round(base * (0.8 + Math.random() * 0.4));
      onRetry?.(e, n, delay);
      await sleep(delay);
    }
  }
}

/** Network errors, timeouts, 408, 429 and 5xx are worth retrying; other 4xx are not. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** fetch with a timeout; failures become retryable TargetErrors without the URL (it may hold a key). */
export async function fetchWithTimeout(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause =
      (error as Error).name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : (error as Error).message;
    throw new TargetError(`request failed: ${cause}`, true);
  }
}
