import { analyzeText, type TextAnalysis, type TextInput } from './analyze-text.ts';
import { WorkerPool } from './workers/worker-pool.ts';

/**
 * Runs the stateless analysis in worker threads (`workers` > 0) or inline (`workers` = 0, for
 * small jobs and tests). Workers keep the main thread's event loop free for I/O.
 */
export class TextAnalyzer {
  private readonly pool?: WorkerPool<TextInput, TextAnalysis>;

  constructor(workers: number) {
    if (workers > 0) {
      this.pool = new WorkerPool(new URL('./workers/analysis-worker.mjs', import.meta.url), workers);
    }
  }

  get workers(): number {
    return this.pool?.size ?? 0;
  }

  async analyze(batch: readonly TextInput[]): Promise<TextAnalysis[]> {
    if (!this.pool) return batch.map((input) => analyzeText(input));
    return this.pool.run(batch);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
