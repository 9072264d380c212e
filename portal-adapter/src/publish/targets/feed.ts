import type { Store } from '@yuqing/schemas';
import { getFeedEntry } from '../queries/getFeedEntries.ts';
import type { PublishItem, PublishTarget, RemoteRef } from '../types.ts';
import { writeFeedEntry } from '../writes.ts';

/** The built-in target: the per-column feeds under /feeds/<column>/ that the portal pulls. */
export const FEED_TARGET_ID = 'feeds';

/**
 * Publishing to the feeds stores a snapshot of the item keyed by the idempotency key, so a retry
 * replaces the entry instead of adding one; withdrawing keeps the row with `withdrawn = 1`.
 */
export class FeedTarget implements PublishTarget {
  readonly kind = 'feed' as const;

  constructor(
    private readonly store: Store,
    readonly id = FEED_TARGET_ID,
    /** The portal-facing base of the feeds, for the entry's remote URL (e.g. https://yq.example.gov.cn). */
    private readonly baseUrl = '',
  ) {}

  async publish(item: PublishItem, idempotencyKey: string): Promise<RemoteRef> {
    await writeFeedEntry(this.store, {
      targetId: this.id,
      column: item.column,
      key: idempotencyKey,
      draftId: item.draftId,
      title: item.title,
      summary: item.summary,
      content: item.html,
      link: item.source.url,
      sourceName: item.source.name || item.source.site,
      sourceUrl: item.source.url,
      publishedAt: item.publishedAt,
      updatedAt: new Date().toISOString(),
      withdrawn: false,
    });
    return {
      idempotencyKey,
      remoteId: idempotencyKey,
      remoteUrl: `${this.baseUrl}/feeds/${encodeURIComponent(item.column)}/feed.json`,
    };
  }

  async withdraw(ref: RemoteRef): Promise<void> {
    const entry = await getFeedEntry(this.store, this.id, ref.idempotencyKey);
    if (!entry) return;
    await writeFeedEntry(this.store, {
      targetId: this.id,
      column: entry.column,
      key: entry.key,
      draftId: entry.draftId,
      title: entry.title,
      summary: entry.summary,
      content: entry.content,
      link: entry.link,
      sourceName: entry.sourceName,
      sourceUrl: entry.sourceUrl,
      publishedAt: entry.publishedAt,
      updatedAt: new Date().toISOString(),
      withdrawn: true,
    });
  }
}
