import type { Readable } from 'node:stream';
import { TooLargeError } from './error-kind.ts';

/**
 * Reads a response body up to `maxBytes` and within `timeoutMs`: a bigger body throws
 * TooLargeError (not retried), a body that never ends throws a timeout (retried). The stream is
 * destroyed either way, so the connection is not left open.
 */
export function readLimited(
  stream: Readable,
  maxBytes: number,
  timeoutMs: number,
  declaredLength?: string | null,
): Promise<Buffer> {
  const declared = Number(declaredLength ?? Number.NaN);
  if (declared > maxBytes) {
    stream.destroy();
    return Promise.reject(
      new TooLargeError(`response of ${declared} bytes is over the ${maxBytes}-byte limit`),
    );
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (error: Error) => {
      clearTimeout(timer);
      stream.removeAllListeners('data');
      stream.destroy();
      reject(error);
    };
    const timer = setTimeout(
      () => fail(new Error(`body timed out after ${Math.round(timeoutMs / 1000)} s (${size} bytes read)`)),
      timeoutMs,
    );
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) fail(new TooLargeError(`response is over the ${maxBytes}-byte limit`));
      else chunks.push(chunk);
    });
    stream.once('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks, size));
    });
    stream.once('error', (error) => fail(error));
  });
}
