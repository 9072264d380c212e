/** Wall-clock times on a page, read in the site's time zone and written as ISO 8601 with that offset. */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC in minutes at an instant (`Asia/Shanghai` → 480). */
export function zoneOffsetMinutes(timeZone: string, utcMs: number): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    formatters.set(timeZone, f);
  }
  const name = f.formatToParts(new Date(utcMs)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An instant as ISO 8601 in the zone: `2024-03-05T10:20:00+08:00`. */
export function isoInZone(utcMs: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(timeZone, utcMs);
  const d = new Date(utcMs + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** Wall-clock fields in the zone → ISO 8601 with the zone's offset; null when a field is out of range. */
export function wallClockToIso(
  timeZone: string,
  y: number,
  mo: number,
  d: number,
  h = 0,
  mi = 0,
  s = 0,
): string | null {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59)
    return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(asUtc).getUTCDate() !== d) return null; // 2月30日
  // Two passes settle the offset around a daylight-saving change.
  let utc = asUtc - zoneOffsetMinutes(timeZone, asUtc) * 60_000;
  utc = asUtc - zoneOffsetMinutes(timeZone, utc) * 60_000;
  return isoInZone(utc, timeZone);
}
