import {
  type AnalyzeTextOptions,
  analyzeTexts,
  sensitivityMatcher,
  type TextAnalysis,
  type TextInput,
} from './analyze-text.ts';
import { addUserWords, type UserWord } from './text/segment.ts';
import { WorkerPool } from './workers/worker-pool.ts';

/**
 * Runs the stateless analysis in worker threads (`workers` > 0) or inline (`workers` = 0, for
 * small jobs and tests). Workers keep the main thread's event loop free for I/O.
 */
export class TextAnalyzer {
  private readonly pool?: WorkerPool<TextInput, TextAnalysis>;
  private readonly options: AnalyzeTextOptions = {};
  /** User words every thread's jieba has been given. */
  private readonly userWords = new Set<string>();

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

  /**
   * Adds words (watched people and their aliases) to jieba's dictionary in every thread that
   * analyses, so they are cut whole; words given before are not sent again. jieba cannot forget
   * a word: one taken off the watch list stays in the dictionary until the process restarts.
   */
  async addUserWords(words: Iterable<UserWord>): Promise<void> {
    const added = [...words].filter((w) => !this.userWords.has(w.word));
    if (added.length === 0) return;
    if (this.pool) await this.pool.broadcast({ userWords: added });
    else addUserWords(added);
    for (const w of added) this.userWords.add(w.word);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
