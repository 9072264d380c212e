import {
  type AnalyzedDocument,
  getPeople,
  type PersonMentionRecord,
  type Store,
  writePersonMentions,
} from '@yuqing/schemas';
import type { DocumentObserver, ObserverContext } from '../observer.ts';
import type { BatchTexts } from '../plans/texts.ts';
import type { UserWord } from '../text/segment.ts';
import { type Mention, WatchList } from './watch-list.ts';

const RELOAD_MS = 5_000;

export function mentionRecords(
  doc: Pick<AnalyzedDocument, 'id' | 'publishedAt' | 'fetchedAt' | 'source' | 'topicId' | 'sentiment'>,
  mentions: readonly Mention[],
  taggedAt: number,
): PersonMentionRecord[] {
  return mentions.map((m) => ({
    personId: m.personId,
    documentId: doc.id,
    matched: m.matched,
    via: m.via,
    eventTime: Date.parse(doc.publishedAt ?? doc.fetchedAt),
    source: doc.source,
    topicId: doc.topicId ?? '',
    sentimentLabel: doc.sentiment.label,
    sentimentScore: doc.sentiment.score,
    taggedAt,
  }));
}

/** Records mentions of watched people (table `person_mentions`) as documents arrive. */
export class PeopleObserver implements DocumentObserver {
  readonly name = 'people';
  private list = new WatchList([]);
  private loadedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly texts: BatchTexts) {}

  async restore(store: Store): Promise<void> {
    await this.reload(store);
  }

  invalidate(): void {
    this.loadedAt = Number.NEGATIVE_INFINITY;
  }

  /** The watched names and aliases, for jieba to keep whole (as the list stood at the last reload). */
  userWords(): UserWord[] {
    return this.list.names.map((word) => ({ word, tag: 'nr' }));
  }

  private async reload(store: Store): Promise<void> {
    this.list = new WatchList(await getPeople(store, { enabledOnly: true }));
    this.loadedAt = Date.now();
  }

  async onDocuments(docs: readonly AnalyzedDocument[], { store, now }: ObserverContext): Promise<void> {
    if (Date.now() - this.loadedAt >= RELOAD_MS) await this.reload(store);
    if (this.list.size === 0 || docs.length === 0) return;
    const texts = await this.texts.get(store, docs);
    const rows: PersonMentionRecord[] = [];
    for (const doc of docs) {
      const mentions = this.list.match({ text: texts.get(doc.id) ?? doc.title, persons: doc.persons });
      rows.push(...mentionRecords(doc, mentions, now.getTime()));
    }
    await writePersonMentions(store, rows);
  }
}
