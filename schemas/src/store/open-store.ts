import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { openEmbeddedStore } from './embedded.ts';
import type { Store } from './engine.ts';
import { openRemoteStore } from './remote.ts';

/** The one place that picks the engine: remote when CLICKHOUSE_URL is set, else embedded chDB. */
export function openStore(config: Config, logger: Logger): Promise<Store> {
  return config.clickhouseUrl
    ? openRemoteStore(config, logger)
    : openEmbeddedStore(config.clickhouseDir, logger);
}
