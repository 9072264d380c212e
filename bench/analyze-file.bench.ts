/**
 * `yuqing analyze --input --output` on large files, in a child process as a user runs it: lines
 * per second and the process's peak resident memory (VmHWM, every thread of it) for 100 k and 1 M
 * lines of posts of 120-200 characters, each made of random sentences of real Weibo posts and
 * comments (CED, ../shared/data), whose publish times are shuffled over a year, so the on-disk sort
 * has work to do. The goal is streaming: memory that stays flat from 100 k lines to 1 M.
 *   npm run bench -- analyze-file      (YUQING_BENCH_LINES=100000,1000000)
 * YUQING_BENCH_CHECKOUT=<dir> runs that checkout's `yuqing` instead (A/B: `git worktree add`,
 * then link node_modules into it, with @yuqing/* pointing into the worktree).
 * Measured 2026-11-24 09:08-09:30 UTC (commit 3499a79): 100 k lines 1,757 lines/s, peak 936 MiB;
 * 1 M lines 1,378 lines/s, 1,142 MiB. Before (f337659): 100 k 2,543 / 1,100 MiB, 300 k 1,136 / 1,415,
 * 1 M 865-1,104 / 1,639-1,723. What changed: the SimHash window is typed arrays (232 → ~80 bytes
 * an entry), the oldest entry of that window and of the document-to-topic links is found in O(1)
 * (V8's map.keys().next() walked the deleted entries, 20-170 µs a document once the 200 k caps
 * had filled), and retired topics are dropped. The main thread's live heap after a full GC stays
 * at 107-116 MiB from the second minute of the 1 M lines to the end; with a full GC every 30 s the
 * whole process stays at 600-680 MiB. The rest of the peak is V8's heap room: with its default
 * 4 GB limit, V8 lets a heap grow to several times its live size. With the limit at 1 GB
 * (NODE_OPTIONS=--max-old-space-size=1024), the peak is 640 MiB at 100 k lines, 695 at 300 k and
 * 756 at 1 M, at the same speed (measured before the O(1) eviction; 791 MiB at 1 M after it).
 * Throughput is noisy on this shared machine (the same 100 k run gave 1,841-3,011 lines/s within
 * the hour); it falls with the input because the main thread's topic clustering grows with the
 * active topics. These posts are a worst case for it (random mixes of sentences of different
 * events resemble many clusters at once): on the real CED stream, in time order, it clusters
 * 25-30 k documents a second (analyzer/scripts/eval-topics.ts).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BenchFigure, round } from './harness.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const YEAR_MS = 365 * 86_400_000;

/** Sentences of real Weibo posts and comments (CED), the material of the generated posts. */
function sentences(): string[] {
  const file = path.resolve(ROOT, '../shared/data/events/weibo_rumor_ced/ced_event_cluster_eval.tsv');
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .flatMap((line) => (line.split('\t')[4] ?? '').split(/(?<=[。！？!?])/))
    .map((s) => s.replace(/\[[^\]]{1,8}\]/g, '').trim())
    .filter((s) => s.length >= 6);
}

async function writeInput(file: string, lines: number): Promise<void> {
  const pool = sentences();
  const out = createWriteStream(file, 'utf8');
  let seed = 12345;
  const random = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const start = Date.parse('2025-01-01T00:00:00Z');
  for (let i = 0; i < lines; i++) {
    let content = '';
    while (content.length < 120) content += pool[Math.floor(random() * pool.length)];
    const line = JSON.stringify({
      id: `p${i}`,
      content: content.slice(0, 200),
      publishedAt: new Date(start + Math.floor(random() * YEAR_MS)).toISOString(),
    });
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Peak resident memory of a process so far, in MiB (Linux: /proc/<pid>/status VmHWM). */
function peakMiB(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0; // the process has just exited
  }
}

/** Lines of a file, read as a stream (the output of a million lines is ~2 GB). */
async function countLines(file: string): Promise<number> {
  let n = 0;
  for await (const chunk of createReadStream(file)) {
    for (const byte of chunk as Buffer) if (byte === 10) n++;
  }
  return n;
}

async function run(lines: number, dir: string): Promise<{ seconds: number; peak: number; written: number }> {
  const input = path.join(dir, `in-${lines}.jsonl`);
  const output = path.join(dir, `out-${lines}.jsonl`);
  await writeInput(input, lines);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli.ts', 'analyze', '--input', input, '--output', output],
    { cwd: process.env.YUQING_BENCH_CHECKOUT ?? ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  let peak = 0;
  const poll = setInterval(() => {
    if (child.pid) peak = Math.max(peak, peakMiB(child.pid));
  }, 200);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(poll);
  if (code !== 0) throw new Error(`yuqing analyze exited with ${code}`);
  const seconds = (performance.now() - started) / 1000;
  const written = await countLines(output);
  rmSync(input);
  rmSync(output);
  return { seconds, peak, written };
}

export async function analyzeFileBench(): Promise<BenchFigure[]> {
  const sizes = (process.env.YUQING_BENCH_LINES ?? '100000,1000000').split(',').map(Number);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yuqing-bench-analyze-file-'));
  const figures: BenchFigure[] = [];
  try {
    for (const lines of sizes) {
      const r = await run(lines, dir);
      if (r.written !== lines) throw new Error(`${lines} lines in, ${r.written} out`);
      const label = `${lines.toLocaleString('en')} lines`;
      figures.push({ name: `analyze file ${label}`, value: round(lines / r.seconds, 0), unit: 'lines/s' });
      figures.push({
        name: `analyze file ${label} peak memory`,
        value: round(r.peak, 0),
        unit: 'MiB',
        goal: 'flat from 100 k to 1 M lines',
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
