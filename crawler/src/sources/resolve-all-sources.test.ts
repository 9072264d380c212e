/** The file/table merge without a store: the file wins for its ids, bad rows are reported alone. */
import type { ManagedSourceRecord } from '@yuqing/schemas';
import { describe, expect, it } from 'vitest';
import { formatManagedProblem, mergeSources } from './resolve-all-sources.ts';
import { SourceSchema } from './source-schema.ts';

const file = [
  SourceSchema.parse({
    id: 'gov-news',
    name: '市政府网',
    kind: 'site',
    startUrls: ['https://gov.example.cn/'],
  }),
  SourceSchema.parse({
    id: 'old-feed',
    name: '旧订阅',
    kind: 'feed',
    urls: ['https://old.example.cn/rss'],
    enabled: false,
  }),
];
const row = (id: string, definition: unknown, enabled = true): ManagedSourceRecord => ({
  id,
  definition,
  enabled,
  updatedBy: 'editor',
  updatedAt: '2026-11-23T08:00:00.000Z',
});
const feed = (name: string) => ({ kind: 'feed', name, urls: [`https://${name}.example.cn/rss`] });

describe('mergeSources', () => {
  it('keeps file entries (enabled or not) over table rows with the same id, and adds the rest by id', () => {
    const merged = mergeSources(file, [
      row('zz-county', feed('county'), false),
      row('gov-news', feed('impostor')),
      row('old-feed', feed('revived')),
      row('city-daily', { ...feed('city'), intervalMinutes: 10 }),
    ]);
    expect(merged.sources.map((s) => [s.id, s.enabled])).toEqual([
      ['gov-news', true],
      ['old-feed', false],
      ['city-daily', true],
      ['zz-county', false],
    ]);
    expect(merged.sources[0]).toBe(file[0]);
    expect(merged.sources[2]).toMatchObject({ kind: 'feed', intervalMinutes: 10, rate: 1 });
    expect(merged.shadowed).toEqual(['gov-news', 'old-feed']);
    expect(Object.fromEntries(merged.origin)).toEqual({
      'gov-news': 'file',
      'old-feed': 'file',
      'city-daily': 'table',
      'zz-county': 'table',
    });
    expect(merged.problems).toEqual([]);
  });

  it('reports each invalid row with its field, and still takes the valid ones', () => {
    const merged = mergeSources(file, [
      row('bad-kind', { ...feed('x'), kind: 'ftp' }),
      row('bad-rate', { ...feed('y'), rate: -1 }),
      row('not-json', 'kind: feed'),
      row('Bad Id', feed('z')),
      row('fine', feed('fine')),
    ]);
    expect(merged.sources.map((s) => s.id)).toEqual(['gov-news', 'old-feed', 'fine']);
    expect(merged.problems.map((p) => [p.sourceId, p.field])).toEqual([
      ['Bad Id', 'id'],
      ['bad-kind', 'kind'],
      ['bad-rate', 'rate'],
      ['not-json', undefined],
    ]);
    expect(formatManagedProblem(merged.problems[2] as never)).toBe(
      'managed source bad-rate, field rate: Too small: expected number to be >0',
    );
  });
});
