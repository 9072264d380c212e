/**
 * Times the dashboard's read models on N generated documents (default 1 million) in a fresh
 * embedded store: `npx tsx dashboard/scripts/bench-read-models.ts` (N=100000 for a quick run).
 * Prints p50/p95 of 25 calls each. The cockpit calls read the rollups of migrations/0004.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  countSearchDocuments,
  createLogger,
  getCityRanking,
  getCockpitSummary,
  getDocumentBreakdown,
  getLatestDocuments,
  getRiskDocuments,
  getSentimentTrend,
  getTopKeywords,
  loadConfig,
  migrate,
  openStore,
  searchDocuments,
} from '@yuqing/schemas';

const N = Number(process.env.N ?? 1_000_000);
const dir = mkdtempSync(path.join(os.tmpdir(), 'yuqing-bench-'));
const logger = createLogger('silent');
const store = await openStore(loadConfig({ YUQING_DATA_DIR: dir }), logger);
await migrate(store, logger);
const vocab = Array.from({ length: 5000 }, (_, i) => `词${i}`);
const cats = ['时政', '社会', '财经', '科技', '教育'];
const media = ['news', 'forum', 'social', 'government'];
const sents = ['negative', 'neutral', 'neutral', 'positive'];
const provs = ['110000', '440100', '440300', '320100', '510100', '330100', '420100', ''];
let seed = 1;
/** A fixed linear congruential generator, so every run loads the same documents. */
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const now = Date.now();
const t0 = Date.now();
for (let b = 0; b < N; b += 100_000) {
  const rows = [];
  for (let i = b; i < Math.min(N, b + 100_000); i++) {
    const t = now - Math.floor(rnd() * 30 * 86_400_000);
    const toks = Array.from({ length: 30 }, () => vocab[Math.floor(rnd() ** 2 * 5000)]);
    const p = provs[i % provs.length];
    rows.push(
      `{"id":"d${i}","url":"http://x/${i}","source":"s${i % 20}","site":"x","media_type":"${media[i % 4]}","title":"标题${i} ${toks[0]}","summary":"摘要 ${toks.slice(0, 5).join('')}","published_at":${t},"fetched_at":${t + 1000},"analyzed_at":${t + 2000},"content_hash":"h","tokens":${JSON.stringify(toks)},"keywords":${JSON.stringify(toks.slice(0, 5))},"category":"${cats[i % 5]}","sentiment_label":"${sents[i % 4]}","sensitivity_score":${i % 13 === 0 ? 75 : 5},"region_codes":${p ? `["${p}"]` : '[]'}}`,
    );
  }
  // One JSONEachRow buffer per 100k rows: the fastest way into chDB (dependencies.md).
  await store.insert(
    'documents',
    rows.map((r) => JSON.parse(r)),
  );
  process.stdout.write(`${b + 100_000} `);
}
console.log(`\nloaded ${N} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const iso = (ms: number) => new Date(ms).toISOString();
const r30 = {
  from: iso(now - 30 * 86_400_000),
  to: iso(now),
  previousFrom: iso(now - 60 * 86_400_000),
  bucket: 'day' as const,
};
const r1 = {
  from: iso(now - 86_400_000),
  to: iso(now),
  previousFrom: iso(now - 2 * 86_400_000),
  bucket: 'hour' as const,
};
const calls: Record<string, () => Promise<unknown>> = {
  'summary 30d': () => getCockpitSummary(store, r30),
  'trend 30d': () => getSentimentTrend(store, r30),
  'trend 1d hourly': () => getSentimentTrend(store, r1),
  'breakdown category': () => getDocumentBreakdown(store, { ...r30, dimension: 'category', limit: 50 }),
  'breakdown province': () => getDocumentBreakdown(store, { ...r30, dimension: 'province', limit: 50 }),
  cities: () => getCityRanking(store, { ...r30, limit: 20 }),
  'keywords 30d': () =>
    getTopKeywords(store, { fromDay: r30.from.slice(0, 10), toDay: r30.to.slice(0, 10), limit: 60 }),
  'risks 30d': () => getRiskDocuments(store, { ...r30, minSensitivity: 60, limit: 10 }),
  latest: () => getLatestDocuments(store, { limit: 20 }),
  'search 1 token': () => searchDocuments(store, { all: [[{ tokens: ['词300'] }]], none: [], limit: 20 }),
  'search 2 tokens + filter': () =>
    searchDocuments(store, {
      all: [[{ tokens: ['词30', '词40'] }]],
      none: [{ tokens: ['词1'] }],
      sentiments: ['negative'],
      limit: 20,
    }),
  'search count 1 token': () => countSearchDocuments(store, { all: [[{ tokens: ['词300'] }]], none: [] }),
  'search no query': () => searchDocuments(store, { all: [], none: [], limit: 20 }),
};
for (const [name, fn] of Object.entries(calls)) {
  const times: number[] = [];
  for (let i = 0; i < 25; i++) {
    const s = performance.now();
    await fn();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(28)} p50 ${(times[12] ?? 0).toFixed(1).padStart(7)} ms  p95 ${(times[23] ?? 0).toFixed(1).padStart(7)} ms`,
  );
}
await store.close();
rmSync(dir, { recursive: true, force: true });
