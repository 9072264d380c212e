import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface Keyed<T> {
  key: number;
  seq: number;
  value: T;
}

/**
 * Sorts a stream by a numeric key in constant memory: runs of `runSize` items are sorted and
 * spilled to temporary files, then merged. Ties keep input order (`seq`).
 */
export async function* externalSort<T>(
  items: AsyncIterable<{ key: number; value: T }>,
  runSize = 50_000,
): AsyncGenerator<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yuqing-sort-'));
  try {
    const runs: string[] = [];
    let run: Keyed<T>[] = [];
    let seq = 0;
    const spill = async () => {
      run.sort(compare);
      const file = path.join(dir, `run-${runs.length}.jsonl`);
      const out = createWriteStream(file, 'utf8');
      for (const item of run) if (!out.write(`${JSON.stringify(item)}\n`)) await once(out, 'drain');
      out.end();
      await once(out, 'finish');
      runs.push(file);
      run = [];
    };
    for await (const item of items) {
      run.push({ key: item.key, seq: seq++, value: item.value });
      if (run.length >= runSize) await spill();
    }
    if (runs.length === 0) {
      // Everything fitted in memory: no files needed.
      run.sort(compare);
      for (const item of run) yield item.value;
      return;
    }
    if (run.length > 0) await spill();
    yield* merge<T>(runs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function compare<T>(a: Keyed<T>, b: Keyed<T>): number {
  return a.key - b.key || a.seq - b.seq;
}

async function* merge<T>(files: string[]): AsyncGenerator<T> {
  const readers = files.map((f) =>
    createInterface({ input: createReadStream(f, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY })[
      Symbol.asyncIterator
    ](),
  );
  const heads: Array<Keyed<T> | undefined> = await Promise.all(
    readers.map(async (r) => {
      const next = await r.next();
      return next.done ? undefined : (JSON.parse(next.value) as Keyed<T>);
    }),
  );
  for (;;) {
    // Few runs (one per 50k items): a linear scan for the smallest head is fast enough.
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      const b = best >= 0 ? heads[best] : undefined;
      if (h && (!b || compare(h, b) < 0)) best = i;
    }
    if (best < 0) return;
    yield (heads[best] as Keyed<T>).value;
    const next = await (readers[best] as AsyncIterator<string>).next();
    heads[best] = next.done ? undefined : (JSON.parse(next.value) as Keyed<T>);
  }
}
