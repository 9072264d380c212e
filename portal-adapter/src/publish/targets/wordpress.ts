import { createHash } from 'node:crypto';
import type { Logger } from '@yuqing/schemas';
import { z } from 'zod';
import { escapeHtml } from '../sanitize.ts';
import { type PublishItem, type PublishTarget, type RemoteRef, TargetError } from '../types.ts';
import { DEFAULT_RETRY, fetchWithTimeout, isRetryableStatus, type RetryPolicy, withRetry } from './retry.ts';

export const WordPressConfigSchema = z.object({
  /** The site root, e.g. https://portal.example.gov.cn (the REST API is under /wp-json/). */
  baseUrl: z.url().refine((u) => /^https?:\/\//.test(u), 'baseUrl 须为 http(s) 地址'),
  username: z.string().min(1),
  /** An Application Password (WordPress ≥ 5.6), sent as HTTP Basic auth; spaces are ignored. */
  applicationPassword: z.string().min(1),
  /** Withdrawal sets the post back to draft (default) or moves it to the trash. */
  withdrawAs: z.enum(['draft', 'trash']).default('draft'),
  /** Optional WordPress category id per column. */
  categories: z.record(z.string(), z.number().int().positive()).default({}),
  timeoutMs: z.number().int().min(100).max(60_000).default(15_000),
  attempts: z.number().int().min(1).max(10).default(DEFAULT_RETRY.attempts),
  baseDelayMs: z.number().int().min(0).max(60_000).default(DEFAULT_RETRY.baseDelayMs),
});
export type WordPressConfig = z.input<typeof WordPressConfigSchema>;

interface WpPost {
  id: number;
  link: string;
  status: string;
  slug: string;
}

/** The post slug for a key: `yq-` and 24 hex digits of its SHA-256, stable and URL-safe. */
export function slugForKey(idempotencyKey: string): string {
  return `yq-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 24)}`;
}

/**
 * WordPress through its REST API (`/wp-json/wp/v2/posts`). Idempotent without trusting our own
 * bookkeeping: before creating, it looks the post up by the slug derived from the key (drafts and
 * trashed posts included), so a crash between WordPress creating the post and yuqing recording
 * its id still leads to an update of that post, not a second one.
 */
export class WordPressTarget implements PublishTarget {
  readonly kind = 'wordpress' as const;
  private readonly config: z.output<typeof WordPressConfigSchema>;
  private readonly retry: RetryPolicy;
  private readonly auth: string;
  private readonly api: string;
  private readonly root: string;

  constructor(
    readonly id: string,
    config: WordPressConfig,
    private readonly logger?: Logger,
  ) {
    this.config = WordPressConfigSchema.parse(config);
    this.retry = { ...DEFAULT_RETRY, attempts: this.config.attempts, baseDelayMs: this.config.baseDelayMs };
    const password = this.config.applicationPassword.replace(/\s+/g, '');
    this.auth = `Basic ${Buffer.from(`${this.config.username}:${password}`).toString('base64')}`;
    this.root = `${this.config.baseUrl.replace(/\/+$/, '')}/wp-json`;
    this.api = `${this.root}/wp/v2/posts`;
  }

  /**
   * Checks the credentials once per target: without them the slug lookup would only see public
   * posts and WordPress answers the status filter with a misleading 400.
   */
  private authenticated?: Promise<void>;
  private ensureAuthenticated(): Promise<void> {
    this.authenticated ??= this.request<{ id?: number }>(
      'GET',
      `${this.root}/wp/v2/users/me?context=edit&_fields=id`,
    )
      .then((me) => {
        if (typeof me.id !== 'number') throw new TargetError('WordPress did not sign the user in', false);
      })
      .catch((error: unknown) => {
        this.authenticated = undefined;
        if (error instanceof TargetError && error.statusCode === 401) {
          throw new TargetError(`WordPress rejected the application password: ${error.message}`, false, 401);
        }
        throw error;
      });
    return this.authenticated;
  }

  async publish(item: PublishItem, idempotencyKey: string): Promise<RemoteRef> {
    await this.ensureAuthenticated();
    const slug = slugForKey(idempotencyKey);
    const category = this.config.categories[item.column];
    const post = {
      title: item.title,
      content: `${item.html}\n${attribution(item)}`,
      excerpt: item.summary,
      status: 'publish',
      slug,
      ...(category ? { categories: [category] } : {}),
    };
    const found = await this.findBySlug(slug);
    const saved = found
      ? await this.request<WpPost>('POST', `${this.api}/${found.id}`, post)
      : await this.request<WpPost>('POST', this.api, post);
    return { idempotencyKey, remoteId: String(saved.id), remoteUrl: saved.link };
  }

  async withdraw(ref: RemoteRef): Promise<void> {
    await this.ensureAuthenticated();
    const id = ref.remoteId || String((await this.findBySlug(slugForKey(ref.idempotencyKey)))?.id ?? '');
    if (!/^\d+$/.test(id)) return;
    try {
      if (this.config.withdrawAs === 'trash') await this.request('DELETE', `${this.api}/${id}`);
      else await this.request('POST', `${this.api}/${id}`, { status: 'draft' });
    } catch (error) {
      // Deleted on the WordPress side already: nothing is left to withdraw.
      if (error instanceof TargetError && (error.statusCode === 404 || error.statusCode === 410)) return;
      throw error;
    }
  }

  /** The post with this slug in any state; a trashed post's slug carries a `__trashed` suffix. */
  async findBySlug(slug: string): Promise<WpPost | null> {
    const statuses = 'publish,future,draft,pending,private,trash';
    const query = `slug=${slug},${slug}__trashed&status=${statuses}&context=edit&_fields=id,link,status,slug`;
    const posts = await this.request<WpPost[]>('GET', `${this.api}?${query}`);
    return posts.find((p) => p.slug === slug) ?? posts[0] ?? null;
  }

  private request<T>(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<T> {
    return withRetry(
      this.retry,
      async () => {
        const response = await fetchWithTimeout(
          url,
          {
            method,
            headers: {
              authorization: this.auth,
              accept: 'application/json',
              ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
          },
          this.config.timeoutMs,
        );
        const text = await response.text().catch(() => '');
        if (!response.ok) {
          let message = text.slice(0, 200);
          try {
            const parsed = JSON.parse(text) as { code?: string; message?: string };
            if (parsed.code) message = `${parsed.code}: ${parsed.message ?? ''}`;
          } catch {
            // Not JSON (a proxy's error page): keep the start of the text.
          }
          throw new TargetError(
            `WordPress HTTP ${response.status}: ${message}`,
            isRetryableStatus(response.status),
            response.status,
          );
        }
        try {
          return JSON.parse(text) as T;
        } catch {
          throw new TargetError(
            `WordPress answered without JSON: ${text.slice(0, 200)}`,
            true,
            response.status,
          );
        }
      },
      (error, n, delayMs) =>
        this.logger?.warn({ target: this.id, attempt: n, delayMs, err: error.message }, 'WordPress retry'),
    );
  }
}

/** The source line under the body: site name linked to the original article. */
function attribution(item: PublishItem): string {
  const name = escapeHtml(item.source.name || item.source.site || item.source.url);
  if (!/^https?:\/\//.test(item.source.url)) return `<p>来源：${name}</p>`;
  return `<p>来源：<a href="${escapeHtml(item.source.url)}">${name}</a></p>`;
}
