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
      if (isRedirect(error)) throw error;
      // requireRole and friends throw kit errors; the API answers them in its own JSON shape.
      if (isHttpError(error)) {
        const body = error.body as App.Error;
        return apiError(error.status, body.code ?? 'error', body.message, body.field);
      }
      logger().error({ err: error, route: name }, 'API request failed');
      return apiError(500, 'internal', '服务器内部错误，请稍后重试');
    }
  };
}

export type { RequestHandler };

/** Parses a JSON request body with `schema`; a 400 Response when it is not JSON or not valid. */
export async function readBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  const body: unknown = await request.json().catch(() => undefined);
  if (body === undefined) return { ok: false, response: apiError(400, 'bad_request', '请求体须为 JSON') };
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: badRequest(parsed.error) };
}
