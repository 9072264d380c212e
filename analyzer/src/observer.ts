import type { AnalyzedDocument, Logger, Store } from '@yuqing/schemas';

/**
 * A stateful layer that follows the analyzed stream (plans, events, people, opinion index).
 * The pipeline restores each observer once at start-up, then hands it every batch after the
 * batch is stored and topics are assigned, both in the live loop and in `yuqing analyze`.
 */
export interface DocumentObserver {
  readonly name: string;
  restore?(store: Store): Promise<void>;
  onDocuments(docs: readonly AnalyzedDocument[], context: ObserverContext): Promise<void>;
}

export interface ObserverContext {
  store: Store;
  logger: Logger;
  now: Date;
}
