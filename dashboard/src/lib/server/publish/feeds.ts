import { createHash } from 'node:crypto';
import { apiError } from '../api.ts';
import { appContext, logger } from '../context.ts';
import { portalAdapter } from './adapter.ts';
import { ColumnSchema } from './requests.ts';

/** Entries per feed: the portal polls often, so the newest 50 are enough. */
const FEED_SIZE = 50;

/**
 * Renders a column's feed. The ETag is the hash of the body, so it changes exactly when the
 * content does; Last-Modified is the column's last change (a withdrawal counts).
 */
export async function getFeedResponse(
  column: string,
  format: string,
  headers: Headers,
  origin: string,
): Promise<Response> {
  if (!ColumnSchema.safeParse(column).success) return apiError(404, 'not_found', '栏目不存在', 'column');
  try {
    const { FEED_FORMATS, FEED_TARGET_ID, getFeedEntries, getFeedStamp, isFeedFormat, renderFeed } =
      await portalAdapter();
    if (!isFeedFormat(format)) {
      return apiError(404, 'not_found', `订阅格式只能是 ${Object.keys(FEED_FORMATS).join('、')}`, 'format');
    }
    const { store } = appContext();
    const [entries, stamp] = await Promise.all([
      getFeedEntries(store, FEED_TARGET_ID, column, FEED_SIZE),
      getFeedStamp(store, FEED_TARGET_ID, column),
    ]);
    const body = renderFeed(
      format,
      {
        column,
        title: `${column}`,
        description: `「${column}」栏目信息`,
        baseUrl: origin,
        updated: stamp.changed,
      },
      entries,
    );
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const lastModified = new Date(stamp.changed ?? 0).toUTCString();
    const common = { etag, 'last-modified': lastModified, 'cache-control': 'public, max-age=60' };
    const ifNoneMatch = headers.get('if-none-match');
    const ifModifiedSince = headers.get('if-modified-since');
    const notModified = ifNoneMatch
      ? ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)
      : ifModifiedSince !== null &&
        stamp.changed !== null &&
        Date.parse(ifModifiedSince) >= Math.floor(Date.parse(stamp.changed) / 1000) * 1000;
    if (notModified) return new Response(null, { status: 304, headers: common });
    return new Response(body, { headers: { ...common, 'content-type': FEED_FORMATS[format] } });
  } catch (error) {
    logger().error({ err: error, column, format }, 'feed failed');
    return apiError(500, 'internal', '服务器内部错误，请稍后重试');
  }
}
