import {
  type AnalyzeTextOptions,
  analyzeTexts,
  sensitivityMatcher,
  type TextAnalysis,
  type TextInput,
} from './analyze-text.ts';
import { WorkerPool } from './workers/worker-pool.ts';

/**
 * Runs the stateless analysis in worker threads (`workers` > 0) or inline (`workers` = 0, for
 * small jobs and tests). Workers keep the main thread's event loop free for I/O.
 */
export class TextAnalyzer {
  private readonly pool?: WorkerPool<TextInput, TextAnalysis>;
  private readonly options: AnalyzeTextOptions = {};

  /** `rules`: a sensitivity rule file (YAML) merged over the default rules. */
  constructor(workers: number, settings: { rules?: string } = {}) {
    if (workers > 0) {
      const script = new URL('./workers/analysis-worker.mjs', import.meta.url);
      this.pool = new WorkerPool(script, workers, { rules: settings.rules });
    } else if (settings.rules) {
      this.options.sensitivity = sensitivityMatcher(settings.rules).matcher;
    }
  }

  get workers(): number {
    return this.pool?.size ?? 0;
  }

  async analyze(batch: readonly TextInput[]): Promise<TextAnalysis[]> {
    if (!this.pool) return analyzeTexts(batch, this.options);
    return this.pool.run(batch);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
