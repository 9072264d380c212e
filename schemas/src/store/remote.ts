import { createClient } from '@clickhouse/client';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { clientStore } from './client-store.ts';
import { clusterDdl } from './cluster-ddl.ts';
import type { Store } from './engine.ts';

/** A ClickHouse server or cluster over HTTP. Creates the database when missing. */
export async function openRemoteStore(config: Config, logger: Logger): Promise<Store> {
  const base = {
    url: config.clickhouseUrl,
    username: config.clickhouseUser,
    password: config.clickhousePassword,
    request_timeout: 60_000,
  };
  const cluster = config.clickhouseCluster;
  const admin = createClient(base);
  try {
    const onCluster = cluster ? ` ON CLUSTER ${cluster}` : '';
    await admin.command({ query: `CREATE DATABASE IF NOT EXISTS ${config.clickhouseDatabase}${onCluster}` });
  } finally {
    await admin.close();
  }
  const client = createClient({ ...base, database: config.clickhouseDatabase });
  const ddl = cluster ? (s: string) => clusterDdl(s, cluster) : (s: string) => [s];
  return clientStore(client, { engine: 'remote', database: config.clickhouseDatabase, ddl, logger });
}
