import { isHttpError, isRedirect, json, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import type { z } from 'zod';
import { logger } from './context.ts';

/** The one JSON error body of the API: `{ error: { code, message, field? } }`. */
export interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}

export function apiError(
  status: number,
  code: string,
  message: string,
  field?: string,
  headers?: Record<string, string>,
): Response {
  const body: ApiErrorBody = { error: field === undefined ? { code, message } : { code, message, field } };
  return json(body, { status, headers });
}

/** The first problem of a failed parse, as a 400 with the offending field. */
export function badRequest(error: z.ZodError): Response {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : undefined;
  return apiError(400, 'bad_request', issue?.message ?? '请求参数无效', field);
}

/** URL query parameters as a plain object; an empty value counts as absent. */
export function queryParams(url: URL): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (value !== '') params[key] = value;
  return params;
}

/** Wraps an API handler so an unexpected failure is logged and answered with the JSON error body. */
export function apiHandler<E extends RequestEvent>(
  name: string,
  handler: (event: E) => Promise<Response>,
): (event: E) => Promise<Response> {
  return async (event) => {
    try {
      return await handler(event);
    } catch (error) {
      if (isHttpError(error) || isRedirect(error)) throw error;
      logger().error({ err: error, route: name }, 'API request failed');
      return apiError(500, 'internal', '服务器内部错误，请稍后重试');
    }
  };
}

export type { RequestHandler };
