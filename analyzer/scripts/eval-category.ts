/**
 * Scores the shipped category model on the held-out 20 % of toutiao headlines (by title hash),
 * per class, on the toutiao rows whose label weak supervision left alone, on headlines of other
 * sources (`other-source-headlines.tsv`, and the headlines their pages link to:
 * `news-site-headlines.tsv`), on Weibo news headlines (`weibo-headlines.tsv`), and measures speed.
 *   npx tsx analyzer/scripts/eval-category.ts [--data ../shared/data] [--model dir]
 */

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractPage } from '../../crawler/src/extract/extract-page.ts';
import {
  DEFAULT_DATA_ROOT,
  isHeldOut,
  loadToutiao,
  loadWeakExternal,
  weiboHeadlines,
} from '../src/classify/dataset.ts';
import { CATEGORIES, classify as classifyWith } from '../src/classify/index.ts';
import { evaluate, formatReport } from '../src/classify/metrics.ts';
import { getCategoryModel, loadModel } from '../src/classify/model.ts';
import { devPages, labelledPageHeadlines } from './page-headlines.ts';

const { values } = parseArgs({
  options: { data: { type: 'string', default: DEFAULT_DATA_ROOT }, model: { type: 'string' } },
});
const model = values.model ? loadModel(values.model) : getCategoryModel();
const classify = (title: string, body?: string) => classifyWith(title, body, model);

const dev = loadToutiao(values.data).filter((r) => isHeldOut(r.text));
const predicted = dev.map((r) => classify(r.text).category);
console.log('Held-out toutiao headlines (labels after weak supervision):');
console.log(
  formatReport(
    evaluate(
      dev.map((r) => r.label),
      predicted,
      CATEGORIES,
    ),
  ),
);

const untouched = dev.map((r, i) => [r, predicted[i]] as const).filter(([r]) => r.label === r.original);
console.log('\nThe same, only rows whose toutiao label was kept (no weak relabelling):');
const u = evaluate(
  untouched.map(([r]) => r.label),
  untouched.map(([, p]) => p as string),
  CATEGORIES,
);
console.log(`n=${u.n} accuracy=${(100 * u.accuracy).toFixed(1)}% macro-F1=${(100 * u.macroF1).toFixed(1)}%`);

const ext = loadWeakExternal(values.data).filter((r) => isHeldOut(r.text));
const extPred = ext.map((r) => classify(r.text).category);
console.log('\nHeld-out weakly labelled sentences and posts (MSRA, CLUENER, CED), 时政 / 社会 recall:');
for (const source of ['msra', 'cluener', 'ced']) {
  for (const label of ['时政', '社会']) {
    const rows = ext
      .map((r, i) => [r, extPred[i]] as const)
      .filter(([r]) => r.source === source && r.label === label);
    const ok = rows.filter(([r, p]) => p === r.label).length;
    console.log(
      `${source.padEnd(8)} ${label}: ${ok}/${rows.length} = ${((100 * ok) / Math.max(1, rows.length)).toFixed(1)}%`,
    );
  }
}

// Headlines of other sources: the extraction dev pages' titles, labelled by hand (see the file).
const labels = new Map(
  readFileSync(new URL('./other-source-headlines.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t') as [string, string]),
);
const pages = devPages(values.data).filter((p) => labels.has(p.id));
const titles = pages.map(
  (p) => extractPage({ url: p.url, bytes: Buffer.from(p.htmlBase64, 'base64') }).title,
);
const other = evaluate(
  pages.map((p) => labels.get(p.id) as string),
  titles.map((t) => classify(t).category),
  CATEGORIES,
);
console.log('\nHeadlines of other sources (extraction dev pages, hand-labelled, title only):');
console.log(
  `n=${other.n} accuracy=${(100 * other.accuracy).toFixed(1)}% macro-F1=${(100 * other.macroF1).toFixed(1)}%`,
);

// Headlines the same pages link to (lists of related and latest articles), labelled by hand from
// the text alone (see the file): many more headlines of news and government sites. Those labelled
// for training train nothing (see the file), so they measure too.
const linked = labelledPageHeadlines(values.data);
for (const use of ['measure', 'train']) {
  const rows = linked.filter((h) => h.use === use);
  const scores = evaluate(
    rows.map((h) => h.label),
    rows.map((h) => classify(h.text).category),
    CATEGORIES,
  );
  console.log(`\nHeadlines linked from those pages (hand-labelled, text alone; use = ${use}):`);
  console.log(use === 'measure' ? formatReport(scores) : formatReport(scores).split('\n')[0]);
}

// Headlines of Weibo news posts (CED), labelled by hand (see the file); their posts are no training
// rows (loadWeakExternal leaves them out).
const headlines = weiboHeadlines(values.data);
console.log('\nHeadlines of Weibo news posts (CED, hand-labelled, emoticon codes and hashtags removed):');
for (const [name, rows] of [
  ['all', headlines],
  ['draw 1', headlines.filter((h) => h.source === 'ced draw 1')],
  ['draw 2', headlines.filter((h) => h.source === 'ced draw 2')],
] as const) {
  const scores = evaluate(
    rows.map((h) => h.label),
    rows.map((h) => classify(h.text).category),
    CATEGORIES,
  );
  console.log(
    `  ${name}: n=${scores.n} accuracy=${(100 * scores.accuracy).toFixed(1)}% macro-F1=${(100 * scores.macroF1).toFixed(1)}%`,
  );
}
const withBody = evaluate(
  headlines.map((h) => h.label),
  headlines.map((h) => classify(h.text, h.body).category),
  CATEGORIES,
);
console.log(
  `  all, headline and the rest of the post: accuracy=${(100 * withBody.accuracy).toFixed(1)}% macro-F1=${(100 * withBody.macroF1).toFixed(1)}%`,
);

// Speed on 200-character posts: title = first 30 characters, body = the rest.
const posts = dev.map((r, i) =>
  (r.text + (dev[(i + 1) % dev.length]?.text ?? '')).padEnd(200, r.text).slice(0, 200),
);
const t0 = performance.now();
for (const p of posts) classify(p.slice(0, 30), p.slice(30));
const rate = (posts.length / (performance.now() - t0)) * 1000;
console.log(
  `\nspeed: ${Math.round(rate).toLocaleString('en')} docs/s (200-char posts, title + body, one core)`,
);
