/**
 * Analyzer throughput on 200-character posts (real Weibo text from the demo fixture): jieba
 * segmentation alone, the full analysis on one thread, and the full pipeline (worker threads for
 * the text analysis, corpus state on the main thread) with one worker per core. One-thread figures
 * are per CPU second (best of three interleaved rounds), so that a busy shared machine moves
 * segmentation and the full analysis alike; the pipeline figure is wall time.
 */
import os from 'node:os';
import { analyzeText, Corpus, getJieba, TextAnalyzer, type TextInput } from '@yuqing/analyzer';
import { type BenchFigure, round } from './harness.ts';
import { postTexts } from './posts.ts';

export function posts(count: number): TextInput[] {
  return postTexts(count).map((content, i) => ({
    id: String(i),
    title: '',
    content,
    mediaType: 'social' as const,
  }));
}

/** CPU seconds of this thread's process: on a shared machine, far steadier than wall time. */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Docs per CPU second, the best of `rounds` (the rounds of different runs are interleaved by the caller). */
function rate(count: number, run: () => void): number {
  const started = cpuSeconds();
  run();
  return count / (cpuSeconds() - started);
}

export async function analyzerBench(count = 6000): Promise<BenchFigure[]> {
  const docs = posts(count);
  const jieba = getJieba();
  analyzeText(docs[0] as TextInput); // load models once, outside the timing
  // Interleaved rounds, best of each: other load on the machine hits both alike.
  let segmentation = 0;
  let fullOneThread = 0;
  for (let round = 0; round < 3; round++) {
    segmentation = Math.max(
      segmentation,
      rate(count, () => {
        for (const d of docs) jieba.cut(d.content, true);
      }),
    );
    fullOneThread = Math.max(
      fullOneThread,
      rate(count, () => {
        for (const d of docs) analyzeText(d);
      }),
    );
  }

  const workers = os.availableParallelism();
  const analyzer = new TextAnalyzer(workers);
  try {
    // One batch per worker at once, so that every worker (not only the first) has its models loaded.
    await Promise.all(
      Array.from({ length: workers }, (_, w) => analyzer.analyze(docs.slice(w * 4, w * 4 + 4))),
    );
    const corpus = new Corpus();
    const started = performance.now();
    const batches: Array<Promise<void>> = [];
    for (let i = 0; i < count; i += 250) {
      batches.push(
        analyzer.analyze(docs.slice(i, i + 250)).then((results) => {
          for (const r of results) corpus.add(r);
        }),
      );
    }
    await Promise.all(batches);
    const pipeline = count / ((performance.now() - started) / 1000);
    return [
      { name: 'analyzer.segmentation.one_thread', value: round(segmentation, 0), unit: 'docs/s' },
      { name: 'analyzer.full.one_thread', value: round(fullOneThread, 0), unit: 'docs/s' },
      {
        name: 'analyzer.full.cost_vs_segmentation',
        value: round(segmentation / fullOneThread, 2),
        unit: '×',
        goal: '≤ 4',
      },
      {
        name: `analyzer.full.pipeline_${workers}_workers`,
        value: round(pipeline, 0),
        unit: 'docs/s',
        goal: '≥ 2000',
      },
    ];
  } finally {
    await analyzer.close();
  }
}
