import type { Logger } from '@yuqing/schemas';

/**
 * Runs `work` now and then every `intervalMs` until `signal` aborts; an error is logged and the
 * loop goes on. `wake()` starts the next round early; a wake during a round starts another round
 * right after it, so work that arrived meanwhile never waits for the interval. Resolves when the
 * last round has finished.
 */
export function loop(
  name: string,
  work: () => Promise<unknown>,
  intervalMs: number,
  signal: AbortSignal,
  logger: Logger,
): { done: Promise<void>; wake: () => void } {
  let wakeUp: (() => void) | undefined;
  let woken = false;
  const wake = () => {
    woken = true;
    wakeUp?.();
  };
  const done = (async () => {
    while (!signal.aborted) {
      woken = false;
      try {
        await work();
      } catch (error) {
        logger.error({ loop: name, err: error }, `${name} round failed; retrying next round`);
      }
      if (signal.aborted) break;
      if (woken) continue;
      await new Promise<void>((resolve) => {
        const finish = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', finish);
          wakeUp = undefined;
          resolve();
        };
        const timer = setTimeout(finish, intervalMs);
        wakeUp = finish;
        signal.addEventListener('abort', finish, { once: true });
      });
    }
  })();
  return { done, wake };
}
