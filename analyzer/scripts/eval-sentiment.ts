/**
 * Scores the committed sentiment model on the held-out data and measures its speed.
 *   npx tsx analyzer/scripts/eval-sentiment.ts --data ../shared/data [--model path]
 */
import { parseArgs } from 'node:util';
import {
  analyzeSentiment,
  evaluateSet,
  formatFigures,
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
