import { getFeedResponse } from '$lib/server/publish/feeds.ts';
import type { RequestHandler } from './$types';

/**
 * A column's public feed for the portal: `rss.xml` (RSS 2.0), `atom.xml` (Atom) or `feed.json`
 * (JSON Feed 1.1); only published, not withdrawn items; ETag and Last-Modified for conditional GET.
 */
export const GET: RequestHandler = ({ params, request, url }) =>
  getFeedResponse(params.column, params.format, request.headers, url.origin);
