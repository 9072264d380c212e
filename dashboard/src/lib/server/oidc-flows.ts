import { randomBytes } from 'node:crypto';

/** What a sign-in at the identity service must come back with; never leaves the server. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where to go afterwards: a same-origin path, already checked with safeNext. */
  next: string;
}

export interface OidcFlowStoreOptions {
  /** How long a started sign-in may take at the identity service. */
  ttlMs: number;
  /** Pending sign-ins kept at most; the oldest goes first, so a flood of starts costs bounded memory. */
  maxPending: number;
  now?: () => number;
}

/**
 * Started OIDC sign-ins, kept server-side and keyed by a random id that travels only in an
 * HttpOnly cookie. `take` removes the entry, so a callback can be used once: a replay finds nothing.
 * In-memory: with several dashboard processes behind a balancer, sign-in needs sticky sessions.
 */
export class OidcFlowStore {
  readonly #flows = new Map<string, { flow: PendingSignIn; expiresAt: number }>();
  readonly #ttlMs: number;
  readonly #maxPending: number;
  readonly #now: () => number;

  constructor(options: OidcFlowStoreOptions) {
    this.#ttlMs = options.ttlMs;
    this.#maxPending = options.maxPending;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#flows.size;
  }

  /** Keeps a started sign-in and returns the id for its cookie. */
  put(flow: PendingSignIn): string {
    const now = this.#now();
    for (const [id, entry] of this.#flows) {
      if (entry.expiresAt > now) break; // insertion order is expiry order
      this.#flows.delete(id);
    }
    while (this.#flows.size >= this.#maxPending) {
      const oldest = this.#flows.keys().next().value as string;
      this.#flows.delete(oldest);
    }
    const id = randomBytes(32).toString('base64url');
    this.#flows.set(id, { flow, expiresAt: now + this.#ttlMs });
    return id;
  }

  /** The sign-in behind `id`, once; null when unknown, already used or expired. */
  take(id: string | undefined | null): PendingSignIn | null {
    if (!id) return null;
    const entry = this.#flows.get(id);
    if (!entry) return null;
    this.#flows.delete(id);
    return entry.expiresAt > this.#now() ? entry.flow : null;
  }
}
