import type { Logger, Store } from '@yuqing/schemas';
import { getPublications, type Publication } from './queries/getPublications.ts';
import { getPublishTargets, type PublishTargetRecord } from './queries/getPublishTargets.ts';
import { sanitizeRichText } from './sanitize.ts';
import { buildTarget, FEED_TARGET_ID, targetTakes } from './targets/index.ts';
import type { Draft, PublishItem, PublishTarget } from './types.ts';
import { writePublication } from './writes.ts';

export interface DeliveryContext {
  store: Store;
  logger: Logger;
  feedBaseUrl: string;
  audit: (draftId: string, action: string, detail: Record<string, unknown>) => Promise<void>;
}

/** One publication per draft and target, under a key that never changes: retries reuse it. */
export function publicationKey(draftId: string, targetId: string): string {
  return `${draftId}:${targetId}`;
}

/** The configured targets plus the built-in feeds (a stored row with its id overrides it). */
export async function targetRecords(
  ctx: Pick<DeliveryContext, 'store' | 'feedBaseUrl'>,
): Promise<PublishTargetRecord[]> {
  const records = await getPublishTargets(ctx.store);
  if (records.some((r) => r.id === FEED_TARGET_ID)) return records;
  const feeds: PublishTargetRecord = {
    id: FEED_TARGET_ID,
    name: '栏目订阅源（RSS / Atom / JSON Feed）',
    kind: 'feed',
    columns: [],
    config: { baseUrl: ctx.feedBaseUrl },
    enabled: true,
  };
  return [feeds, ...records];
}

export function toPublishItem(draft: Draft): PublishItem {
  return {
    draftId: draft.id,
    version: draft.version,
    column: draft.column,
    title: draft.title,
    summary: draft.summary,
    // Sanitized when stored; again on the way out, so a row written by other means cannot leak.
    html: sanitizeRichText(draft.body),
    source: draft.source,
    publishedAt: draft.publishedAt ?? new Date().toISOString(),
  };
}

function build(ctx: DeliveryContext, record: PublishTargetRecord): PublishTarget | Error {
  try {
    return buildTarget(record, { store: ctx.store, logger: ctx.logger });
  } catch (error) {
    return new Error(`目标「${record.id}」配置无效：${(error as Error).message.slice(0, 300)}`);
  }
}

/**
 * Sends the draft to every enabled target of its column, one after the other; `onlyUnfinished`
 * (a retry) skips targets that already have it. Failures are recorded per target and audited;
 * they do not stop the other targets.
 */
export async function deliverAll(
  ctx: DeliveryContext,
  draft: Draft,
  onlyUnfinished: boolean,
): Promise<Publication[]> {
  const records = (await targetRecords(ctx)).filter((r) => targetTakes(r, draft.column));
  const previous = new Map((await getPublications(ctx.store, draft.id)).map((p) => [p.targetId, p]));
  const item = toPublishItem(draft);
  for (const record of records) {
    const before = previous.get(record.id);
    if (onlyUnfinished && before?.status === 'published') continue;
    const key = publicationKey(draft.id, record.id);
    const attempts = (before?.attempts ?? 0) + 1;
    const target = build(ctx, record);
    await writePublication(ctx.store, {
      draftId: draft.id,
      targetId: record.id,
      idempotencyKey: key,
      status: 'pending',
      attempts,
      remoteId: before?.remoteId,
      remoteUrl: before?.remoteUrl,
    });
    try {
      if (target instanceof Error) throw target;
      const ref = await target.publish(item, key);
      await writePublication(ctx.store, {
        draftId: draft.id,
        targetId: record.id,
        idempotencyKey: key,
        remoteId: ref.remoteId,
        remoteUrl: ref.remoteUrl,
        status: 'published',
        attempts,
        publishedAt: new Date().toISOString(),
      });
      await ctx.audit(draft.id, 'deliver', {
        target: record.id,
        kind: record.kind,
        ok: true,
        remoteId: ref.remoteId,
      });
    } catch (error) {
      const message = (error as Error).message;
      ctx.logger.warn({ draft: draft.id, target: record.id, err: message }, 'publish delivery failed');
      await writePublication(ctx.store, {
        draftId: draft.id,
        targetId: record.id,
        idempotencyKey: key,
        remoteId: before?.remoteId,
        remoteUrl: before?.remoteUrl,
        status: 'failed',
        attempts,
        lastError: message,
      });
      await ctx.audit(draft.id, 'deliver.failed', { target: record.id, kind: record.kind, error: message });
    }
  }
  return getPublications(ctx.store, draft.id);
}

/** Takes the draft back from every target that has (or may have) it; a retry only redoes failures. */
export async function withdrawAll(
  ctx: DeliveryContext,
  draft: Draft,
  onlyFailed: boolean,
): Promise<Publication[]> {
  const records = new Map((await targetRecords(ctx)).map((r) => [r.id, r]));
  const pending = (await getPublications(ctx.store, draft.id)).filter((p) =>
    onlyFailed ? p.status === 'withdraw_failed' : p.status !== 'withdrawn',
  );
  for (const p of pending) {
    const record = records.get(p.targetId);
    const target = record
      ? build(ctx, { ...record, enabled: true })
      : new Error(`目标「${p.targetId}」已不存在`);
    try {
      if (target instanceof Error) throw target;
      await target.withdraw({
        idempotencyKey: p.idempotencyKey,
        remoteId: p.remoteId,
        remoteUrl: p.remoteUrl,
      });
      await writePublication(ctx.store, {
        ...p,
        status: 'withdrawn',
        lastError: '',
        withdrawnAt: new Date().toISOString(),
      });
      await ctx.audit(draft.id, 'undeliver', { target: p.targetId, ok: true });
    } catch (error) {
      const message = (error as Error).message;
      ctx.logger.warn({ draft: draft.id, target: p.targetId, err: message }, 'withdrawal failed');
      await writePublication(ctx.store, { ...p, status: 'withdraw_failed', lastError: message });
      await ctx.audit(draft.id, 'undeliver.failed', { target: p.targetId, error: message });
    }
  }
  return getPublications(ctx.store, draft.id);
}
