import type { Logger } from '@yuqing/schemas';

export interface CrawlOptions {
  logger: Logger;
  /** Aborting stops enqueuing, lets in-flight pages finish, flushes what was found, and returns. */
  signal?: AbortSignal;
  /** Documents per insert (default 50). */
  batchSize?: number;
  /** Chromium for `render: true` sources (default /usr/bin/chromium, Debian's package). */
  browserExecutable?: string;
}

/** What one run did for one source; the same figures go to `crawl_runs`. */
export interface CrawlRunSummary {
  runId: string;
  source: string;
  kind: 'site' | 'feed' | 'sitemap';
  /** Fetched with a browser. */
  render: boolean;
  startedAt: string;
  finishedAt: string;
  /** Pages fetched successfully (lists and articles). */
  pages: number;
  /** Articles found (new, changed and unchanged). */
  found: number;
  new: number;
  changed: number;
  unchanged: number;
  /**
   * Failures by kind: `dns`, `timeout`, `http_4xx`, `http_5xx`, `robots`, `parse`, `too_large`,
   * `network`, `extract`, `store`, `crawler` (see error-kind.ts).
   */
  errors: Record<string, number>;
  /** Not fetched or not stored on purpose: `non_html`, `trap`, `not_modified` (304), `same_listing`. */
  skipped: Record<string, number>;
  durationMs: number;
  /** Median and 90th percentile seconds from publication to our fetch, over new articles with a date. */
  freshnessP50Seconds: number | null;
  freshnessP90Seconds: number | null;
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
  readonly skipped: Record<string, number> = {};
  readonly freshness: number[] = [];

  error(kind: string, n = 1): void {
    this.errors[kind] = (this.errors[kind] ?? 0) + n;
  }

  skip(reason: string, n = 1): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + n;
  }

  /** Adds another crawl's counters (a listing's article pages) to these. */
  add(other: RunCounters): void {
    this.pages += other.pages;
    this.found += other.found;
    this.new += other.new;
    this.changed += other.changed;
    this.unchanged += other.unchanged;
    for (const [k, n] of Object.entries(other.errors)) this.error(k, n);
    for (const [k, n] of Object.entries(other.skipped)) this.skip(k, n);
    this.freshness.push(...other.freshness);
  }

  freshnessP50(): number | null {
    if (this.freshness.length === 0) return null;
    const sorted = [...this.freshness].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const upper = sorted[mid] as number;
    return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
  }

  freshnessP90(): number | null {
    if (this.freshness.length === 0) return null;
    const sorted = [...this.freshness].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))] as number;
  }
}
