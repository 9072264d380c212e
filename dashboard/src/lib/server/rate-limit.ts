/**
 * Counts failed logins per key (username + client address) in a sliding window, in memory. One
 * process serves the dashboard, so memory is enough; a restart forgets, which is acceptable.
 */
export interface RateLimitOptions {
  maxFailures: number;
  windowMs: number;
  /** Upper bound on tracked keys, so a flood of random usernames cannot exhaust memory. */
  maxKeys?: number;
  now?: () => number;
}

export type RateLimitVerdict = { blocked: false } | { blocked: true; retryAfterSeconds: number };

export class LoginRateLimiter {
  readonly #failures = new Map<string, number[]>();
  readonly #max: number;
  readonly #window: number;
  readonly #maxKeys: number;
  readonly #now: () => number;

  constructor(options: RateLimitOptions) {
    this.#max = options.maxFailures;
    this.#window = options.windowMs;
    this.#maxKeys = options.maxKeys ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  static key(username: string, ip: string): string {
    return `${username.trim().toLowerCase()}|${ip}`;
  }

  check(key: string): RateLimitVerdict {
    const recent = this.#recent(key);
    if (recent.length < this.#max) return { blocked: false };
    const oldest = recent[recent.length - this.#max] ?? this.#now();
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest + this.#window - this.#now()) / 1000));
    return { blocked: true, retryAfterSeconds };
  }

  recordFailure(key: string): void {
    const recent = this.#recent(key);
    recent.push(this.#now());
    this.#failures.set(key, recent);
    if (this.#failures.size > this.#maxKeys) this.#prune();
  }

  reset(key: string): void {
    this.#failures.delete(key);
  }

  get size(): number {
    return this.#failures.size;
  }

  #recent(key: string): number[] {
    const since = this.#now() - this.#window;
    const recent = (this.#failures.get(key) ?? []).filter((t) => t > since);
    if (recent.length === 0) this.#failures.delete(key);
    return recent;
  }

  /** Drops expired keys, then the oldest ones if still over the bound. */
  #prune(): void {
    for (const key of [...this.#failures.keys()]) this.#recent(key);
    const excess = this.#failures.size - this.#maxKeys;
    if (excess <= 0) return;
    let dropped = 0;
    for (const key of this.#failures.keys()) {
      if (dropped++ >= excess) break;
      this.#failures.delete(key);
    }
  }
}
