/**
 * Generated analyzed documents for the dashboard speed bench (bench/dashboard.bench.ts), seeded so
 * every run yields the same documents for the same `now`:
 * - tokens from jieba's own dictionary (the 30,000 most frequent words), drawn with Zipf
 *   frequencies (s = 1.05), 15-400 per document (short social posts, longer news);
 * - titles: real Toutiao headlines (../shared/data/topics), their class mapped onto our categories;
 * - times over the 90 Beijing days before `now` with a daily rhythm (quiet nights, evening peak),
 *   weekend dip and slow growth, plus 30 bursts (a quarter of all documents; two in the last two
 *   days) sharing keywords, a city and a negative lean, each written as a hot topic;
 * - 60 sources with Zipf weights over the media types; regions from the real GB/T 2260 cities.
 * Bump GENERATOR_VERSION whenever the output changes: it keys the bench's cached data directory.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TopicRecord } from '@yuqing/schemas';
import { TOUTIAO_TO_CATEGORY } from '../../analyzer/src/classify/categories.ts';
import { seededRandom } from '../../analyzer/src/seeded-random.ts';

export const GENERATOR_VERSION = 1;
export const DAYS = 90;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const BEIJING_MS = 8 * HOUR_MS;
const DATA = path.resolve(import.meta.dirname, '../../../shared/data');
const VOCAB_SIZE = 30_000;
const BURSTS = 30;
const BURST_SHARE = 0.25;
/** Relative volume per Beijing hour 0..23: quiet at night, peaks mid-morning and in the evening. */
const HOUR_WEIGHTS = [
  0.35, 0.2, 0.12, 0.08, 0.07, 0.1, 0.25, 0.55, 0.85, 1, 1.05, 0.95, 0.8, 0.85, 0.95, 1, 0.95, 0.9, 0.85,
  0.95, 1.05, 1.1, 0.9, 0.6,
];
const MEDIA_MIX: Array<[string, number]> = [
  ['social', 0.5],
  ['news', 0.25],
  ['forum', 0.12],
  ['government', 0.06],
  ['video', 0.04],
  ['newspaper', 0.03],
];

/** Draws an index with the given (unnormalised) weights. */
function sampler(weights: readonly number[], rnd: () => number): () => number {
  const cdf = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    cdf[i] = sum;
  });
  return () => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const zipf = (n: number, s: number) => Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);

/** jieba's dictionary words of 2+ Chinese characters, most frequent first. */
export function readVocabulary(size = VOCAB_SIZE): string[] {
  const dict = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
  const words: Array<[string, number]> = [];
  for (const line of readFileSync(dict, 'utf8').split('\n')) {
    const [word, freq] = line.split(' ');
    if (word && /^[\u4e00-\u9fff]{2,}$/.test(word)) words.push([word, Number(freq)]);
  }
  return words
    .sort((a, b) => b[1] - a[1])
    .slice(0, size)
    .map(([w]) => w);
}

function readTitles(): Array<{ title: string; category: string }> {
  const file = path.join(DATA, 'topics/toutiao_titles/toutiao_titles_test_split.tsv');
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .filter((c) => c.length >= 6 && c[5])
    .map((c) => ({ title: c[5] as string, category: TOUTIAO_TO_CATEGORY[c[3] as string] ?? '社会' }));
}

function readCities(): Array<{ code: string; name: string; province: string; provinceName: string }> {
  const csv = (f: string) =>
    readFileSync(path.join(DATA, 'lexicons/admin_divisions', f), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(',').map((v) => v.replace(/"/g, '')));
  const provinces = new Map(csv('provinces.csv').map(([code, name]) => [code as string, name as string]));
  return csv('cities.csv')
    .filter(([, name]) => name !== '市辖区')
    .map(([code, name, p]) => ({
      code: `${code}00`,
      name: name as string,
      province: `${p}0000`,
      provinceName: provinces.get(p as string) ?? '',
    }));
}

export interface GeneratedBatch {
  rows: Record<string, unknown>[];
}

interface Burst {
  start: number;
  tauMs: number;
  ranks: number[];
  words: string[];
  city: number;
  topic: TopicRecord;
}

/**
 * The documents, in batches of `batchSize`, and after them (via `topics()`) the bursts' topics
 * with the statistics of the documents actually generated.
 */
export function generateDocuments(total: number, now: number, batchSize = 50_000) {
  const rnd = seededRandom(20261123);
  const vocab = readVocabulary();
  const titles = readTitles();
  const cities = readCities();
  const word = sampler(zipf(vocab.length, 1.05), rnd);
  const city = sampler(zipf(cities.length, 0.9), rnd);
  const hour = sampler(HOUR_WEIGHTS, rnd);
  const firstDay = Math.floor((now + BEIJING_MS) / DAY_MS) * DAY_MS - BEIJING_MS - (DAYS - 1) * DAY_MS;
  const day = sampler(
    Array.from({ length: DAYS }, (_, d) => {
      const weekday = new Date(firstDay + d * DAY_MS + BEIJING_MS).getUTCDay();
      return (0.7 + (0.6 * d) / DAYS) * (weekday === 0 || weekday === 6 ? 0.8 : 1);
    }),
    rnd,
  );
  const mediaOf = sampler(
    MEDIA_MIX.map(([, w]) => w),
    rnd,
  );
  const sources = Array.from({ length: 60 }, (_, i) => {
    const media = MEDIA_MIX[mediaOf()]?.[0] ?? 'news';
    return { id: `bench-${media}-${i}`, site: `${media}${i}.example.cn`, media };
  });
  const source = sampler(zipf(sources.length, 1), rnd);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());

  const bursts: Burst[] = Array.from({ length: BURSTS }, (_, b) => {
    const start = b < 2 ? now - (b + 1) * 20 * HOUR_MS : firstDay + rnd() * (DAYS - 2) * DAY_MS;
    const ranks = [0, 1, 2].map(() => 1000 + Math.floor(rnd() * 15_000));
    const words = ranks.map((r) => vocab[r] as string);
    const c = city();
    const at = Math.round(start);
    return {
      start,
      ranks,
      tauMs: (3 + rnd() * 20) * HOUR_MS,
      words,
      city: c,
      topic: {
        id: `bench-topic-${b}`,
        version: 1,
        label: words.join(''),
        keywords: words,
        representativeTitle: '',
        representativeDocId: '',
        firstSeen: at,
        lastSeen: at,
        volume: 0,
        velocity: 0,
        sources: 0,
        sourceNames: [],
        sentiment: { positive: 0, neutral: 0, negative: 0 },
        regionCodes: [(cities[c] as { code: string }).code],
        regionCounts: {},
        state: 'ended',
        mergedInto: '',
        centroid: Object.fromEntries(words.map((w) => [w, 1 / 3])),
        rates: { short: 0, long: 0, peak: 0, at },
        attention: 0,
        representativeScore: 0.8,
        updatedAt: at,
      },
    };
  });

  function one(i: number): Record<string, unknown> {
    const burst = rnd() < BURST_SHARE ? bursts[Math.floor(rnd() * BURSTS)] : undefined;
    let t: number;
    do {
      t = burst
        ? burst.start - burst.tauMs * Math.log(1 - rnd())
        : firstDay + day() * DAY_MS + hour() * HOUR_MS + rnd() * HOUR_MS;
    } while (t > now);
    t = Math.round(t);
    const src = sources[source()] as (typeof sources)[number];
    const social = src.media === 'social' || src.media === 'video';
    const n = Math.min(400, Math.max(8, Math.round(Math.exp((social ? 3.2 : 4.8) + normal() * 0.55))));
    // Word ranks, most frequent = 0; burst words count as rare (kept as keywords).
    const ranks: number[] = [];
    for (let k = 0; k < n; k++) ranks.push(word());
    if (burst) for (const w of burst.ranks) for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) ranks.push(w);
    const counts = new Map<number, number>();
    for (const r of ranks) counts.set(r, (counts.get(r) ?? 0) + 1);
    const keywords = [...counts.entries()]
      .filter(([r]) => r >= 100)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([r]) => vocab[r] as string);
    const tokens = ranks.map((r) => vocab[r] as string);
    const x = rnd();
    const sentiment = burst
      ? x < 0.6
        ? 'negative'
        : x < 0.9
          ? 'neutral'
          : 'positive'
      : x < 0.17
        ? 'negative'
        : x < 0.72
          ? 'neutral'
          : 'positive';
    const score =
      sentiment === 'negative'
        ? -0.3 - rnd() * 0.6
        : sentiment === 'positive'
          ? 0.3 + rnd() * 0.6
          : rnd() * 0.4 - 0.2;
    const sensitive = rnd() < (burst && sentiment === 'negative' ? 0.5 : 0.02);
    const regions: Array<{ code: string; name: string }> = [];
    const r = rnd();
    if (burst) {
      const c = cities[burst.city] as (typeof cities)[number];
      regions.push({ code: c.code, name: c.name });
    } else if (r < 0.45) {
      const c = cities[city()] as (typeof cities)[number];
      regions.push(r < 0.1 ? { code: c.province, name: c.provinceName } : { code: c.code, name: c.name });
      if (r < 0.05) {
        const d = cities[city()] as (typeof cities)[number];
        regions.push({ code: d.code, name: d.name });
      }
    }
    const headline = titles[Math.floor(rnd() * titles.length)] as (typeof titles)[number];
    const title = burst ? `${burst.words.join('')}：${headline.title}` : headline.title;
    const fetched = Math.min(now, t + Math.round(-600_000 * Math.log(1 - rnd())));
    const id = `b${GENERATOR_VERSION}-${i.toString(36).padStart(5, '0')}`;
    if (burst) {
      const topic = burst.topic;
      topic.volume++;
      topic.sentiment[sentiment as 'negative' | 'neutral' | 'positive']++;
      topic.firstSeen = Math.min(topic.firstSeen, Math.round(t));
      topic.lastSeen = Math.max(topic.lastSeen, Math.round(t));
      if (!topic.sourceNames.includes(src.id) && topic.sourceNames.length < 50)
        topic.sourceNames.push(src.id);
      if (!topic.representativeDocId) {
        topic.representativeDocId = id;
        topic.representativeTitle = title;
      }
    }
    return {
      id,
      url: `https://${src.site}/a/${i}`,
      source: src.id,
      site: src.site,
      media_type: src.media,
      title,
      summary: `${title}。${tokens.slice(0, 40).join('')}`.slice(0, 200),
      published_at: Math.round(t),
      fetched_at: fetched,
      analyzed_at: fetched + 2000,
      content_hash: `h${i.toString(16)}`,
      tokens,
      keywords,
      category: src.media === 'government' ? '时政' : headline.category,
      sentiment_label: sentiment,
      sentiment_score: score,
      sensitivity_score: sensitive ? 60 + Math.floor(rnd() * 40) : Math.floor(rnd() * 40),
      region_codes: regions.map((g) => g.code),
      region_names: regions.map((g) => g.name),
      topic_id: burst ? burst.topic.id : '',
    };
  }

  return {
    vocab,
    bursts: bursts.map((b) => b.words),
    *batches(): Generator<Record<string, unknown>[]> {
      for (let from = 0; from < total; from += batchSize) {
        const rows: Record<string, unknown>[] = [];
        for (let i = from; i < Math.min(total, from + batchSize); i++) rows.push(one(i));
        yield rows;
      }
    },
    /** The bursts as hot topics, once every batch has been generated. */
    topics(): TopicRecord[] {
      return bursts.map(({ topic }) => {
        const hours = Math.max(1, (topic.lastSeen - topic.firstSeen) / HOUR_MS);
        const recent = now - topic.lastSeen < 6 * HOUR_MS;
        return {
          ...topic,
          velocity: topic.volume / hours,
          sources: topic.sourceNames.length,
          state: recent ? 'rising' : now - topic.lastSeen < 2 * DAY_MS ? 'declining' : 'ended',
          regionCounts: { [topic.regionCodes[0] as string]: topic.volume },
          rates: {
            short: topic.volume / hours,
            long: topic.volume / hours,
            peak: topic.volume / hours,
            at: topic.lastSeen,
          },
          updatedAt: topic.lastSeen,
        };
      });
    },
  };
}
