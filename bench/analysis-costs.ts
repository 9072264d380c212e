/**
 * CPU cost per document of jieba segmentation alone and of the full analysis, measured in a worker
 * thread started as the platform starts its analysis workers (`WorkerPool`: no node options, tsx
 * registered by the entry): the analysis runs there, and the tsx CLI's loader on a main thread
 * makes typed-array reads, and so the analysis, ~7 % slower than in such a worker.
 */
import { Worker } from 'node:worker_threads';
import type { TextInput } from '@yuqing/analyzer';

export interface Costs {
  /** CPU µs per document. */
  segmentation: number;
  full: number;
}

/** CPU microseconds of this process: on a shared machine, far steadier than wall time. */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * CPU µs per document of jieba segmentation alone (`cut`: the jieba the analysis uses, whose
 * dictionary is then in the caches) and of the full analysis (`analyze`, given batches of `share`
 * documents as a worker gets them) on the same documents, each the best of many short rounds, the
 * two interleaved: a busy shared machine (or its hypervisor) then moves both alike, and the
 * minimum leaves out the rounds it disturbed.
 */
export function oneThreadCosts(
  docs: readonly TextInput[],
  analyze: (batch: TextInput[]) => unknown,
  cut: { cut(text: string, hmm: boolean): string[] },
  share: number,
  rounds = 48,
): Costs {
  analyze(docs.slice(0, 2)); // load models once, outside the timing
  let segmentation = Number.POSITIVE_INFINITY;
  let full = Number.POSITIVE_INFINITY;
  const batches = Math.max(1, Math.floor(docs.length / share));
  for (let r = 0; r < rounds; r++) {
    const batch = docs.slice((r % batches) * share, (r % batches) * share + share);
    let started = cpuMicros();
    for (const d of batch) cut.cut(d.content, true);
    segmentation = Math.min(segmentation, (cpuMicros() - started) / batch.length);
    started = cpuMicros();
    analyze(batch);
    full = Math.min(full, (cpuMicros() - started) / batch.length);
  }
  return { segmentation, full };
}

/** `oneThreadCosts` of the analyzer of the checkout at `root` on `count` posts, in a worker. */
export function costsInWorker(root: string, count: number, share: number): Promise<Costs> {
  const worker = new Worker(new URL('./analysis-costs-worker.mjs', import.meta.url), {
    execArgv: [],
    workerData: { root, count, share },
  });
  return new Promise<Costs>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`cost worker exited with code ${code}`)));
  }).finally(() => worker.terminate());
}
