/**
 * Fills a data directory with real Weibo posts and comments (shared/data/events/weibo_rumor_ced,
 * Beijing time stamps kept) as crawled documents, to measure report generation on real data:
 *
 *   YUQING_DATA_DIR=/tmp/yq-ced npx tsx portal-adapter/src/reports/scripts/seed-ced.ts 2012-09
 *   YUQING_DATA_DIR=/tmp/yq-ced npm run -s yuqing -- analyze --once
 *   YUQING_DATA_DIR=/tmp/yq-ced npm run -s yuqing -- report --kind monthly --date 2012-09-15 --out /tmp/r
 *
 * The argument is a month prefix (`2012-09`) selecting the rows to load.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  createLogger,
  loadConfig,
  migrate,
  openStore,
  type RawDocument,
  writeRawDocuments,
} from '@yuqing/schemas';

const FILE = new URL(
  '../../../../../shared/data/events/weibo_rumor_ced/ced_event_cluster_eval.tsv',
  import.meta.url,
);
const month = process.argv[2] ?? '2012-09';
if (!/^\d{4}-\d{2}$/.test(month)) throw new Error('give a month: YYYY-MM');

const docs: RawDocument[] = [];
for (const [n, line] of readFileSync(FILE, 'utf8').split('\n').slice(1).entries()) {
  const [event, , kind, date, text] = line.split('\t');
  if (!text || !date?.startsWith(month)) continue;
  const at = new Date(`${date.replace(' ', 'T')}+08:00`).toISOString();
  const url = `https://weibo.example/ced/${event}/${n}`;
  docs.push({
    id: createHash('sha256').update(url).digest('hex').slice(0, 32),
    url,
    canonicalUrl: url,
    source: kind === 'original' ? 'weibo-posts' : 'weibo-comments',
    site: 'weibo.example',
    mediaType: 'social',
    title: text.slice(0, 40),
    body: text,
    author: '',
    publishedAt: at,
    fetchedAt: at,
    contentHash: createHash('sha256').update(text).digest('hex'),
  });
}
const config = loadConfig();
const logger = createLogger('warn');
const store = await openStore(config, logger);
try {
  await migrate(store, logger);
  for (let i = 0; i < docs.length; i += 5000) await writeRawDocuments(store, docs.slice(i, i + 5000));
  console.log(`${docs.length} documents of ${month} written to ${config.dataDir}`);
} finally {
  await store.close();
}
