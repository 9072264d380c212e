/**
 * Store throughput: insert 100k generated raw documents into the embedded engine in batches,
 * then time the dashboard's first queries (health counts, latest documents, volume trend).
 */
import { createHash } from 'node:crypto';
import {
  createLogger,
  getHealthCounts,
  getLatestDocuments,
  getVolumeTrend,
  loadConfig,
  migrate,
  openStore,
  type RawDocument,
  writeDocuments,
  writeRawDocuments,
} from '@yuqing/schemas';
import { analyzedDocument } from '../tests/support/documents.ts';
import { tempDir } from '../tests/support/temp-dir.ts';
import { type BenchFigure, round, timeQuery } from './harness.ts';

const WORDS =
  '政府 通报 事故 暴雨 学校 医院 交通 调查 群众 部门 安全 食品 环境 污染 投诉 维权 拆迁 欠薪 疫情 救援 警方 市场 价格 房价 教育 高考 就业 养老 医保 社区'.split(
    ' ',
  );
const SOURCES = ['xinhua', 'people', 'weibo', 'gov-portal', 'local-news', 'forum'];
const MEDIA = ['news', 'news', 'social', 'government', 'news', 'forum'] as const;

/** A rough Zipf pick: common words much more often than rare ones. */
function zipfWord(): string {
  return WORDS[Math.floor(WORDS.length * Math.random() ** 2.5)] as string;
}

function generate(i: number, now: number): RawDocument {
  const words = Array.from({ length: 60 }, zipfWord);
  // Newer hours are busier, like a real stream: skew ages towards zero over 30 days.
  const publishedAt = new Date(now - Math.floor(30 * 86_400_000 * Math.random() ** 2)).toISOString();
  const source = i % SOURCES.length;
  const url = `https://bench.example/${source}/${i}.html`;
  return {
    id: createHash('sha1').update(url).digest('hex'),
    url,
    canonicalUrl: url,
    source: SOURCES[source] as string,
    site: 'bench.example',
    mediaType: MEDIA[source] as RawDocument['mediaType'],
    title: words.slice(0, 8).join(''),
    body: words.join(''),
    author: '',
    publishedAt,
    fetchedAt: new Date(Date.parse(publishedAt) + 60_000).toISOString(),
    contentHash: String(i),
  };
}

export async function storeBench(total = 100_000): Promise<BenchFigure[]> {
  const logger = createLogger('silent');
  const tmp = tempDir('bench-store');
  const store = await openStore(loadConfig({ YUQING_DATA_DIR: tmp.dir }), logger);
  try {
    await migrate(store, logger);
    const now = Date.now();
    const docs = Array.from({ length: total }, (_, i) => generate(i, now));
    const batch = 10_000;
    let started = performance.now();
    for (let i = 0; i < total; i += batch) await writeRawDocuments(store, docs.slice(i, i + batch));
    const rawSeconds = (performance.now() - started) / 1000;
    const analyzed = docs.map((d) =>
      analyzedDocument({
        ...d,
        summary: d.body.slice(0, 140),
        analyzedAt: new Date().toISOString(),
        tokens: d.body.match(/.{2}/g) ?? [],
        keywords: d.title.match(/.{2}/g)?.slice(0, 5) ?? [],
      }),
    );
    started = performance.now();
    for (let i = 0; i < total; i += batch) await writeDocuments(store, analyzed.slice(i, i + batch));
    const docSeconds = (performance.now() - started) / 1000;

    const readStarted = performance.now();
    const [counts] = await Promise.all([getHealthCounts(store)]);
    const readSeconds = (performance.now() - readStarted) / 1000;
    const from = new Date(now - 14 * 86_400_000).toISOString();
    const to = new Date(now).toISOString();
    const health = await timeQuery(() => getHealthCounts(store));
    const latest = await timeQuery(() => getLatestDocuments(store, { limit: 30 }));
    const trend = await timeQuery(() => getVolumeTrend(store, { from, to, bucket: 'day' }));
    return [
      { name: 'store.insert.raw_documents', value: round(total / rawSeconds, 0), unit: 'rows/s' },
      { name: 'store.insert.documents', value: round(total / docSeconds, 0), unit: 'rows/s' },
      { name: 'store.read.count_distinct', value: round(counts.documents / readSeconds, 0), unit: 'rows/s' },
      { name: 'query.getHealthCounts.p50', value: health.p50, unit: 'ms' },
      { name: 'query.getHealthCounts.p95', value: health.p95, unit: 'ms' },
      { name: 'query.getLatestDocuments.p50', value: latest.p50, unit: 'ms' },
      { name: 'query.getLatestDocuments.p95', value: latest.p95, unit: 'ms' },
      { name: 'query.getVolumeTrend.p50', value: trend.p50, unit: 'ms' },
      { name: 'query.getVolumeTrend.p95', value: trend.p95, unit: 'ms' },
    ];
  } finally {
    await store.close();
    tmp.cleanup();
  }
}
