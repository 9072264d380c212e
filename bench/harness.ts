import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  goal?: string;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Times `run` `times` times after one warm-up and returns p50/p95 in milliseconds. */
export async function timeQuery(
  run: () => Promise<unknown>,
  times = 30,
): Promise<{ p50: number; p95: number }> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)) };
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Writes `bench/results/<date>-<suite>.json` with the machine it ran on. */
export function writeResults(suite: string, figures: BenchFigure[]): string {
  const dir = path.resolve(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const date = new Date().toISOString();
  const file = path.join(dir, `${date.slice(0, 10)}-${suite}.json`);
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
  };
  writeFileSync(file, `${JSON.stringify({ suite, date, machine, figures }, null, 2)}\n`);
  return file;
}
