import {
  type Logger,
  type RawDocument,
  type SeenRecord,
  type Store,
  StoreError,
  writeRawDocuments,
  writeSeen,
} from '@yuqing/schemas';
import type { RunCounters } from './types.ts';

interface Pending {
  doc: RawDocument;
  seen: SeenRecord;
  kind: 'new' | 'changed';
  /** Seconds from publication to fetch, for the freshness figure. */
  freshness: number | null;
}

const RETRY_DELAY_MS = 500;

/**
 * Collects documents and writes them in batches (never one insert per page). Writes run one at a
 * time, documents before the seen-set: if the seen write fails, the next run inserts the documents
 * again, which the store's ReplacingMergeTree absorbs. New/changed counts only what was written.
 */
export class DocumentBatcher {
  private pending: Pending[] = [];
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly counters: RunCounters,
    private readonly logger: Logger,
    private readonly size = 50,
  ) {}

  add(item: Pending): Promise<void> {
    this.pending.push(item);
    return this.pending.length >= this.size ? this.flush() : Promise.resolve();
  }

  /** Writes what is buffered; resolves when every write so far has finished. */
  flush(): Promise<void> {
    const batch = this.pending.splice(0);
    if (batch.length > 0) this.chain = this.chain.then(() => this.write(batch));
    return this.chain;
  }

  private async write(batch: Pending[]): Promise<void> {
    try {
      await retryOnce(() =>
        writeRawDocuments(
          this.store,
          batch.map((p) => p.doc),
        ),
      );
      await retryOnce(() =>
        writeSeen(
          this.store,
          batch.map((p) => p.seen),
        ),
      );
    } catch (err) {
      this.counters.error('store', batch.length);
      this.logger.error({ err, documents: batch.length }, 'crawler: writing a batch failed');
      return;
    }
    for (const p of batch) {
      this.counters[p.kind]++;
      if (p.kind === 'new' && p.freshness !== null) this.counters.freshness.push(p.freshness);
    }
    this.logger.debug({ documents: batch.length }, 'crawler: batch written');
  }
}

async function retryOnce(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (!(err instanceof StoreError && err.transient)) throw err;
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    await write();
  }
}
