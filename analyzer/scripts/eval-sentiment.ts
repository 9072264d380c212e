/**
 * Scores the committed sentiment model on the held-out data and measures its speed.
 *   npx tsx analyzer/scripts/eval-sentiment.ts --data ../shared/data [--model path]
 */
import { parseArgs } from 'node:util';
import {
  analyzeSentiment,
  COMMENT_SETS,
  evaluateSet,
  formatFigures,
  labelledComments,
  labelOf,
  loadSentimentData,
  NEGATIVE,
  nlpccHeldOutByEmotion,
  predictProbabilities,
  SentimentModel,
} from '../src/sentiment/index.ts';
import { segment } from '../src/text/segment.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data' },
    model: { type: 'string' },
  },
});

const loadStart = performance.now();
const model = SentimentModel.load(values.model);
console.log(`model loaded in ${(performance.now() - loadStart).toFixed(0)} ms`);
const data = loadSentimentData(values.data);
for (const set of data.heldOut) console.log(formatFigures(evaluateSet(model, set)));

// The negative emotions one by one: how many posts are labelled negative (`labelOf`: neutral can
// win) and how many lean negative (score < 0); none for comparison.
const byEmotion = nlpccHeldOutByEmotion(values.data);
console.log('nlpcc2013 held-out 20%, negative emotions: labelled negative | leaning negative (score < 0)');
for (const emotion of ['anger', 'fear', 'disgust', 'sadness', 'none']) {
  const probs = predictProbabilities(model, byEmotion.get(emotion) ?? []);
  const pct = (k: number) => ((100 * k) / Math.max(1, probs.length)).toFixed(1);
  const labelled = probs.filter(([neg = 0, neu = 0, pos = 0]) => labelOf(neg, neu, pos) === NEGATIVE).length;
  const leaning = probs.filter(([neg = 0, , pos = 0]) => pos - neg < 0).length;
  console.log(`  ${emotion.padEnd(8)} n=${probs.length}: ${pct(labelled)} % | ${pct(leaning)} %`);
}

// Comments of another source (CED Weibo, 2012–2016), labelled by hand (incident-comments.tsv and
// a larger second draw, random-comments.tsv): the share of each kind the model labels negative.
for (const file of COMMENT_SETS) {
  const byKind = new Map<string, number[]>();
  for (const { kind, text } of labelledComments(values.data, file)) {
    const counts = byKind.get(kind) ?? [0, 0];
    counts[0] = (counts[0] as number) + 1;
    if (analyzeSentiment(text, undefined, { model, evidence: 0 }).label === 'negative')
      counts[1] = (counts[1] as number) + 1;
    byKind.set(kind, counts);
  }
  const share = (kinds: string[]) => {
    const [n, negative] = kinds.reduce(
      ([a, b], k) => [a + (byKind.get(k)?.[0] ?? 0), b + (byKind.get(k)?.[1] ?? 0)],
      [0, 0],
    );
    return `${((100 * negative) / Math.max(1, n)).toFixed(1)} % of ${n}`;
  };
  console.log(`CED comments (${file}), labelled negative:`);
  console.log(`  anger and anxiety ${share(['A', 'X'])} (anger ${share(['A'])}, anxiety ${share(['X'])})`);
  console.log(`  sadness ${share(['S'])}; neutral ${share(['N'])}; positive ${share(['P'])}`);
}

// Throughput on ~200-character posts built from held-out Weibo texts.
const pool = data.heldOut[0]?.rows.map((r) => r.text) ?? [];
const posts: string[] = [];
for (let i = 0, buf = ''; posts.length < 5000 && pool.length > 0; i++) {
  buf += pool[i % pool.length];
  if (buf.length >= 200) {
    posts.push(buf.slice(0, 200));
    buf = '';
  }
}
function rate(run: (text: string, i: number) => unknown): number {
  for (let i = 0; i < 500; i++) run(posts[i] as string, i); // warm-up
  const t = performance.now();
  for (let i = 0; i < posts.length; i++) run(posts[i] as string, i);
  return posts.length / ((performance.now() - t) / 1000);
}
const tokens = posts.map((p) => segment(p));
const seg = rate((p) => segment(p));
const withTokens = rate((p, i) => analyzeSentiment(p, tokens[i], { model, evidence: 0 }));
const withEvidence = rate((p, i) => analyzeSentiment(p, tokens[i], { model }));
const full = rate((p) => analyzeSentiment(p, undefined, { model }));
const f = (x: number) => `${Math.round(x)} docs/s`;
console.log(`throughput, one thread, ${posts.length} posts of 200 characters:`);
console.log(`  segmentation alone: ${f(seg)}`);
console.log(`  sentiment given tokens: ${f(withTokens)} (with evidence: ${f(withEvidence)})`);
console.log(`  sentiment including segmentation and evidence: ${f(full)}`);
