import { mkdirSync } from 'node:fs';
import { type ClickHouseClient, createClient } from '@clickhouse/client';
import type { Logger } from '../logger.ts';
import { clientStore } from './client-store.ts';
import { type Store, StoreError } from './engine.ts';

/**
 * The embedded engine: chDB in this process, plugged into `@clickhouse/client` as its connection.
 * chDB allows one data directory per process and one process per directory, and must stay on
 * the main thread (it crashes inside worker threads).
 */
export async function openEmbeddedStore(dir: string, logger: Logger): Promise<Store> {
  mkdirSync(dir, { recursive: true });
  const { createChdbConnection } = await import('chdb/connection');
  let client: ClickHouseClient;
  try {
    const connection = createChdbConnection({ path: dir });
    client = createClient({ connection } as unknown as Parameters<typeof createClient>[0]);
    await client.query({ query: 'SELECT 1', format: 'JSONEachRow' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError(
      `Cannot open the embedded ClickHouse data directory ${dir}: ${reason}. ` +
        'Another yuqing process probably owns it: stop that process, use its HTTP API, ' +
        'or point YUQING_DATA_DIR at another directory.',
      false,
      { cause: error },
    );
  }
  // chDB ignores the client's `database` setting; the data directory is ours, so `default` it is.
  return clientStore(client, { engine: 'embedded', database: 'default', ddl: (s) => [s], logger });
}
