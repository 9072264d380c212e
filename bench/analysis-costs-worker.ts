/** Measures `oneThreadCosts` for `costsInWorker` and posts them back. Never imports chDB. */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { TextInput } from '@yuqing/analyzer';
import { oneThreadCosts } from './analysis-costs.ts';
import { posts } from './posts.ts';

const { root, count, share } = workerData as { root: string; count: number; share: number };
const text = (await import(
  path.join(root, 'analyzer/src/analyze-text.ts')
)) as typeof import('../analyzer/src/analyze-text.ts');
const { getJieba } = (await import(
  path.join(root, 'analyzer/src/text/segment.ts')
)) as typeof import('../analyzer/src/text/segment.ts');
// A checkout from before `analyzeTexts` analyses a batch one document at a time.
const analyze = text.analyzeTexts ?? ((batch: TextInput[]) => batch.map((p) => text.analyzeText(p)));
parentPort?.postMessage(oneThreadCosts(posts(count), analyze, getJieba(), share));
