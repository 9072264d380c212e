/**
 * CPU time of the analysis per 200-character post, and of segmentation alone, for the analyzer
 * of a checkout, in a process of its own (as `npm run bench -- analyzer` measures them:
 * `costsInWorker`, in a worker thread). To compare with an earlier commit:
 *   git archive <commit> analyzer schemas package.json | tar -x -C /tmp/base
 *   ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   npx tsx bench/analyzer-speed.ts /tmp/base; npx tsx bench/analyzer-speed.ts .
 */
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_BATCH_SIZE } from '@yuqing/analyzer';
import { costsInWorker } from './analysis-costs.ts';

const root = path.resolve(process.argv[2] ?? '.');
// The pipeline's batch split over one worker per core, as the bench.
const share = Math.ceil(DEFAULT_BATCH_SIZE / os.availableParallelism());
const { segmentation, full } = await costsInWorker(root, 4000, share);
console.log(
  `${root}: analysis ${full.toFixed(0)} µs per post, segmentation ${segmentation.toFixed(0)} µs (${(full / segmentation).toFixed(1)}×)`,
);
