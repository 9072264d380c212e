import { describe, expect, it } from 'vitest';
import { LoginBodySchema, volumeQuerySchema } from './requests.ts';

function fieldOf(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string {
  return result.error?.issues[0]?.path.join('.') ?? '';
}

describe('volumeQuerySchema', () => {
  // 2025-03-10 12:00 Beijing time.
  const now = () => Date.parse('2025-03-10T04:00:00.000Z');

  it('defaults to the last 14 Beijing days by day', () => {
    expect(volumeQuerySchema(now).parse({})).toEqual({
      from: '2025-02-24T16:00:00.000Z',
      to: '2025-03-10T04:00:00.000Z',
      bucket: 'day',
    });
  });

  it('accepts an explicit range and hourly buckets', () => {
    const q = { from: '2025-03-01T00:00:00Z', to: '2025-03-02T00:00:00Z', bucket: 'hour' };
    expect(volumeQuerySchema(now).parse(q)).toEqual(q);
  });

  it.each([
    [{ bucket: 'week' }, 'bucket'],
    [{ from: 'yesterday' }, 'from'],
    [{ to: '2025-13-01T00:00:00Z' }, 'to'],
    [{ from: '2025-03-02T00:00:00Z', to: '2025-03-01T00:00:00Z' }, 'from'],
    [{ from: '2020-01-01T00:00:00Z', to: '2025-03-01T00:00:00Z' }, 'from'],
  ])('rejects %o on the field %s', (params, field) => {
    const result = volumeQuerySchema(now).safeParse(params);
    expect(result.success).toBe(false);
    expect(fieldOf(result)).toBe(field);
  });
});

describe('LoginBodySchema', () => {
  it('trims the username', () => {
    expect(LoginBodySchema.parse({ username: ' admin ', password: 'x' })).toEqual({
      username: 'admin',
      password: 'x',
    });
  });

  it.each([
    [{ password: 'x' }, 'username'],
    [{ username: 'admin' }, 'password'],
    [{ username: 'admin', password: 42 }, 'password'],
    [{ username: '', password: 'x' }, 'username'],
  ])('rejects %o on the field %s', (body, field) => {
    const result = LoginBodySchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(fieldOf(result)).toBe(field);
  });
});
