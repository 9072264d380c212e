/**
 * CPU time of the analysis per 200-character post, and of segmentation alone, for the analyzer
 * of a checkout, in a process of its own (as `npm run bench -- analyzer` measures them:
 * `oneThreadCosts`). To compare with an earlier commit:
 *   git archive <commit> analyzer schemas package.json | tar -x -C /tmp/base
 *   ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   npx tsx bench/analyzer-speed.ts /tmp/base; npx tsx bench/analyzer-speed.ts .
 */
import path from 'node:path';
import type { TextInput } from '@yuqing/analyzer';
import { oneThreadCosts, posts } from './analyzer.bench.ts';

const root = path.resolve(process.argv[2] ?? '.');
const analyzer = (await import(
  path.join(root, 'analyzer/src/index.ts')
)) as typeof import('@yuqing/analyzer');
// A checkout from before `analyzeTexts` analyses a batch one document at a time.
const analyze = analyzer.analyzeTexts ?? ((batch: TextInput[]) => batch.map((p) => analyzer.analyzeText(p)));
const { segmentation, full } = oneThreadCosts(posts(4000), analyze, undefined, analyzer.getJieba?.());
console.log(
  `${root}: analysis ${full.toFixed(0)} µs per post, segmentation ${segmentation.toFixed(0)} µs (${(full / segmentation).toFixed(1)}×)`,
);
