import type { Source } from './sources/source-schema.ts';

/**
 * Which sources to crawl now, from each source's `intervalMinutes` and the start of its last run
 * (source health, `crawl_runs`). Pure: the caller reads the runs and the clock.
 *
 * A source is due when it has never run (within the window the caller read), when its interval has
 * passed since its last run started, or when a run was requested (dashboard "run now") after its
 * last run started. Disabled sources are never due.
 */

/** A wake-up this much early still counts: timers and clocks are not exact. */
export const SCHEDULE_SLACK_MS = 1_000;

/** Source id → ISO time (last run start, or latest run request). */
export type TimesBySource = ReadonlyMap<string, string>;

export interface DueSource {
  source: Source;
  /** When it became due (its last start plus its interval, the request time, or null: never ran). */
  dueSince: string | null;
  reason: 'never_run' | 'interval' | 'requested';
}

function ms(iso: string | undefined): number | null {
  if (iso === undefined) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** When the source is next due by its interval (null: now, it never ran). */
function intervalDue(source: Source, lastRuns: TimesBySource): number | null {
  const last = ms(lastRuns.get(source.id));
  return last === null ? null : last + source.intervalMinutes * 60_000;
}

/** A request is pending while no run started after it. */
function pendingRequest(source: Source, lastRuns: TimesBySource, requests: TimesBySource): number | null {
  const requested = ms(requests.get(source.id));
  if (requested === null) return null;
  const last = ms(lastRuns.get(source.id));
  return last === null || requested > last ? requested : null;
}

/**
 * The sources due at `now`: requested ones first (oldest request first), then those that never ran,
 * then the most overdue. Each source once.
 */
export function dueSources(
  sources: readonly Source[],
  lastRunBySource: TimesBySource,
  now: Date,
  requests: TimesBySource = new Map(),
): DueSource[] {
  const at = now.getTime() + SCHEDULE_SLACK_MS;
  const due: Array<DueSource & { order: [number, number] }> = [];
  for (const source of sources) {
    if (!source.enabled) continue;
    const requested = pendingRequest(source, lastRunBySource, requests);
    if (requested !== null) {
      const dueSince = new Date(requested).toISOString();
      due.push({ source, dueSince, reason: 'requested', order: [0, requested] });
      continue;
    }
    const next = intervalDue(source, lastRunBySource);
    if (next === null) due.push({ source, dueSince: null, reason: 'never_run', order: [1, 0] });
    else if (next <= at) {
      due.push({ source, dueSince: new Date(next).toISOString(), reason: 'interval', order: [2, next] });
    }
  }
  due.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  return due.map(({ order: _, ...d }) => d);
}

/**
 * When the scheduler should wake next: the earliest time an enabled source becomes due (`now` when
 * one is due already), or null when no source is enabled. Run requests arrive from the dashboard at
 * any time, so a caller also polls at its own pace (`pollMs`: the result is never later than
 * `now + pollMs`).
 */
export function nextWakeAt(
  sources: readonly Source[],
  lastRunBySource: TimesBySource,
  now: Date,
  requests: TimesBySource = new Map(),
  pollMs?: number,
): Date | null {
  const t = now.getTime();
  let earliest: number | null = null;
  for (const source of sources) {
    if (!source.enabled) continue;
    const requested = pendingRequest(source, lastRunBySource, requests);
    const next = requested !== null ? t : (intervalDue(source, lastRunBySource) ?? t);
    earliest = earliest === null ? next : Math.min(earliest, next);
  }
  if (pollMs !== undefined) earliest = Math.min(earliest ?? Number.POSITIVE_INFINITY, t + pollMs);
  return earliest === null ? null : new Date(Math.max(t, earliest));
}
