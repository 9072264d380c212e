/**
 * CPU cost of the NER tagger on 200-character posts (the posts of bench/analyzer.bench.ts: real
 * text from crawler/fixtures/demo-news.jsonl, cut into 200-character windows):
 *   cd /work/main && npx tsx analyzer/scripts/bench-ner.ts [--count 4000] [--rounds 3] [--model path]
 *     [--baseline dir]
 * Prints docs per CPU second (best of interleaved rounds) of jieba segmentation alone, of
 * `findEntities` and `nerSpans` given jieba's tags and the region scan (as `analyzeText` calls
 * them), and of the whole `analyzeText`; and the share of the tagger in the full analysis.
 * --baseline times another checkout's tagger in the same rounds (on a busy shared machine only
 * side-by-side figures compare), e.g. the tagger before the compact model:
 *   git archive c195121 analyzer | tar -x -C /tmp/ner-base && ln -s "$PWD/node_modules" /tmp/ner-base/
 *   npx tsx analyzer/scripts/bench-ner.ts --baseline /tmp/ner-base
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { postTexts } from '../../bench/posts.ts';
import { analyzeText } from '../src/analyze-text.ts';
import { findEntities } from '../src/entities/index.ts';
import { getNerModel, NerModel } from '../src/entities/ner-model.ts';
import { nerSpans } from '../src/entities/ner-tagger.ts';
import { getGazetteer, scanRegionNames } from '../src/regions/index.ts';
import { getJieba, tagWords } from '../src/text/segment.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '4000' },
    rounds: { type: 'string', default: '3' },
    model: { type: 'string' },
    baseline: { type: 'string' },
  },
});
const count = Number(values.count);
const rounds = Number(values.rounds);

const posts = postTexts(count);

const gazetteer = getGazetteer();
const model = values.model ? NerModel.load(values.model) : getNerModel();
const jieba = getJieba();
const prepared = posts.map((p) => ({
  text: p,
  tagged: tagWords(p),
  regionNames: scanRegionNames(p, gazetteer),
}));
analyzeText({ id: 'warm', title: '', content: posts[0] as string });

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

const runs: Record<string, () => void> = {
  'jieba cut (segmentation alone)': () => {
    for (const p of posts) jieba.cut(p, true);
  },
  nerSpans: () => {
    for (const p of prepared) nerSpans(p.text, p.tagged, gazetteer, { model, regionNames: p.regionNames });
  },
  'nerSpans, every clause': () => {
    for (const p of prepared)
      nerSpans(p.text, p.tagged, gazetteer, { model, regionNames: p.regionNames, everyClause: true });
  },
  findEntities: () => {
    for (const p of prepared) findEntities(p.text, { tagged: p.tagged, regionNames: p.regionNames });
  },
  analyzeText: () => {
    for (let i = 0; i < posts.length; i++)
      analyzeText({ id: String(i), title: '', content: posts[i] as string, mediaType: 'social' });
  },
};

type NerSpansFn = typeof nerSpans;
type FindEntitiesFn = typeof findEntities;
let baseline: { nerSpans: NerSpansFn; findEntities: FindEntitiesFn } | undefined;
if (values.baseline) {
  const dir = resolve(values.baseline, 'analyzer/src/entities');
  const base = (await import(resolve(dir, 'ner-tagger.ts'))) as { nerSpans: NerSpansFn };
  const baseFind = ((await import(resolve(dir, 'index.ts'))) as { findEntities: FindEntitiesFn })
    .findEntities;
  baseFind('预热：加载模型。');
  baseline = { nerSpans: base.nerSpans, findEntities: baseFind };
  runs['baseline nerSpans'] = () => {
    for (const p of prepared) base.nerSpans(p.text, p.tagged, gazetteer, { regionNames: p.regionNames });
  };
  runs['baseline findEntities'] = () => {
    for (const p of prepared) baseFind(p.text, { tagged: p.tagged, regionNames: p.regionNames });
  };
}

const best = new Map<string, number>();
for (let r = 0; r < rounds; r++) {
  for (const [name, run] of Object.entries(runs)) {
    const started = cpuSeconds();
    run();
    const rate = count / (cpuSeconds() - started);
    best.set(name, Math.max(best.get(name) ?? 0, rate));
  }
}
console.log(`${count} posts of 200 characters, best of ${rounds} rounds (docs per CPU second):`);
for (const [name, rate] of best)
  console.log(
    `  ${name.padEnd(32)} ${String(Math.round(rate)).padStart(7)} docs/s  ${(1e6 / rate).toFixed(1)} µs/doc`,
  );
const full = best.get('analyzeText') as number;
const ner = best.get('findEntities') as number;
console.log(`  findEntities share of analyzeText: ${((100 * full) / ner).toFixed(1)} %`);
console.log(
  `  analyzeText cost vs segmentation: ${((best.get('jieba cut (segmentation alone)') as number) / full).toFixed(2)} ×`,
);
if (values.baseline) {
  const ratio = (a: string, b: string) => ((best.get(a) as number) / (best.get(b) as number)).toFixed(2);
  console.log(`  nerSpans ${ratio('nerSpans', 'baseline nerSpans')}× the baseline's docs/s (best rounds)`);
  console.log(
    `  findEntities ${ratio('findEntities', 'baseline findEntities')}× the baseline's docs/s (best rounds)`,
  );
  // Paired: both taggers on the same 100 posts back to back, in alternating order, CPU time summed
  // over every chunk: load that comes and goes hits both alike.
  for (const [mine, theirs] of [
    ['nerSpans', 'baseline nerSpans'],
    ['findEntities', 'baseline findEntities'],
  ] as const) {
    const total = { mine: 0, theirs: 0 };
    const chunk = (name: string, from: number) => {
      const started = cpuSeconds();
      const part = prepared.slice(from, from + 100);
      if (name === 'nerSpans')
        for (const p of part) nerSpans(p.text, p.tagged, gazetteer, { model, regionNames: p.regionNames });
      else if (name === 'findEntities')
        for (const p of part) findEntities(p.text, { tagged: p.tagged, regionNames: p.regionNames });
      else if (name === 'baseline nerSpans')
        for (const p of part) baseline?.nerSpans(p.text, p.tagged, gazetteer, { regionNames: p.regionNames });
      else
        for (const p of part)
          baseline?.findEntities(p.text, { tagged: p.tagged, regionNames: p.regionNames });
      return cpuSeconds() - started;
    };
    for (let r = 0; r < rounds; r++)
      for (let from = 0, k = 0; from < prepared.length; from += 100, k++) {
        if (k % 2 === 0) {
          total.mine += chunk(mine, from);
          total.theirs += chunk(theirs, from);
        } else {
          total.theirs += chunk(theirs, from);
          total.mine += chunk(mine, from);
        }
      }
    console.log(
      `  ${mine}: paired, ${(total.theirs / total.mine).toFixed(2)}× as fast as the baseline ` +
        `(${((1e6 * total.mine) / (rounds * count)).toFixed(1)} vs ${((1e6 * total.theirs) / (rounds * count)).toFixed(1)} µs/doc)`,
    );
  }
}
