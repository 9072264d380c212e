/**
 * CPU time per document of sentiment (`analyzeSentiment`, with evidence) and category (`classify`)
 * on the 200-character posts that `bench/analyzer.bench.ts` builds, given jieba words cut
 * beforehand exactly as `analyzeText` cuts them. Best of interleaved rounds of process CPU time,
 * so that other load on a shared machine moves every figure alike.
 *   npx tsx analyzer/scripts/bench-sentcat.ts [--docs 6000] [--rounds 5]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { classify } from '../src/classify/index.ts';
import { analyzeSentiment } from '../src/sentiment/index.ts';
import { tagWords } from '../src/text/segment.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '6000' },
    rounds: { type: 'string', default: '5' },
  },
});
const count = Number(values.docs);
const rounds = Number(values.rounds);

const FIXTURE = new URL('../../crawler/fixtures/demo-news.jsonl', import.meta.url);

/** The same posts as `posts()` in bench/analyzer.bench.ts. */
function posts(n: number): string[] {
  const bodies = readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { body: string }).body);
  const text = bodies.join('');
  return Array.from({ length: n }, (_, i) => {
    const start = (i * 197) % Math.max(1, text.length - 200);
    return text.slice(start, start + 200);
  });
}

const WORDLIKE = /[\p{L}\p{N}]/u;
const docs = posts(count);
// The words analyzeText hands to both stages: jieba with tags, punctuation and spaces left out.
const tokens = docs.map((d) =>
  tagWords(d)
    .filter((t) => WORDLIKE.test(t.word))
    .map((t) => t.word.trim()),
);
const noTitle: string[] = [];

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** Best CPU microseconds per document over `rounds` interleaved runs. */
const runs: Record<string, () => void> = {
  segmentation: () => {
    for (const d of docs) tagWords(d);
  },
  sentiment: () => {
    for (let i = 0; i < docs.length; i++) analyzeSentiment(docs[i] as string, tokens[i]);
  },
  'sentiment, no evidence': () => {
    for (let i = 0; i < docs.length; i++) analyzeSentiment(docs[i] as string, tokens[i], { evidence: 0 });
  },
  classify: () => {
    for (let i = 0; i < docs.length; i++) {
      classify('', docs[i], undefined, { title: noTitle, body: tokens[i] as string[] });
    }
  },
  'sentiment + classify': () => {
    for (let i = 0; i < docs.length; i++) {
      analyzeSentiment(docs[i] as string, tokens[i]);
      classify('', docs[i], undefined, { title: noTitle, body: tokens[i] as string[] });
    }
  },
};

for (const run of Object.values(runs)) run(); // warm-up: models loaded, code optimised
const best: Record<string, number> = {};
for (let r = 0; r < rounds; r++) {
  for (const [name, run] of Object.entries(runs)) {
    const t = cpuMicros();
    run();
    const perDoc = (cpuMicros() - t) / docs.length;
    best[name] = Math.min(best[name] ?? Number.POSITIVE_INFINITY, perDoc);
  }
}
console.log(`${docs.length} posts of 200 characters, CPU µs per document (best of ${rounds} rounds):`);
const seg = best.segmentation as number;
for (const [name, us] of Object.entries(best)) {
  const ratio = name === 'segmentation' ? '' : `  (${(us / seg).toFixed(2)}× jieba tagging)`;
  console.log(`  ${name.padEnd(24)} ${us.toFixed(2).padStart(7)} µs  ${Math.round(1e6 / us)} docs/s${ratio}`);
}
