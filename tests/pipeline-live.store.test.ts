/**
 * The platform's live analysis (`startAnalysis`, as `yuqing start` runs it) on a real embedded store:
 * the analyzer sleeps for a minute between rounds, yet a batch the crawler stores is analyzed,
 * alerted and delivered to a webhook within seconds, because each stored batch wakes it. Story: a
 * chemical plant explodes in 滨江; two reports arrive a moment apart, then the platform stops.
 */
import {
  createLogger,
  getAlertLatency,
  getAlerts,
  loadConfig,
  migrate,
  openStore,
  type RawDocument,
  type Store,
  saveAlertRule,
  saveChannel,
  writeRawDocuments,
} from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../analyzer/src/notify/test-receiver.ts';
import { type Analysis, onInsert, startAnalysis } from '../src/platform.ts';
import { tempDir } from './support/temp-dir.ts';

const logger = createLogger('silent');

function report(id: string, title: string, body: string): RawDocument {
  const now = Date.now();
  return {
    id,
    url: `http://news.test/${id}.html`,
    canonicalUrl: `http://news.test/${id}.html`,
    source: 'news',
    site: 'news.test',
    mediaType: 'news',
    title,
    body,
    author: '',
    publishedAt: new Date(now - 120_000).toISOString(),
    fetchedAt: new Date(now).toISOString(),
    contentHash: id,
  };
}

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('live analysis in the platform', { timeout: 120_000 }, () => {
  const tmp = tempDir('pipeline-live');
  const controller = new AbortController();
  let store: Store;
  let analysis: Analysis;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    const config = loadConfig({
      YUQING_DATA_DIR: tmp.dir,
      YUQING_ANALYZE_INTERVAL: '60',
      YUQING_ANALYZER_WORKERS: '1',
    });
    store = await openStore(config, logger);
    await migrate(store, logger);
    receiver = await startReceiver();
    await saveChannel(store, {
      id: 'ch-hook',
      departmentId: 'd-city',
      name: '值班系统',
      kind: 'webhook',
      config: { url: `${receiver.url}/hook` },
      enabled: true,
    });
    await saveAlertRule(store, {
      id: 'r-blast',
      departmentId: 'd-city',
      name: '危化品事故',
      definition: {
        type: 'document',
        when: [{ kind: 'keyword', expression: '化工厂 NEAR/20 爆炸' }],
        notify: { channels: ['ch-hook'] },
      },
      enabled: true,
    });
    analysis = await startAnalysis({ store, config, logger, signal: controller.signal });
  });
  afterAll(async () => {
    controller.abort();
    await analysis?.done;
    await analysis?.close();
    await receiver?.close();
    await store?.close();
    tmp.cleanup();
  });

  it('alerts and delivers a stored crawl batch in seconds, not at the next interval', async () => {
    const crawlerStore = onInsert(store, 'raw_documents', analysis.wake);
    const stored = Date.now();
    await writeRawDocuments(crawlerStore, [
      report(
        'boom-1',
        '滨江一化工厂发生爆炸',
        '今天上午滨江区一化工厂发生爆炸，消防正在处置，伤亡情况不明。',
      ),
    ]);
    await writeRawDocuments(crawlerStore, [
      report(
        'boom-2',
        '化工厂爆炸现场浓烟滚滚',
        '记者赶到滨江化工厂爆炸现场，消防车持续赶来，周边居民已疏散。',
      ),
    ]);
    const alerts = await until(
      () => getAlerts(store, { departmentIds: ['d-city'] }),
      (a) => a[0]?.documents === 2,
      30_000,
    );
    expect(alerts.map((a) => [a.ruleId, a.documents])).toEqual([['r-blast', 2]]);
    const delivered = await until(
      async () => receiver.received.length,
      (n) => n > 0,
      30_000,
    );
    expect(delivered).toBe(1);
    // Well under the 60 s the analyzer would otherwise sleep.
    expect(Date.now() - stored).toBeLessThan(30_000);
    const [overall] = (await getAlertLatency(store, new Date(stored - 60_000).toISOString())).filter(
      (l) => l.source === '',
    );
    expect(overall?.documents).toBe(2);
    expect(overall?.p95).toBeLessThan(30);
    // The document has its topic, shared with the other report of the same explosion.
    const topics = await store.query<{ topic_id: string }>('topics', {
      query: 'SELECT DISTINCT topic_id FROM documents FINAL',
      params: {},
    });
    expect(topics).toHaveLength(1);
    expect(topics[0]?.topic_id).toMatch(/^t[0-9a-f]{15}$/);
  });
});
