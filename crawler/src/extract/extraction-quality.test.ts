/**
 * Regression floor on the shared extraction dev set (../shared/data/extraction, 49 pages with
 * truth). The floors sit a little under today's figures (see crawler/README.md); a change to the
 * extractor that loses quality fails here. `crawler/scripts/eval-extraction.ts` prints the full table.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type DevPage,
  type DevTruth,
  emptyTally,
  figures,
  pageGroup,
  readJsonl,
  scorePage,
} from '../../scripts/extraction-score.ts';
import { extractPage } from './extract-page.ts';

const DIR = fileURLToPath(new URL('../../../../shared/data/extraction/', import.meta.url));
const present = existsSync(`${DIR}dev-truth.jsonl.gz`);
if (!present) console.warn(`SKIPPED extraction quality: no dev set at ${DIR}`);

describe.skipIf(!present)('extraction quality on the shared dev set', () => {
  it('stays above its floors (body ROUGE-L F1, date and author accuracy)', () => {
    const pages = new Map(readJsonl<DevPage>(`${DIR}dev-pages.jsonl.gz`).map((p) => [p.id, p]));
    const all = emptyTally();
    const groups = { news: emptyTally(), forum: emptyTally() };
    for (const truth of readJsonl<DevTruth>(`${DIR}dev-truth.jsonl.gz`)) {
      const page = pages.get(truth.id);
      if (!page) continue;
      const out = extractPage({ url: page.url, bytes: Buffer.from(page.htmlBase64 ?? '', 'base64') });
      scorePage(all, truth, out);
      scorePage(groups[pageGroup(page.url)], truth, out);
    }
    const news = figures(groups.news);
    const forum = figures(groups.forum);
    const overall = figures(all);
    expect(overall.pages).toBe(49);
    expect(news.F1).toBeGreaterThanOrEqual(0.96);
    expect(forum.F1).toBeGreaterThanOrEqual(0.84);
    expect(overall.F1).toBeGreaterThanOrEqual(0.93);
    expect(overall.date).toBeGreaterThanOrEqual(0.9);
    expect(overall.author).toBeGreaterThanOrEqual(0.76);
  }, 60_000);

  it('never throws on pages it cannot read', () => {
    for (const bytes of [new Uint8Array(), Buffer.from([0xff, 0xfe, 0x00]), Buffer.from('<<<<>>>>\u0000')]) {
      expect(extractPage({ url: 'not a url', bytes })).toMatchObject({ title: '', content: '' });
    }
  });
});
