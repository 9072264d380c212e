import type { Logger, Store } from '@yuqing/schemas';
import type { PublishTargetRecord } from '../queries/getPublishTargets.ts';
import type { PublishTarget } from '../types.ts';
import { FeedTarget } from './feed.ts';
import { type WebhookConfig, WebhookTarget } from './webhook.ts';
import { type WordPressConfig, WordPressTarget } from './wordpress.ts';

export { FEED_TARGET_ID, FeedTarget } from './feed.ts';
export { DEFAULT_RETRY, type RetryPolicy, withRetry } from './retry.ts';
export { type WebhookConfig, WebhookConfigSchema, WebhookTarget } from './webhook.ts';
export { slugForKey, type WordPressConfig, WordPressConfigSchema, WordPressTarget } from './wordpress.ts';

/** Target ids: lower-case letters, digits, `_` and `-`, up to 40. */
export const TARGET_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/**
 * Builds the adapter for a configured target. The constructors parse the config with zod, so a
 * bad config throws a ZodError naming the field.
 */
export function buildTarget(
  record: PublishTargetRecord,
  deps: { store: Store; logger?: Logger },
): PublishTarget {
  switch (record.kind) {
    case 'feed':
      return new FeedTarget(deps.store, record.id, String(record.config.baseUrl ?? ''));
    case 'webhook':
      return new WebhookTarget(record.id, record.config as WebhookConfig, deps.logger);
    case 'wordpress':
      return new WordPressTarget(record.id, record.config as WordPressConfig, deps.logger);
  }
}

/** Whether a target takes items of `column` (no columns listed: all of them). */
export function targetTakes(
  record: Pick<PublishTargetRecord, 'columns' | 'enabled'>,
  column: string,
): boolean {
  return record.enabled && (record.columns.length === 0 || record.columns.includes(column));
}
