/**
 * A/B speed of `analyzeText` against an earlier commit, both loaded in one process and run in
 * alternating rounds (CPU time), so that a busy shared machine slows both alike:
 *   npx tsx bench/analyzer-ab.ts [commit=HEAD~1] [posts=500] [rounds=8]
 * The earlier commit's analyzer/ is extracted with `git archive` into a temporary directory.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeText, getJieba, type TextInput } from '@yuqing/analyzer';

const [commit = 'HEAD~1', postsArg = '500', roundsArg = '8'] = process.argv.slice(2);
const root = path.resolve(import.meta.dirname, '..');
const count = Number(postsArg);
const rounds = Number(roundsArg);

const dir = mkdtempSync(path.join(os.tmpdir(), 'yuqing-ab-'));
try {
  const archive = execFileSync('git', ['archive', commit, 'analyzer'], { cwd: root, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  const before = (await import(path.join(dir, 'analyzer/src/index.ts'))) as {
    analyzeText: typeof analyzeText;
  };

  const text = readFileSync(path.join(root, 'crawler/fixtures/demo-news.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { body: string }).body)
    .join('');
  const docs: TextInput[] = Array.from({ length: count }, (_, i) => {
    const start = (i * 197) % Math.max(1, text.length - 200);
    return { id: String(i), title: '', content: text.slice(start, start + 200), mediaType: 'social' };
  });
  for (const d of docs.slice(0, 50)) {
    before.analyzeText(d);
    analyzeText(d);
  }
  const jieba = getJieba();
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const time = (run: () => void) => {
    const t = cpu();
    run();
    return cpu() - t;
  };
  const seg: number[] = [];
  const old: number[] = [];
  const now: number[] = [];
  const runOld = () =>
    old.push(
      time(() => {
        for (const d of docs) before.analyzeText(d);
      }),
    );
  const runNow = () =>
    now.push(
      time(() => {
        for (const d of docs) analyzeText(d);
      }),
    );
  for (let r = 0; r < rounds; r++) {
    seg.push(
      time(() => {
        for (const d of docs) jieba.cut(d.content, true);
      }),
    );
    if (r % 2) {
      runOld();
      runNow();
    } else {
      runNow();
      runOld();
    }
  }
  const median = (x: number[]) => [...x].sort((a, b) => a - b)[x.length >> 1] as number;
  const us = (ms: number) => `${Math.round((ms / count) * 1000)} µs`;
  console.log(`${count} posts of 200 characters, ${rounds} rounds, median CPU time per post:`);
  console.log(`  segmentation alone: ${us(median(seg))}`);
  console.log(`  ${commit}: ${us(median(old))} (${(median(old) / median(seg)).toFixed(1)}× segmentation)`);
  console.log(`  working tree: ${us(median(now))} (${(median(now) / median(seg)).toFixed(1)}× segmentation)`);
  console.log(
    `  per round ${commit} ÷ working tree: ${old.map((x, i) => (x / (now[i] as number)).toFixed(2)).join(' ')}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
