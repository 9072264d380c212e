import { DAY_MS, startOfDayShanghai } from '../time.ts';

/**
 * The /search page's form uses Beijing calendar dates (`fromDate`, `toDate`, both inclusive); the
 * API uses ISO instants. This turns the page's URL parameters into the API's.
 */
export function pageParamsToApi(params: Record<string, string>): Record<string, string> {
  const { fromDate, toDate, ...rest } = params;
  const out: Record<string, string> = { ...rest };
  const day = (d: string | undefined) =>
    d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? startOfDayShanghai(Date.parse(`${d}T12:00:00+08:00`)) : null;
  const from = day(fromDate);
  const to = day(toDate);
  if (from !== null) out.from = new Date(from).toISOString();
  if (to !== null) out.to = new Date(to + DAY_MS).toISOString();
  return out;
}
