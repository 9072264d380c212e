/**
 * Scoring for article extraction, as ../shared/tools/score-extraction.py defines it: body ROUGE-L
 * over jieba tokens (whitespace and punctuation tokens dropped), precision and recall averaged over
 * pages and F1 taken from the two means; date = same calendar day; author = any name in common.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

export interface DevPage {
  id: string;
  url: string;
  html?: string;
  htmlBase64?: string;
}
export interface DevTruth {
  id: string;
  content: string;
  author?: string;
  date?: string;
}
export interface Prediction {
  content: string;
  publishedAt: string | null;
  author: string;
}

export function readJsonl<T>(path: string): T[] {
  const raw = readFileSync(path);
  const text = path.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

let jieba: Jieba | undefined;
export function tokens(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(text, true).filter((t) => /[\p{L}\p{N}]/u.test(t));
}

/** Length of the longest common subsequence (two-row dynamic programme over interned tokens). */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const ids = new Map<string, number>();
  const intern = (xs: readonly string[]) =>
    Int32Array.from(xs, (x) => {
      let id = ids.get(x);
      if (id === undefined) {
        id = ids.size;
        ids.set(x, id);
      }
      return id;
    });
  const A = intern(a);
  const B = intern(b);
  let prev = new Int32Array(B.length + 1);
  let cur = new Int32Array(B.length + 1);
  for (let i = 1; i <= A.length; i++) {
    const ai = A[i - 1];
    for (let j = 1; j <= B.length; j++) {
      cur[j] =
        ai === B[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, cur[j - 1] as number);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[B.length] as number;
}

const day = (s: string | null | undefined): string | null => {
  const m = /(\d{4})\D{1,3}(\d{1,2})\D{1,3}(\d{1,2})/.exec(s ?? '');
  return m ? `${Number(m[1])}-${Number(m[2])}-${Number(m[3])}` : null;
};
const names = (s: string | null | undefined): Set<string> =>
  new Set((s ?? '').split(/[\s,，、;；/|]+/).filter((p) => p && p.toUpperCase() !== 'UNKNOWN'));

export interface Tally {
  n: number;
  p: number;
  r: number;
  dateOk: number;
  dateN: number;
  authorOk: number;
  authorN: number;
}
export const emptyTally = (): Tally => ({ n: 0, p: 0, r: 0, dateOk: 0, dateN: 0, authorOk: 0, authorN: 0 });

/** Scores one page into a tally; returns the page's precision and recall. */
export function scorePage(tally: Tally, truth: DevTruth, pred: Prediction): { p: number; r: number } {
  const ref = tokens(truth.content);
  const cand = tokens(pred.content);
  const l = lcsLength(ref, cand);
  const p = cand.length ? l / cand.length : 0;
  const r = ref.length ? l / ref.length : 0;
  tally.n++;
  tally.p += p;
  tally.r += r;
  if (day(truth.date)) {
    tally.dateN++;
    if (day(pred.publishedAt) === day(truth.date)) tally.dateOk++;
  }
  const want = names(truth.author);
  if (want.size > 0) {
    tally.authorN++;
    const got = names(pred.author);
    if ([...want].some((w) => got.has(w))) tally.authorOk++;
  }
  return { p, r };
}

export interface Figures {
  pages: number;
  P: number;
  R: number;
  F1: number;
  date: number | null;
  author: number | null;
}
export function figures(t: Tally): Figures {
  const P = t.n ? t.p / t.n : 0;
  const R = t.n ? t.r / t.n : 0;
  return {
    pages: t.n,
    P,
    R,
    F1: P + R ? (2 * P * R) / (P + R) : 0,
    date: t.dateN ? t.dateOk / t.dateN : null,
    author: t.authorN ? t.authorOk / t.authorN : null,
  };
}

/** Forum, bulletin-board and blog pages, told apart by their URL; the rest count as news. */
export const pageGroup = (url: string): 'forum' | 'news' =>
  /bbs|forum|thread|dispbbs|archiver|blog/i.test(url) ? 'forum' : 'news';
