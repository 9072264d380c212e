import os from 'node:os';
import { Worker } from 'node:worker_threads';

interface Pending<R> {
  resolve: (value: R[]) => void;
  reject: (error: Error) => void;
}

interface Slot<R> {
  worker: Worker;
  busy: number;
  pending: Map<number, Pending<R>>;
}

/**
 * A fixed pool of worker threads that map batches of inputs to outputs. `script` is a JavaScript
 * entry, started without node options: it registers tsx itself to load TypeScript. Workers must
 * never import chDB, which crashes off the main thread.
 */
export class WorkerPool<T, R> {
  private readonly slots: Slot<R>[];
  private nextId = 0;
  private closed = false;

  constructor(script: URL, size = Math.max(1, Math.min(os.availableParallelism(), 4)), workerData?: unknown) {
    // No node options: the entry registers tsx's ESM loader itself. Inherited, the tsx CLI's
    // CommonJS hook grows a WebAssembly memory while it loads large packages, which takes V8's fast
    // path for typed arrays away from every hot loop: the analysis then costs ~7 % more. (V8 heap
    // flags such as --max-old-space-size hold for the whole process; Node refuses them here.)
    const execArgv: string[] = [];
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot<R> = {
        worker: new Worker(script, { execArgv, workerData }),
        busy: 0,
        pending: new Map(),
      };
      slot.worker.on('message', (msg: { id: number; results?: R[]; error?: string }) => {
        const p = slot.pending.get(msg.id);
        if (!p) return;
        slot.pending.delete(msg.id);
        slot.busy--;
        if (msg.error !== undefined) p.reject(new Error(msg.error));
        else p.resolve(msg.results ?? []);
      });
      slot.worker.on('error', (error) => this.failAll(slot, error));
      slot.worker.on('exit', (code) => {
        if (!this.closed) this.failAll(slot, new Error(`analysis worker exited with code ${code}`));
      });
      return slot;
    });
  }

  get size(): number {
    return this.slots.length;
  }

  /** Sends a batch to the least busy worker. */
  run(batch: readonly T[]): Promise<R[]> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    return new Promise<R[]>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, batch });
    });
  }

  /** Sends a message to every worker (a setting, not a batch); resolves when all have taken it. */
  async broadcast(message: Record<string, unknown>): Promise<void> {
    if (this.closed) throw new Error('worker pool is closed');
    await Promise.all(
      this.slots.map((slot) => {
        const id = this.nextId++;
        slot.busy++;
        return new Promise<R[]>((resolve, reject) => {
          slot.pending.set(id, { resolve, reject });
          slot.worker.postMessage({ ...message, id });
        });
      }),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private failAll(slot: Slot<R>, error: Error): void {
    for (const p of slot.pending.values()) p.reject(error);
    slot.pending.clear();
    slot.busy = 0;
  }
}
