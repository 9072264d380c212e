/**
 * Near-duplicate quality and speed of SimHash, alone and with passage fingerprints, on real Weibo
 * posts (CED source posts, 3,387 events) and on real news articles (the extraction set's true
 * bodies). Reprints are made by realistic edits of each text; other posts are the different stories.
 *   npx tsx analyzer/scripts/eval-simhash.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DEFAULT_DATA_ROOT } from '../src/classify/dataset.ts';
import {
  dedupTokens,
  maxDistanceFor,
  passageFingerprints,
  SimHashIndex,
  simhash,
} from '../src/dedup/index.ts';

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

/** Words two texts share: of all their words (Jaccard), and of the shorter's (1 for a text inside another). */
function shared(a: string[], b: string[]): { jaccard: number; overlap: number } {
  const A = new Set(a);
  const B = new Set(b);
  let inter = 0;
  for (const x of A) if (B.has(x)) inter++;
  return {
    jaccard: inter / Math.max(1, A.size + B.size - inter),
    overlap: inter / Math.max(1, Math.min(A.size, B.size)),
  };
}
const sameWords = (a: string[], b: string[]) => shared(a, b).jaccard >= 0.8;
const alikeWords = (a: string[], b: string[]) => shared(a, b).overlap >= 0.9;

const tokens = posts.map((p) => dedupTokens(p.text));
const passages = posts.map((p) => passageFingerprints(p.text));
const at = new Map(posts.map((p, i) => [`e${p.event_id}`, i]));

/**
 * A match to another post than the one edited is right when the two tell the same story: CED
 * repeats stories in several events. Judged by words: Jaccard ≥ 0.8, or (weaker) nine tenths of
 * the shorter's words in the other.
 */
function judge(near: string, i: number): 'same' | 'alike' | 'wrong' {
  const other = at.get(near) as number;
  const a = tokens[other] as string[];
  const b = tokens[i] as string[];
  return sameWords(a, b) ? 'same' : alikeWords(a, b) ? 'alike' : 'wrong';
}

for (const withPassages of [false, true]) {
  const find = (index: SimHashIndex, text: string, toks = dedupTokens(text)) =>
    index.findNear(simhash(toks), maxDistanceFor(toks), withPassages ? passageFingerprints(text) : []);
  console.log(withPassages ? '\nSimHash and passage fingerprints' : 'SimHash alone');
  // Index every source post, each as the earliest version of its story.
  const index = new SimHashIndex();
  posts.forEach((p, i) => {
    index.add(`e${p.event_id}`, simhash(tokens[i] as string[]), i, withPassages ? passages[i] : []);
  });

  let hits = 0;
  let wrong = 0;
  let alike = 0;
  const shown: string[] = [];
  console.log('edit                              pairs  recall');
  for (const [name, edit] of Object.entries(EDITS)) {
    let found = 0;
    let pairs = 0;
    posts.forEach((p, i) => {
      if ((tokens[i] as string[]).length < 10) return; // short originals: see the short-text rule
      pairs++;
      const edited = edit(p.text, i);
      const near = find(index, edited);
      if (near === `e${p.event_id}`) found++;
      else if (near) {
        const verdict = judge(near, i);
        if (verdict === 'wrong') {
          wrong++;
          if (shown.length < 4)
            shown.push(`${edited.slice(0, 50)} → ${posts[at.get(near) as number]?.text.slice(0, 50)}`);
        } else {
          found++;
          if (verdict === 'alike') alike++;
        }
      }
    });
    hits += found;
    console.log(`${name.padEnd(32)} ${String(pairs).padStart(6)}  ${((100 * found) / pairs).toFixed(1)}%`);
  }

  // Different stories: a fresh index of even posts, queried with odd posts.
  const half = new SimHashIndex();
  posts.forEach((p, i) => {
    if (i % 2 === 0)
      half.add(`e${p.event_id}`, simhash(tokens[i] as string[]), i, withPassages ? passages[i] : []);
  });
  let negatives = 0;
  let falsePositives = 0;
  let sameText = 0;
  posts.forEach((p, i) => {
    if (i % 2 === 0) return;
    negatives++;
    const near = find(half, p.text, tokens[i]);
    if (!near) return;
    const verdict = judge(near, i);
    if (verdict === 'wrong') {
      falsePositives++;
      if (shown.length < 8)
        shown.push(`${p.text.slice(0, 50)} → ${posts[at.get(near) as number]?.text.slice(0, 50)}`);
    } else sameText++;
  });
  const precision = hits / (hits + wrong + falsePositives);
  console.log(
    `edited reprints matched to a different story: ${wrong} (${alike} matched to an earlier post of the same story by the weaker test)`,
  );
  console.log(
    `different stories: ${negatives} queries, ${falsePositives} false matches, ${sameText} matches to a post of the same story (real duplicates in CED)`,
  );
  console.log(`precision over all matches: ${(100 * precision).toFixed(2)}%`);
  for (const line of shown) console.log(`  judged wrong: ${line.replace(/\s+/g, ' ')}`);

  // Comments that quote their source post (real reposts) should point to it, and never elsewhere.
  let quoting = 0;
  let quotingFound = 0;
  let elsewhere = 0;
  let elsewhereWrong = 0;
  let comments = 0;
  for (const p of posts) {
    const source = at.get(`e${p.event_id}`) as number;
    for (const c of p.sample_comments) {
      const toks = dedupTokens(c.text);
      comments++;
      const near = find(index, c.text, toks);
      if (near && near !== `e${p.event_id}`) {
        elsewhere++;
        const other = tokens[at.get(near) as number] as string[];
        if (!sameWords(toks, other) && !alikeWords(toks, other)) {
          elsewhereWrong++;
          console.log(`  comment matched elsewhere: ${c.text.slice(0, 60).replace(/\s+/g, ' ')}`);
        }
      }
      if (toks.length >= 10 && sameWords(toks, tokens[source] as string[])) {
        quoting++;
        if (near === `e${p.event_id}`) quotingFound++;
      }
    }
  }
  console.log(
    `CED comments: ${comments}; ${quoting} quote their source (token Jaccard ≥ 0.8), ${quotingFound} matched to it; ${elsewhere} matched another event, ${elsewhereWrong} of them a post whose words differ`,
  );
}

// News articles: the true bodies of the extraction set's pages (news and government sites), each
// edited as sites edit the articles they reprint.
const articles = gunzipSync(readFileSync(join(DEFAULT_DATA_ROOT, 'extraction/dev-truth.jsonl.gz')))
  .toString('utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { content?: string }).content ?? '')
  .filter((c) => c.length > 200);
const paragraphs = (t: string) => t.split(/\n+/).filter((p) => p.trim());
const ARTICLE_EDITS: Record<string, Edit> = {
  "editor's note in front": (t) => `编者按：本文转载自其他媒体，仅代表作者观点，不代表本网立场。\n${t}`,
  'first paragraph cut': (t) => paragraphs(t).slice(1).join('\n'),
  'last third cut': (t) => {
    const p = paragraphs(t);
    return p.slice(0, Math.ceil((p.length * 2) / 3)).join('\n');
  },
  'paragraph added': (t) =>
    `${t}\n记者随后联系了相关部门，对方表示将尽快核实情况并向社会公布调查结果，本网将持续关注此事进展。`,
};
console.log(
  `\nnews articles (${articles.length}, the extraction set's true bodies): found, SimHash alone → with passages`,
);
for (const [name, edit] of Object.entries(ARTICLE_EDITS)) {
  const found = [false, true].map((withPassages) => {
    const index = new SimHashIndex();
    articles.forEach((a, i) => {
      index.add(`a${i}`, simhash(dedupTokens(a)), i, withPassages ? passageFingerprints(a) : []);
    });
    return articles.filter((a, i) => {
      const edited = edit(a, i);
      const toks = dedupTokens(edited);
      const prints = withPassages ? passageFingerprints(edited) : [];
      return index.findNear(simhash(toks), maxDistanceFor(toks), prints) === `a${i}`;
    }).length;
  });
  console.log(`  ${name.padEnd(24)} ${found[0]} → ${found[1]} of ${articles.length}`);
}

// Speed on 200-character posts: tokenising + hashing, hashing alone, passages, and the index.
const texts = posts.map((p) => p.text.padEnd(200, p.text).slice(0, 200));
let t0 = performance.now();
const pre = texts.map((t) => dedupTokens(t));
const tokenMs = performance.now() - t0;
const rounds = 5;
t0 = performance.now();
for (let r = 0; r < rounds; r++) for (const t of pre) simhash(t);
const hashMs = (performance.now() - t0) / rounds;
t0 = performance.now();
let prints: number[][] = [];
for (let r = 0; r < rounds; r++) prints = texts.map((t) => passageFingerprints(t));
const passageMs = (performance.now() - t0) / rounds;
const big = new SimHashIndex({ cap: 100_000 });
t0 = performance.now();
for (let r = 0; r < 30; r++) {
  pre.forEach((t, i) => {
    const h = simhash(t);
    big.findNear(h, 3, prints[i]);
    big.add(`${r}:${i}`, h, undefined, prints[i]);
  });
}
const indexMs = (performance.now() - t0) / 30;
const rate = (ms: number) => Math.round((texts.length / ms) * 1000).toLocaleString('en');
console.log(
  `speed (200-char posts): simhash ${rate(hashMs)} docs/s; passages ${rate(passageMs)} docs/s; both in the index ${rate(indexMs)} docs/s; with cleaning+jieba ${rate(tokenMs + hashMs)} docs/s`,
);
