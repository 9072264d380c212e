import { apiError } from '$lib/server/api.ts';
import type { RequestHandler } from './$types';

/** Unknown API paths answer in the API's JSON error shape, not with an HTML page. */
export const fallback: RequestHandler = ({ url }) =>
  apiError(404, 'not_found', `接口不存在：${url.pathname}`);
