/**
 * Headlines that news and government pages link to (their lists of related, latest and most read
 * articles), read from the extraction dev pages of the data pack. `news-site-headlines.tsv` labels
 * some of them by hand; it holds no text, only the page and the FNV-1a hash of each headline.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { decodeHtml } from '../../crawler/src/extract/charset.ts';
import { extractPage } from '../../crawler/src/extract/extract-page.ts';
import { stableHash } from '../src/classify/dataset.ts';

export interface PageHeadline {
  page: string;
  /** `stableHash(text)` in hex: what the label file holds. */
  hash: string;
  text: string;
}

interface DevPage {
  id: string;
  url: string;
  htmlBase64: string;
}

/** The extraction dev pages (../shared/data/extraction/dev-pages.jsonl.gz). */
export function devPages(dataRoot: string): DevPage[] {
  return gunzipSync(readFileSync(resolve(dataRoot, 'extraction/dev-pages.jsonl.gz')))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as DevPage);
}

const HAN_RUN = /[\u4e00-\u9fff]{6}/;

/**
 * Link texts of 10–40 characters with a run of six Chinese characters, whitespace collapsed; each
 * text once (the first page that links to it), and never a page's own title (those are measured
 * apart, in `other-source-headlines.tsv`).
 */
export function pageHeadlines(dataRoot: string): PageHeadline[] {
  const pages = devPages(dataRoot);
  const decoded = pages.map((p) => Buffer.from(p.htmlBase64, 'base64'));
  const titles = new Set(pages.map((p, i) => extractPage({ url: p.url, bytes: decoded[i] as Buffer }).title));
  const seen = new Set<string>();
  const out: PageHeadline[] = [];
  pages.forEach((page, i) => {
    const $ = cheerio.load(decodeHtml(decoded[i] as Buffer).html);
    $('a').each((_, a) => {
      const text = $(a).text().replace(/\s+/g, ' ').trim();
      if (text.length < 10 || text.length > 40 || !HAN_RUN.test(text) || seen.has(text) || titles.has(text))
        return;
      seen.add(text);
      out.push({ page: page.id, hash: stableHash(text).toString(16), text });
    });
  });
  return out;
}

export interface LabelledPageHeadline extends PageHeadline {
  label: string;
  /** `measure`, or `train`: labelled for training (see the file's header). */
  use: string;
}

/** The headlines `news-site-headlines.tsv` files under a category (its `-` rows left out). */
export function labelledPageHeadlines(dataRoot: string): LabelledPageHeadline[] {
  const labels = new Map(
    readFileSync(new URL('./news-site-headlines.tsv', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#') && !l.startsWith('page\t'))
      .map((l) => l.split('\t') as [string, string, string, string])
      .filter(([, , label]) => label !== '-')
      .map(([page, hash, label, use]) => [`${page} ${hash}`, { label, use }]),
  );
  const found = pageHeadlines(dataRoot).flatMap((h) => {
    const gold = labels.get(`${h.page} ${h.hash}`);
    return gold ? [{ ...h, ...gold }] : [];
  });
  if (found.length !== labels.size)
    throw new Error(`news-site-headlines.tsv: ${labels.size - found.length} labelled headlines not found`);
  return found;
}
