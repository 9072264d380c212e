/**
 * `yuqing start` and `yuqing analyze --once` give the opinion index the same source authority:
 * the sources file's, the dashboard's (migration 0012) and, when it runs, the demo site's.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger, loadConfig, migrate, type Store, upsertManagedSource } from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observerOptions } from '../src/sources.ts';
import { availableEngines } from './support/engines.ts';

const logger = createLogger('silent');

function sourcesFile(yaml: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'yq-sources-')), 'sources.yaml');
  writeFileSync(file, yaml);
  return file;
}

describe.each(availableEngines())('observer options on $name', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => {
    if (engine.skip) return;
    ({ store, close } = await engine.open());
    await migrate(store, logger);
    await upsertManagedSource(store, {
      id: 'county-portal',
      definition: { kind: 'site', name: '县政府网', startUrls: ['https://gov.example.cn/'], authority: 0.95 },
      enabled: true,
      updatedBy: 'editor',
    });
  });
  afterAll(async () => {
    await close?.();
  });

  it.skipIf(engine.skip)('trust the file, the dashboard and the home regions', async () => {
    const file = sourcesFile(
      [
        'sources:',
        '  - id: city-daily',
        '    kind: site',
        '    name: 市日报',
        '    startUrls: ["https://daily.example.cn/"]',
        '    authority: 0.8',
        '  - id: town-forum',
        '    kind: site',
        '    name: 镇论坛',
        '    mediaType: forum',
        '    startUrls: ["https://bbs.example.cn/"]',
      ].join('\n'),
    );
    const config = loadConfig({ YUQING_SOURCES: file, YUQING_HOME_REGIONS: '330100' });
    const options = await observerOptions(store, config, logger);
    expect(options.index?.homeRegions).toEqual(['330100']);
    // town-forum sets no authority: the index weighs it as a forum.
    expect(options.index?.sourceAuthority).toEqual({ 'city-daily': 0.8, 'county-portal': 0.95 });
  });

  it.skipIf(engine.skip)('count the demo site when it would run', async () => {
    const config = loadConfig({ YUQING_SOURCES: sourcesFile('sources: []\n'), YUQING_DEMO: 'auto' });
    const options = await observerOptions(store, config, logger);
    expect(options.index?.sourceAuthority).toMatchObject({ demo: 0.5, 'county-portal': 0.95 });
  });
});
