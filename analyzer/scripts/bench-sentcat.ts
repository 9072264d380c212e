/**
 * CPU time per document of sentiment (`analyzeSentiment`, with evidence) and category (`classify`)
 * on the 200-character posts that `bench/analyzer.bench.ts` builds, given jieba words cut
 * beforehand exactly as `analyzeText` cuts them. Each figure is the best of many short rounds of
 * process CPU time, and all figures' rounds are interleaved, so that other load on a shared
 * machine moves them alike.
 *
 *   npx tsx analyzer/scripts/bench-sentcat.ts [--docs 1000] [--rounds 30] [--baseline DIR]
 *
 * `--baseline DIR` also times another version of the code, interleaved with this one: DIR holds
 * that version's `analyzer/src` (and finds node_modules above it), e.g. the commit before:
 *   mkdir /tmp/yq-before && git archive c195121 analyzer schemas package.json | tar -x -C /tmp/yq-before
 *   ln -s "$PWD/node_modules" /tmp/yq-before/node_modules
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { postTexts } from '../../bench/posts.ts';
import type { classify as Classify } from '../src/classify/index.ts';
import type { analyzeSentiment as AnalyzeSentiment } from '../src/sentiment/index.ts';
import { isWordlike, tagWords } from '../src/text/segment.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '30' },
    baseline: { type: 'string' },
  },
});
const count = Number(values.docs);
const rounds = Number(values.rounds);
if (!(count > 0 && rounds > 0)) {
  console.error('usage: bench-sentcat.ts [--docs N] [--rounds N] [--baseline DIR]');
  process.exit(2);
}

interface Version {
  name: string;
  analyzeSentiment: typeof AnalyzeSentiment;
  classify: typeof Classify;
}

async function load(name: string, src: URL): Promise<Version> {
  const sentiment = await import(new URL('sentiment/index.ts', src).href);
  const category = await import(new URL('classify/index.ts', src).href);
  return { name, analyzeSentiment: sentiment.analyzeSentiment, classify: category.classify };
}

const versions: Version[] = [];
if (values.baseline) {
  versions.push(await load('baseline', pathToFileURL(`${resolve(values.baseline, 'analyzer/src')}/`)));
}
versions.push(await load(values.baseline ? 'this' : '', new URL('../src/', import.meta.url)));

// The posts of bench/analyzer.bench.ts, every 7th start: more variety in fewer.
const docs = postTexts(count, 7);
// The words analyzeText hands to both stages: jieba with tags, punctuation and spaces left out.
const tokens = docs.map((d) =>
  tagWords(d)
    .words.filter(isWordlike)
    .map((w) => w.trim()),
);
const noTitle: string[] = [];

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

const runs: [string, () => void][] = [
  [
    'jieba tagging (reference)',
    () => {
      for (const d of docs) tagWords(d);
    },
  ],
];
for (const v of versions) {
  const label = (what: string) => (v.name ? `${v.name}: ${what}` : what);
  const words = (i: number) => ({ title: noTitle, body: tokens[i] as string[] });
  runs.push(
    [
      label('sentiment'),
      () => {
        for (let i = 0; i < docs.length; i++) v.analyzeSentiment(docs[i] as string, tokens[i]);
      },
    ],
    [
      label('classify'),
      () => {
        for (let i = 0; i < docs.length; i++) v.classify('', docs[i], undefined, words(i));
      },
    ],
    [
      label('sentiment + classify'),
      () => {
        for (let i = 0; i < docs.length; i++) {
          v.analyzeSentiment(docs[i] as string, tokens[i]);
          v.classify('', docs[i], undefined, words(i));
        }
      },
    ],
  );
}

for (let r = 0; r < 3; r++) for (const [, run] of runs) run(); // models loaded, code optimised
const best = new Map<string, number>();
for (let r = 0; r < rounds; r++) {
  for (const [name, run] of runs) {
    const t = cpuMicros();
    run();
    const perDoc = (cpuMicros() - t) / docs.length;
    best.set(name, Math.min(best.get(name) ?? Number.POSITIVE_INFINITY, perDoc));
  }
}
console.log(`${docs.length} posts of 200 characters, CPU µs per document (best of ${rounds} rounds):`);
const seg = best.get('jieba tagging (reference)') as number;
for (const [name, us] of best) {
  const ratio = name.startsWith('jieba') ? '' : `  ${(us / seg).toFixed(2)}× jieba tagging`;
  console.log(`  ${name.padEnd(32)} ${us.toFixed(1).padStart(6)} µs  ${Math.round(1e6 / us)} docs/s${ratio}`);
}
if (values.baseline) {
  for (const what of ['sentiment', 'classify', 'sentiment + classify']) {
    const before = best.get(`baseline: ${what}`) as number;
    const after = best.get(`this: ${what}`) as number;
    console.log(`  ${what}: ${(before / after).toFixed(2)}× cheaper than the baseline`);
  }
}
