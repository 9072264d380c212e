import type { ClickHouseClient } from '@clickhouse/client';
import type { Logger } from '../logger.ts';
import { type BuiltQuery, type EngineKind, type Store, StoreError } from './engine.ts';

const TRANSIENT =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|socket hang up|Timeout|TOO_MANY_SIMULTANEOUS_QUERIES|NETWORK_ERROR/i;
const RETRIES = 3;

interface Options {
  engine: EngineKind;
  database: string;
  ddl: (statement: string) => string[];
  logger: Logger;
  onClose?: () => Promise<void> | void;
}

/** A Store over any `@clickhouse/client` connection: the one query path for both engines. */
export function clientStore(client: ClickHouseClient, options: Options): Store {
  const log = options.logger.child({ component: 'store', engine: options.engine });

  async function withRetry<T>(what: string, run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const transient = TRANSIENT.test(message);
        if (!transient || attempt >= RETRIES) {
          throw new StoreError(`${what} failed: ${message}`, transient, { cause: error });
        }
        log.warn({ what, attempt, err: message }, 'transient storage error, retrying');
        await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
      }
    }
  }

  return {
    engine: options.engine,
    database: options.database,
    ddl: options.ddl,
    async query<T>(name: string, built: BuiltQuery): Promise<T[]> {
      const started = performance.now();
      const rows = await withRetry(`query ${name}`, async () => {
        const result = await client.query({
          query: built.query,
          query_params: built.params,
          format: 'JSONEachRow',
        });
        return result.json<T>();
      });
      log.debug({ query: name, rows: rows.length, ms: Math.round(performance.now() - started) }, 'query');
      return rows;
    },
    async insert(table: string, rows: readonly object[]): Promise<void> {
      if (rows.length === 0) return;
      const started = performance.now();
      await withRetry(`insert into ${table}`, () =>
        client.insert({ table, values: rows as object[], format: 'JSONEachRow' }),
      );
      log.debug({ table, rows: rows.length, ms: Math.round(performance.now() - started) }, 'insert');
    },
    async command(statement: string, params?: Record<string, unknown>): Promise<void> {
      await withRetry('command', () =>
        client.command({ query: statement, query_params: params ?? {} }).then(() => undefined),
      );
    },
    async close(): Promise<void> {
      await client.close();
      await options.onClose?.();
    },
  };
}
