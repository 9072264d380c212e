/**
 * Splits a cockpit period into whole Beijing days, read from the daily rollup (documents_daily,
 * migrations/0013), and the hours at its edges, read from the hourly rollups. The read models
 * merge the uniq states of both, so each document counts once and the figures mean what they
 * meant over the hourly rollup alone: the period widened to whole hours.
 */
const HOUR = 3600;
const DAY = 86_400;
/** Beijing time is UTC+8 all year. */
const BEIJING = 8 * HOUR;

export interface RollupSpan {
  /** Condition on `hour` for the hourly rollups: the whole period, or only its edges. */
  hourly: string;
  /** Condition on `day` for documents_daily, or null when the period holds no whole Beijing day. */
  daily: string | null;
  params: Record<string, unknown>;
}

/** Epoch seconds of the hour containing `iso` (or the next hour, for an exclusive end). */
export function toHour(iso: string, ceil = false): number {
  const s = Date.parse(iso) / 1000;
  return (ceil ? Math.ceil(s / HOUR) : Math.floor(s / HOUR)) * HOUR;
}

function beijingDate(epochSeconds: number): string {
  return new Date((epochSeconds + BEIJING) * 1000).toISOString().slice(0, 10);
}

/**
 * The hours [fromH, toH) (epoch seconds of whole hours, see toHour); `p` prefixes the parameter
 * names so that two spans (a period and the one before it) can share a query.
 */
export function rollupSpan(fromH: number, toH: number, p = ''): RollupSpan {
  const firstDay = Math.ceil((fromH + BEIJING) / DAY) * DAY - BEIJING;
  const endDay = Math.floor((toH + BEIJING) / DAY) * DAY - BEIJING;
  const h = (name: string) => `{${p}${name}:DateTime('UTC')}`;
  if (endDay - firstDay < DAY) {
    return {
      hourly: `hour >= ${h('fromH')} AND hour < ${h('toH')}`,
      daily: null,
      params: { [`${p}fromH`]: fromH, [`${p}toH`]: toH },
    };
  }
  return {
    hourly: `((hour >= ${h('fromH')} AND hour < ${h('dayH0')}) OR (hour >= ${h('dayH1')} AND hour < ${h('toH')}))`,
    daily: `day >= {${p}day0:Date} AND day < {${p}day1:Date}`,
    params: {
      [`${p}fromH`]: fromH,
      [`${p}dayH0`]: firstDay,
      [`${p}dayH1`]: endDay,
      [`${p}toH`]: toH,
      [`${p}day0`]: beijingDate(firstDay),
      [`${p}day1`]: beijingDate(endDay),
    },
  };
}
