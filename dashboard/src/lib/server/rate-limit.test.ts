import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './rate-limit.ts';

function limiter(maxKeys?: number) {
  let now = 1_000_000;
  const l = new LoginRateLimiter({ maxFailures: 5, windowMs: 15 * 60_000, maxKeys, now: () => now });
  return { l, advance: (ms: number) => (now += ms) };
}

describe('LoginRateLimiter', () => {
  it('blocks after five failures and says for how long', () => {
    const { l, advance } = limiter();
    const key = LoginRateLimiter.key('admin', '10.0.0.1');
    for (let i = 0; i < 4; i++) {
      l.recordFailure(key);
      advance(1000);
    }
    expect(l.check(key)).toEqual({ blocked: false });
    l.recordFailure(key);
    const verdict = l.check(key);
    expect(verdict.blocked).toBe(true);
    if (verdict.blocked) expect(verdict.retryAfterSeconds).toBe(15 * 60 - 4);
  });

  it('lets the user try again once the oldest failure leaves the window', () => {
    const { l, advance } = limiter();
    const key = LoginRateLimiter.key('admin', '10.0.0.1');
    for (let i = 0; i < 5; i++) l.recordFailure(key);
    advance(15 * 60_000 + 1);
    expect(l.check(key)).toEqual({ blocked: false });
    expect(l.size).toBe(0);
  });

  it('counts per username and address, case-insensitively for the username', () => {
    const { l } = limiter();
    for (let i = 0; i < 5; i++) l.recordFailure(LoginRateLimiter.key('Admin', '10.0.0.1'));
    expect(l.check(LoginRateLimiter.key('admin', '10.0.0.1')).blocked).toBe(true);
    expect(l.check(LoginRateLimiter.key('admin', '10.0.0.2')).blocked).toBe(false);
    expect(l.check(LoginRateLimiter.key('editor', '10.0.0.1')).blocked).toBe(false);
  });

  it('forgets failures after a successful login', () => {
    const { l } = limiter();
    const key = LoginRateLimiter.key('admin', '10.0.0.1');
    for (let i = 0; i < 5; i++) l.recordFailure(key);
    l.reset(key);
    expect(l.check(key)).toEqual({ blocked: false });
  });

  it('keeps at most maxKeys keys', () => {
    const { l } = limiter(100);
    for (let i = 0; i < 1000; i++) l.recordFailure(LoginRateLimiter.key(`user${i}`, '10.0.0.1'));
    expect(l.size).toBeLessThanOrEqual(100);
  });
});
