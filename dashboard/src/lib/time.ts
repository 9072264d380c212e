/** Dates shown to users are in China Standard Time (UTC+8, no daylight saving). */
export const TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

const dateTimeParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(iso: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of dateTimeParts.formatToParts(new Date(iso))) out[p.type] = p.value;
  return out;
}

/** `2025-03-01 14:05` in Beijing time; an empty string for a missing or invalid time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return '';
  const p = parts(iso);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Axis label of a trend bucket: `03-01` for days, `03-01 14时` for hours. */
export function formatBucket(iso: string, bucket: 'hour' | 'day'): string {
  const p = parts(iso);
  return bucket === 'day' ? `${p.month}-${p.day}` : `${p.month}-${p.day} ${p.hour}时`;
}

/** The start of the Beijing calendar day containing `ms`, as epoch milliseconds. */
export function startOfDayShanghai(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
}

/**
 * The read model returns only buckets that have documents; charts need every bucket, zeros
 * included, from the bucket holding `from` up to the one holding `to` (exclusive end).
 */
export function fillBuckets(
  points: readonly { time: string; documents: number }[],
  from: string,
  to: string,
  bucket: 'hour' | 'day',
): { time: string; documents: number }[] {
  const step = bucket === 'day' ? DAY_MS : HOUR_MS;
  const align = (ms: number) =>
    bucket === 'day' ? startOfDayShanghai(ms) : Math.floor(ms / HOUR_MS) * HOUR_MS;
  const counts = new Map(points.map((p) => [align(Date.parse(p.time)), p.documents]));
  const out: { time: string; documents: number }[] = [];
  const end = Date.parse(to);
  for (let t = align(Date.parse(from)); t < end && out.length < 10_000; t += step) {
    out.push({ time: new Date(t).toISOString(), documents: counts.get(t) ?? 0 });
  }
  return out;
}
