import type { Logger } from '@yuqing/schemas';

export interface CrawlOptions {
  logger: Logger;
  /** Aborting stops enqueuing, lets in-flight pages finish, flushes what was found, and returns. */
  signal?: AbortSignal;
  /** Documents per insert (default 50). */
  batchSize?: number;
}

/** What one run did for one source; the same figures go to `crawl_runs`. */
export interface CrawlRunSummary {
  runId: string;
  source: string;
  startedAt: string;
  finishedAt: string;
  /** Pages fetched successfully (lists and articles). */
  pages: number;
  /** Articles found (new, changed and unchanged). */
  found: number;
  new: number;
  changed: number;
  unchanged: number;
  /** Failures by kind: `http_404`, `http_5xx`, `timeout`, `network`, `blocked`, `extract`, `store`, … */
  errors: Record<string, number>;
  /** Median seconds from publication to our fetch, over the new articles that show a date. */
  freshnessP50Seconds: number | null;
  /** The run stopped early because the signal was aborted. */
  aborted: boolean;
}

/** Counters a crawl of one source fills in as it goes. */
export class RunCounters {
  pages = 0;
  found = 0;
  new = 0;
  changed = 0;
  unchanged = 0;
  readonly errors: Record<string, number> = {};
  readonly freshness: number[] = [];

  error(kind: string, n = 1): void {
    this.errors[kind] = (this.errors[kind] ?? 0) + n;
  }

  freshnessP50(): number | null {
    if (this.freshness.length === 0) return null;
    const sorted = [...this.freshness].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const upper = sorted[mid] as number;
    return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
  }
}
