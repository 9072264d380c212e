/**
 * Near-duplicate quality and speed of SimHash on real Weibo posts (CED source posts, 3,387
 * events). Reprints are made by realistic edits of each post; other posts are the different stories.
 *   npx tsx analyzer/scripts/eval-simhash.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATA_ROOT } from '../src/classify/dataset.ts';
import { dedupTokens, maxDistanceFor, SimHashIndex, simhash } from '../src/dedup/index.ts';

interface Post {
  event_id: number;
  text: string;
  sample_comments: { text: string }[];
}
const posts = readFileSync(join(DEFAULT_DATA_ROOT, 'events/weibo_rumor_ced/ced_events.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Post);

const HEADLINES = ['【突发】', '转：', '【扩散】', '#今日热点# ', '重磅消息！'];
const ADS = [
  '（来源：都市晚报 责任编辑：张明）',
  '关注公众号“每日新闻速递”，获取更多资讯。',
  ' 更多精彩请下载客户端 http://t.cn/abc123',
  '//@看天下:太可怕了，转起来',
];
const COMMENTS = ['太可怕了！', '大家注意安全。', '真的假的？'];
type Edit = (text: string, i: number) => string;
const EDITS: Record<string, Edit> = {
  identical: (t) => t,
  'new headline': (t, i) => `${HEADLINES[i % HEADLINES.length]}${t}`,
  'ad suffix': (t, i) => `${t}${ADS[i % ADS.length]}`,
  'headline + ad': (t, i) => `${HEADLINES[i % HEADLINES.length]}${t}${ADS[(i + 1) % ADS.length]}`,
  'punctuation, emoticons, links': (t) =>
    t
      .replace(/[，。！？]/g, ' ')
      .replace(/\[[^\]]{1,8}\]/g, '')
      .replace(/https?:\/\/\S+/g, ''),
  'cut last sentence': (t) => t.replace(/[^。！？!?]+[。！？!?]?\s*$/, '') || t,
  'one word changed': (t) => t.replace(/今天|昨天|网友|记者|目前/, '近日'),
  // Edits the cleaner knows nothing about.
  'comment in front': (t, i) => `${COMMENTS[i % COMMENTS.length]}${t}`,
  'sentence added': (t) => `${t}目前，相关部门已介入调查。`,
};

const jaccard = (a: string[], b: string[]) => {
  const A = new Set(a);
  const B = new Set(b);
  let inter = 0;
  for (const x of A) if (B.has(x)) inter++;
  return inter / Math.max(1, A.size + B.size - inter);
};

const hashOf = (t: string[]) => simhash(t);

// Index every source post, each as the earliest version of its story.
const index = new SimHashIndex();
const tokens = posts.map((p) => dedupTokens(p.text));
posts.forEach((p, i) => {
  index.add(`e${p.event_id}`, hashOf(tokens[i] as string[]), i);
});

let hits = 0;
let wrong = 0;
let wrongButSame = 0;
console.log('edit                              pairs  recall');
for (const [name, edit] of Object.entries(EDITS)) {
  let found = 0;
  let pairs = 0;
  posts.forEach((p, i) => {
    const toks = dedupTokens(edit(p.text, i));
    if ((tokens[i] as string[]).length < 10) return; // short originals: see the short-text rule
    pairs++;
    const near = index.findNear(hashOf(toks), maxDistanceFor(toks.length));
    if (near === `e${p.event_id}`) found++;
    else if (near) {
      // An earlier post with (nearly) the same text is the right answer too: CED repeats stories.
      const other = posts.findIndex((q) => `e${q.event_id}` === near);
      if (jaccard(tokens[other] as string[], tokens[i] as string[]) >= 0.8) {
        found++;
        wrongButSame++;
      } else wrong++;
    }
  });
  hits += found;
  console.log(`${name.padEnd(32)} ${String(pairs).padStart(6)}  ${((100 * found) / pairs).toFixed(1)}%`);
}

// Different stories: a fresh index of even posts, queried with odd posts.
const half = new SimHashIndex();
posts.forEach((p, i) => {
  if (i % 2 === 0) half.add(`e${p.event_id}`, hashOf(tokens[i] as string[]), i);
});
let negatives = 0;
let falsePositives = 0;
let sameText = 0;
posts.forEach((_, i) => {
  if (i % 2 === 0) return;
  const toks = tokens[i] as string[];
  negatives++;
  const near = half.findNear(hashOf(toks), maxDistanceFor(toks.length));
  if (!near) return;
  const other = posts.findIndex((q) => `e${q.event_id}` === near);
  if (jaccard(tokens[other] as string[], toks) >= 0.8) sameText++;
  else falsePositives++;
});
const precision = hits / (hits + wrong + falsePositives);
console.log(
  `edited reprints matched to a different story: ${wrong} (${wrongButSame} correct ones went to an earlier near-identical post)`,
);
console.log(
  `different stories: ${negatives} queries, ${falsePositives} false matches, ${sameText} matches to a near-identical post (real duplicates in CED)`,
);
console.log(`precision over all matches: ${(100 * precision).toFixed(2)}%`);

// Comments that quote their source post (real reposts) should point to it, and never elsewhere.
let quoting = 0;
let quotingFound = 0;
let commentsElsewhere = 0;
let comments = 0;
for (const p of posts) {
  for (const c of p.sample_comments) {
    const toks = dedupTokens(c.text);
    comments++;
    const near = index.findNear(hashOf(toks), maxDistanceFor(toks.length));
    if (near && near !== `e${p.event_id}`) {
      commentsElsewhere++;
      if (commentsElsewhere <= 5) console.log(`  comment matched elsewhere: ${c.text.slice(0, 60)}`);
    }
    if (toks.length >= 10 && jaccard(toks, dedupTokens(p.text)) >= 0.8) {
      quoting++;
      if (near === `e${p.event_id}`) quotingFound++;
    }
  }
}
console.log(
  `CED comments: ${comments}; ${quoting} quote their source (token Jaccard ≥ 0.8), ${quotingFound} matched to it; ${commentsElsewhere} matched another event`,
);

// Speed on 200-character posts: tokenising + hashing, and hashing alone.
const texts = posts.map((p) => p.text.padEnd(200, p.text).slice(0, 200));
let t0 = performance.now();
const pre = texts.map((t) => dedupTokens(t));
const tokenMs = performance.now() - t0;
t0 = performance.now();
const rounds = 5;
for (let r = 0; r < rounds; r++) for (const t of pre) hashOf(t);
const hashMs = (performance.now() - t0) / rounds;
const big = new SimHashIndex({ cap: 100_000 });
t0 = performance.now();
for (let r = 0; r < 30; r++) {
  pre.forEach((t, i) => {
    const h = hashOf(t);
    big.findNear(h);
    big.add(`${r}:${i}`, h);
  });
}
const indexMs = (performance.now() - t0) / 30;
const rate = (ms: number) => Math.round((texts.length / ms) * 1000).toLocaleString('en');
console.log(
  `speed (200-char posts): simhash ${rate(hashMs)} docs/s; simhash+index ${rate(indexMs)} docs/s; with cleaning+jieba ${rate(tokenMs + hashMs)} docs/s`,
);
