/**
 * resolveAllSources on a real embedded store: before migration 0012 the table is missing and the
 * file's sources still run (with a problem saying why); after it, table rows are merged in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createLogger,
  loadConfig,
  migrate,
  openStore,
  type Store,
  upsertManagedSource,
} from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAllSources } from './resolve-all-sources.ts';
import { SourceSchema } from './source-schema.ts';

const logger = createLogger(process.env.YUQING_LOG_LEVEL ?? 'silent');
const file = [
  SourceSchema.parse({
    id: 'gov-news',
    name: '市政府网',
    kind: 'site',
    startUrls: ['https://gov.example.cn/'],
  }),
];

describe('resolveAllSources', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'yuqing-resolve-'));
    store = await openStore(loadConfig({ YUQING_DATA_DIR: dir }), logger);
  });
  afterAll(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs the file sources when the table cannot be read', async () => {
    const all = await resolveAllSources(store, file);
    expect(all.sources).toEqual(file);
    expect(all.problems).toEqual([
      expect.objectContaining({ sourceId: '', message: expect.stringMatching(/could not be read/) }),
    ]);
  });

  it('adds the table rows once the table exists', async () => {
    await migrate(store, logger);
    await upsertManagedSource(store, {
      id: 'county-feed',
      definition: {
        kind: 'feed',
        name: '县融媒',
        urls: ['https://county.example.cn/rss'],
        intervalMinutes: 15,
      },
      enabled: true,
      updatedBy: 'editor',
    });
    const all = await resolveAllSources(store, file);
    expect(all.sources.map((s) => [s.id, s.intervalMinutes])).toEqual([
      ['gov-news', 30],
      ['county-feed', 15],
    ]);
    expect(all.problems).toEqual([]);
  });
});
