/**
 * CPU time of `analyzeText` per 200-character post, and of segmentation alone, for the analyzer
 * of a checkout, in a process of its own (best of three rounds). To compare with an earlier commit:
 *   git archive <commit> analyzer schemas package.json | tar -x -C /tmp/base
 *   ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   npx tsx bench/analyzer-speed.ts /tmp/base; npx tsx bench/analyzer-speed.ts .
 */
import path from 'node:path';
import type { TextInput } from '@yuqing/analyzer';
import { posts } from './analyzer.bench.ts';

const root = path.resolve(process.argv[2] ?? '.');
const { analyzeText, getJieba } = (await import(
  path.join(root, 'analyzer/src/index.ts')
)) as typeof import('@yuqing/analyzer');
const bench = posts(4000);

const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const perPost = (run: (p: TextInput) => unknown) => {
  const started = cpuMicros();
  for (const p of bench) run(p);
  return (cpuMicros() - started) / bench.length;
};
analyzeText(bench[0] as TextInput); // models load outside the timing
let full = Number.POSITIVE_INFINITY;
let segmentation = Number.POSITIVE_INFINITY;
for (let round = 0; round < 3; round++) {
  segmentation = Math.min(
    segmentation,
    perPost((p) => getJieba().cut(p.content, true)),
  );
  full = Math.min(
    full,
    perPost((p) => analyzeText(p)),
  );
}
console.log(
  `${root}: analyzeText ${full.toFixed(0)} µs per post, segmentation ${segmentation.toFixed(0)} µs (${(full / segmentation).toFixed(1)}×)`,
);
