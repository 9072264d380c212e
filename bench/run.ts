/**
 * `npm run bench [suite…]`: runs the benchmark suites and writes their figures to
 * bench/results/<date>-<suite>.json. Each suite runs in this process, one after another
 * (the embedded engine allows one data directory per process at a time). A suite's modules load
 * only when it runs: the analyzer's CPU-time figures count every thread of the process, and the
 * other suites bring chDB, the crawler and Chromium with their threads.
 */

import { type BenchFigure, writeResults } from './harness.ts';

const SUITES: Record<string, () => Promise<BenchFigure[]>> = {
  store: async () => (await import('./store.bench.ts')).storeBench(),
  analyzer: async () => (await import('./analyzer.bench.ts')).analyzerBench(),
  'analyze-file': async () => (await import('./analyze-file.bench.ts')).analyzeFileBench(),
  crawler: async () => (await import('./crawler.bench.ts')).crawlerBench(),
  latency: async () => (await import('./latency.bench.ts')).latencyBench(),
  dashboard: async () => (await import('./dashboard.bench.ts')).dashboardBench(),
};

const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(SUITES)) {
  const suite = SUITES[name];
  if (!suite) {
    console.error(`Unknown bench suite '${name}'. Known: ${Object.keys(SUITES).join(', ')}`);
    process.exit(2);
  }
  console.log(`bench ${name} …`);
  const figures = await suite();
  for (const f of figures) console.log(`  ${f.name.padEnd(36)} ${String(f.value).padStart(10)} ${f.unit}`);
  console.log(`  → ${writeResults(name, figures)}`);
}
