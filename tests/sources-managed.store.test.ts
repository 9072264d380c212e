/**
 * Dashboard-managed sources in the store (migration 0012): the writers and queries the dashboard
 * uses. Story: an editor adds `city-news`, edits it twice within the same millisecond, disables it,
 * adds `county-feed` and deletes it; then asks twice for a run of `city-news` and once of `gov-file`.
 */
import {
  createLogger,
  deleteManagedSource,
  getManagedSources,
  getSourceRunRequests,
  migrate,
  requestSourceRun,
  type Store,
  upsertManagedSource,
} from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from './support/engines.ts';

const site = (name: string) => ({ kind: 'site', name, startUrls: ['https://news.example.cn/'] });

describe.each(availableEngines())('managed sources on $name', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => {
    if (engine.skip) return;
    ({ store, close } = await engine.open());
    await migrate(store, createLogger('silent'));
  });
  afterAll(async () => {
    await close?.();
  });

  it.skipIf(engine.skip)('the newest version of each id wins; deleted ids are gone', async () => {
    const at = new Date('2026-11-23T08:00:00.000Z');
    await upsertManagedSource(
      store,
      { id: 'city-news', definition: site('v1'), enabled: true, updatedBy: 'u1' },
      at,
    );
    // Same millisecond: the writer still orders the versions.
    await upsertManagedSource(
      store,
      { id: 'city-news', definition: site('v2'), enabled: true, updatedBy: 'u1' },
      at,
    );
    await upsertManagedSource(
      store,
      { id: 'city-news', definition: site('v3'), enabled: false, updatedBy: 'u2' },
      at,
    );
    await upsertManagedSource(
      store,
      { id: 'county-feed', definition: site('c'), enabled: true, updatedBy: 'u1' },
      at,
    );
    await deleteManagedSource(store, 'county-feed', 'u2', at);

    const rows = await getManagedSources(store);
    expect(rows.map((r) => r.id)).toEqual(['city-news']);
    const [row] = rows;
    expect(row?.definition).toEqual({ ...site('v3'), id: 'city-news' });
    expect(row?.enabled).toBe(false);
    expect(row?.updatedBy).toBe('u2');
    expect(Date.parse(row?.updatedAt ?? '')).toBeGreaterThan(at.getTime());
  });

  it.skipIf(engine.skip)('a deleted id can be created again', async () => {
    await upsertManagedSource(store, {
      id: 'county-feed',
      definition: site('again'),
      enabled: true,
      updatedBy: 'u3',
    });
    const rows = await getManagedSources(store);
    expect(rows.find((r) => r.id === 'county-feed')?.definition).toMatchObject({ name: 'again' });
  });

  it.skipIf(engine.skip)('rejects a definition whose id disagrees, or that is not an object', async () => {
    await expect(
      upsertManagedSource(store, {
        id: 'a',
        definition: { ...site('x'), id: 'b' },
        enabled: true,
        updatedBy: 'u',
      }),
    ).rejects.toThrow(/definition.id/);
    await expect(
      upsertManagedSource(store, { id: 'a', definition: 'kind: site', enabled: true, updatedBy: 'u' }),
    ).rejects.toThrow(/must be an object/);
    await expect(deleteManagedSource(store, ' ', 'u')).rejects.toThrow(/empty/);
    expect((await getManagedSources(store)).some((r) => r.id === 'a')).toBe(false);
  });

  it.skipIf(engine.skip)('run requests: the latest per source', async () => {
    const now = Date.now();
    await requestSourceRun(store, 'city-news', 'u1', new Date(now - 60_000));
    await requestSourceRun(store, 'city-news', 'u2', new Date(now - 1_000));
    await requestSourceRun(store, 'gov-file', 'u1', new Date(now - 30_000));
    await requestSourceRun(store, 'old', 'u1', new Date(now - 30 * 86_400_000));
    const requests = await getSourceRunRequests(store);
    expect(requests).toEqual([
      { sourceId: 'city-news', requestedBy: 'u2', requestedAt: new Date(now - 1_000).toISOString() },
      { sourceId: 'gov-file', requestedBy: 'u1', requestedAt: new Date(now - 30_000).toISOString() },
    ]);
    expect((await getSourceRunRequests(store, { sources: ['gov-file'] })).map((r) => r.sourceId)).toEqual([
      'gov-file',
    ]);
  });
});
