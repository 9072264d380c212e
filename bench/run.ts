/**
 * `npm run bench [suite…]`: runs the benchmark suites and writes their figures to
 * bench/results/<date>-<suite>.json. Each suite runs in this process, one after another
 * (the embedded engine allows one data directory per process at a time).
 */

import { analyzerBench } from './analyzer.bench.ts';
import { crawlerBench } from './crawler.bench.ts';
import { dashboardBench } from './dashboard.bench.ts';
import { type BenchFigure, writeResults } from './harness.ts';
import { latencyBench } from './latency.bench.ts';
import { storeBench } from './store.bench.ts';

const SUITES: Record<string, () => Promise<BenchFigure[]>> = {
  store: () => storeBench(),
  analyzer: () => analyzerBench(),
  crawler: () => crawlerBench(),
  latency: () => latencyBench(),
  dashboard: () => dashboardBench(),
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
