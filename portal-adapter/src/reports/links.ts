/**
 * Links from a report's figures back to their documents: the dashboard's /search page with the
 * matching filters (its URL parameters: q, fromDate, toDate as inclusive Beijing dates, sentiment,
 * mediaType, category, source, region as a 6-digit code, minSensitivity).
 */
export interface SearchLinkFilter {
  q?: string;
  sentiment?: 'negative' | 'neutral' | 'positive';
  mediaType?: string;
  category?: string;
  source?: string;
  region?: string;
  minSensitivity?: number;
}

export interface LinkBase {
  /** Dashboard origin, e.g. `http://127.0.0.1:3000`. */
  dashboardUrl: string;
  firstDay: string;
  lastDay: string;
  /** A special report's query, ANDed with every link's own words. */
  q?: string;
  /** A special report's monitoring plan, passed as `plan=<id>` (see REPORTS.md). */
  plan?: string;
}

export function searchLink(base: LinkBase, filter: SearchLinkFilter = {}): string {
  const url = new URL('/search', base.dashboardUrl);
  const q = [base.q, filter.q].filter(Boolean).join(' ');
  if (q) url.searchParams.set('q', q);
  url.searchParams.set('fromDate', base.firstDay);
  url.searchParams.set('toDate', base.lastDay);
  if (base.plan) url.searchParams.set('plan', base.plan);
  for (const key of ['sentiment', 'mediaType', 'category', 'source', 'region'] as const) {
    const value = filter[key];
    if (value) url.searchParams.set(key, value);
  }
  if (filter.minSensitivity !== undefined)
    url.searchParams.set('minSensitivity', String(filter.minSensitivity));
  return url.toString();
}

export function documentLink(base: Pick<LinkBase, 'dashboardUrl'>, id: string): string {
  return new URL(`/documents/${encodeURIComponent(id)}`, base.dashboardUrl).toString();
}

/** A word or name as a phrase of the search language (quotes inside are dropped). */
export const phrase = (text: string): string => `"${text.replace(/["“”]/g, ' ').trim()}"`;
