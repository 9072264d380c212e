/**
 * Scores the article extractor on the shared extraction dev set, side by side with Mozilla
 * Readability run over the same decoded pages:
 *
 *   npx tsx crawler/scripts/eval-extraction.ts [--pages P.jsonl.gz] [--truth T.jsonl.gz] [--out pred.jsonl] [--verbose]
 *
 * Scoring is defined in extraction-score.ts (the same as ../shared/tools/score-extraction.py, which
 * can score the `--out` file independently). Pages are grouped by URL into forum/blog and news.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeHtml } from '../src/extract/charset.ts';
import { type ExtractedArticle, extractArticle } from '../src/extract/extract-article.ts';
import {
  type DevPage,
  type DevTruth,
  emptyTally,
  figures,
  pageGroup,
  readJsonl,
  scorePage,
  type Tally,
} from './extraction-score.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '../shared/data/extraction/dev-pages.jsonl.gz' },
    truth: { type: 'string', default: '../shared/data/extraction/dev-truth.jsonl.gz' },
    out: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

function readability(html: string): ExtractedArticle {
  try {
    const { document } = parseHTML(html);
    const art = new Readability(document as unknown as Document).parse();
    return {
      title: art?.title ?? '',
      publishedAt: art?.publishedTime ?? null,
      author: art?.byline ?? '',
      source: art?.siteName ?? '',
      content: art?.textContent ?? '',
    };
  } catch {
    return { title: '', publishedAt: null, author: '', source: '', content: '' };
  }
}

const tallies = new Map<string, Tally>();
const tally = (key: string): Tally => {
  let t = tallies.get(key);
  if (!t) {
    t = emptyTally();
    tallies.set(key, t);
  }
  return t;
};

const pages = new Map(readJsonl<DevPage>(values.pages).map((p) => [p.id, p]));
const truth = readJsonl<DevTruth>(values.truth);
const preds: string[] = [];
const timings = { ours: 0, readability: 0 };
for (const t of truth) {
  const page = pages.get(t.id);
  if (!page) continue;
  const html = page.html ?? decodeHtml(Buffer.from(page.htmlBase64 ?? '', 'base64')).html;
  let started = performance.now();
  const ours = extractArticle(html, page.url);
  timings.ours += performance.now() - started;
  started = performance.now();
  const theirs = readability(html);
  timings.readability += performance.now() - started;
  preds.push(JSON.stringify({ id: t.id, ...ours }));
  for (const [who, out] of [
    ['ours', ours],
    ['readability', theirs],
  ] as const) {
    scorePage(tally(`${who}/all`), t, out);
    const { p, r } = scorePage(tally(`${who}/${pageGroup(page.url)}`), t, out);
    if (values.verbose && who === 'ours') {
      console.log(
        `${t.id} P=${p.toFixed(2)} R=${r.toFixed(2)} date=${out.publishedAt}/${t.date} author=${out.author}/${t.author}`,
      );
    }
  }
}
if (values.out) writeFileSync(values.out, `${preds.join('\n')}\n`);

const fmt = (x: number | null) => (x === null ? '    -' : x.toFixed(3));
console.log('extractor/group     pages  body P  body R  body F1   date  author');
for (const key of [...tallies.keys()].sort()) {
  const f = figures(tallies.get(key) as Tally);
  console.log(
    `${key.padEnd(18)} ${String(f.pages).padStart(6)}   ${fmt(f.P)}   ${fmt(f.R)}    ${fmt(f.F1)}  ${fmt(f.date)}   ${fmt(f.author)}`,
  );
}
const n = truth.length;
console.log(
  `speed (decoded HTML in, one core): ours ${(n / (timings.ours / 1000)).toFixed(0)} pages/s, readability ${(n / (timings.readability / 1000)).toFixed(0)} pages/s`,
);
