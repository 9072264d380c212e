import type { Config, Logger, Store } from '@yuqing/schemas';

/** What the platform process hands the dashboard before it imports the built handler. */
export interface AppContext {
  readonly store: Store;
  readonly config: Config;
  readonly logger: Logger;
}

export const CONTEXT_KEY = Symbol.for('yuqing.context');

/**
 * The only way the dashboard reaches the store: the platform (src/platform.ts) owns it and sets
 * this global. The dashboard never opens a store itself (chDB allows one owner per data directory).
 */
export function appContext(): AppContext {
  const ctx = (globalThis as Record<symbol, Partial<AppContext> | undefined>)[CONTEXT_KEY];
  if (!ctx?.store || !ctx.config || !ctx.logger) {
    throw new Error(
      'The yuqing dashboard has no platform context: globalThis[Symbol.for("yuqing.context")] must hold ' +
        '{ store, config, logger } before dashboard/build/handler.js is imported. ' +
        'Start the dashboard through the platform (`npm start`), not with `node build`.',
    );
  }
  return ctx as AppContext;
}

let dashboardLogger: Logger | undefined;

/** A child logger for the dashboard component, created once. */
export function logger(): Logger {
  dashboardLogger ??= appContext().logger.child({ component: 'dashboard' });
  return dashboardLogger;
}
