/** A failed delivery; `retryable` ones are tried again with backoff. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly statusCode = 0,
  ) {
    super(message);
  }
}

export interface SendResult {
  statusCode: number;
}

/**
 * POSTs a JSON body and returns the response body. Network errors, timeouts, 408, 429 and 5xx are
 * worth retrying; other 4xx are not (the request itself is wrong). The URL may carry a key, so it
 * never goes into an error message.
 */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ statusCode: number; text: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause =
      (error as Error).name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : (error as Error).message;
    throw new DeliveryError(`request failed: ${cause}`, true);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    throw new DeliveryError(`HTTP ${response.status}: ${text.slice(0, 200)}`, retryable, response.status);
  }
  return { statusCode: response.status, text };
}

/** The robots answer 200 with an error code in the body; rate limits are worth retrying. */
export function checkRobotReply(text: string, statusCode: number, rateLimitCodes: readonly number[]): void {
  let reply: { errcode?: number; errmsg?: string; code?: number; msg?: string; StatusCode?: number };
  try {
    reply = JSON.parse(text) as typeof reply;
  } catch {
    throw new DeliveryError(`unexpected reply: ${text.slice(0, 200)}`, true, statusCode);
  }
  const code = reply.errcode ?? reply.code ?? reply.StatusCode ?? 0;
  if (code !== 0) {
    const message = reply.errmsg ?? reply.msg ?? '';
    throw new DeliveryError(`robot error ${code}: ${message}`, rateLimitCodes.includes(code), statusCode);
  }
}
