/**
 * The WordPress target against a real WordPress (Debian's packages) on loopback: publish, a
 * retry with the same key, a crash between WordPress creating the post and yuqing recording its
 * id, withdrawal as draft and as trash, and republication — counted through the REST API and in
 * the database; then the whole workflow with WordPress as a configured target on the embedded
 * store. Missing packages fail this suite (CI installs them); they are never skipped.
 */
import {
  type Actor,
  DraftChecker,
  getPublications,
  loadDictionaries,
  type PublishItem,
  PublishService,
  publicationKey,
  slugForKey,
  toPublishItem,
  WordPressTarget,
  writePublishTarget,
} from '@yuqing/portal-adapter';
import { createLogger, migrate, writeDocuments, writeRawDocuments } from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzedDocument } from './support/documents.ts';
import { availableEngines } from './support/engines.ts';
import { startWordPress, type WordPressServer, wordpressMissing } from './support/wordpress.ts';

const item = (overrides: Partial<PublishItem> = {}): PublishItem => ({
  draftId: 'draft-wp-1',
  version: 3,
  column: 'news',
  title: '市政府召开防汛工作会议',
  summary: '部署汛期各项工作。',
  html: '<p>会议要求各地<strong>压实责任</strong>。</p>',
  source: {
    url: 'https://news.example.test/a/1.html',
    site: 'news.example.test',
    name: '示例新闻网',
    publishedAt: null,
  },
  publishedAt: '2026-11-20T08:00:00.000Z',
  ...overrides,
});

// PHP's built-in server answers one request at a time: generous timeouts on a loaded machine.
describe('WordPress target (real WordPress on loopback)', { timeout: 90_000 }, () => {
  let wp: WordPressServer;
  let target: WordPressTarget;

  beforeAll(async () => {
    const missing = wordpressMissing();
    if (missing) throw new Error(`${missing}. Install them (see .ci/run); this suite does not skip.`);
    wp = await startWordPress();
    target = new WordPressTarget('wp', {
      baseUrl: wp.baseUrl,
      username: wp.username,
      applicationPassword: wp.applicationPassword,
      attempts: 2,
      baseDelayMs: 50,
    });
  }, 90_000);

  afterAll(async () => {
    await wp?.close();
  });

  async function rest<T>(pathAndQuery: string): Promise<T> {
    const auth = Buffer.from(`${wp.username}:${wp.applicationPassword}`).toString('base64');
    const response = await fetch(`${wp.baseUrl}/wp-json/wp/v2/${pathAndQuery}`, {
      headers: { authorization: `Basic ${auth}` },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as T;
  }

  const postsInDb = async () =>
    Number((await wp.sql("SELECT COUNT(*) FROM wordpress.wp_posts WHERE post_type = 'post'")).trim());

  it('publishes once per key: a retry and a lost reply update the same post', async () => {
    const before = await postsInDb();
    const key = 'draft-wp-1:wp';
    const first = await target.publish(item(), key);
    expect(first.remoteId).toMatch(/^\d+$/);
    // The same key again (a retry after a timeout, say): the same post, still one.
    const again = await target.publish(item({ title: '市政府召开防汛工作会议（更新）', version: 4 }), key);
    expect(again.remoteId).toBe(first.remoteId);
    // A crash after WordPress created the post but before yuqing stored the id: nothing recorded,
    // the next attempt finds the post by the slug derived from the key.
    const recovered = await new WordPressTarget('wp', {
      baseUrl: wp.baseUrl,
      username: wp.username,
      applicationPassword: wp.applicationPassword,
    }).publish(item(), key);
    expect(recovered.remoteId).toBe(first.remoteId);
    expect(await postsInDb()).toBe(before + 1);

    const post = await rest<{
      id: number;
      status: string;
      slug: string;
      title: { raw: string };
      content: { raw: string };
    }>(`posts/${first.remoteId}?context=edit`);
    expect(post.status).toBe('publish');
    expect(post.slug).toBe(slugForKey(key));
    expect(post.content.raw).toContain('<strong>压实责任</strong>');
    expect(post.content.raw).toContain('href="https://news.example.test/a/1.html"');
    const listed = await rest<{ id: number }[]>(
      `posts?slug=${slugForKey(key)}&status=publish,draft&context=edit`,
    );
    expect(listed.map((p) => p.id)).toEqual([Number(first.remoteId)]);
  });

  it('withdraws to draft, and republishing brings back the same post', async () => {
    const key = 'draft-wp-2:wp';
    const ref = await target.publish(
      item({ draftId: 'draft-wp-2', title: '关于开展安全生产检查的通知' }),
      key,
    );
    await target.withdraw(ref);
    const withdrawn = await rest<{ status: string }>(`posts/${ref.remoteId}?context=edit`);
    expect(withdrawn.status).toBe('draft');
    // Withdrawn posts are not public any more.
    const publicList = (await (await fetch(`${wp.baseUrl}/wp-json/wp/v2/posts?per_page=100`)).json()) as {
      id: number;
    }[];
    expect(publicList.map((p) => p.id)).not.toContain(Number(ref.remoteId));
    const back = await target.publish(
      item({ draftId: 'draft-wp-2', title: '关于开展安全生产检查的通知' }),
      key,
    );
    expect(back.remoteId).toBe(ref.remoteId);
    expect((await rest<{ status: string }>(`posts/${ref.remoteId}?context=edit`)).status).toBe('publish');
  });

  it('withdraws to the trash when configured, and still never duplicates', async () => {
    const trashing = new WordPressTarget('wp-trash', {
      baseUrl: wp.baseUrl,
      username: wp.username,
      applicationPassword: wp.applicationPassword,
      withdrawAs: 'trash',
    });
    const key = 'draft-wp-3:wp-trash';
    const before = await postsInDb();
    const ref = await trashing.publish(item({ draftId: 'draft-wp-3' }), key);
    await trashing.withdraw(ref);
    expect((await rest<{ status: string }>(`posts/${ref.remoteId}?context=edit`)).status).toBe('trash');
    // Withdrawing again (a retried withdrawal) is harmless.
    await trashing.withdraw(ref);
    const again = await trashing.publish(item({ draftId: 'draft-wp-3' }), key);
    expect(again.remoteId).toBe(ref.remoteId);
    expect(await postsInDb()).toBe(before + 1);
  });

  it('fails without retrying on bad credentials, with WordPress’s reason', async () => {
    const wrong = new WordPressTarget('wp-bad', {
      baseUrl: wp.baseUrl,
      username: wp.username,
      applicationPassword: 'wrong password',
      attempts: 3,
      baseDelayMs: 2_000,
    });
    const started = Date.now();
    await expect(wrong.publish(item(), 'k:bad')).rejects.toThrow(/rejected the application password.*401/);
    expect(Date.now() - started).toBeLessThan(1_900);
  });

  it('is a workflow target: the remote id is stored under the key, and a lost id does not duplicate', async () => {
    const embedded = availableEngines().find((e) => e.name === 'embedded');
    if (!embedded) throw new Error('no embedded engine');
    const { store, close } = await embedded.open();
    try {
      const logger = createLogger('silent');
      await migrate(store, logger);
      await writeRawDocuments(store, [
        {
          id: 'doc-wp',
          url: 'https://news.example.test/a/9.html',
          canonicalUrl: 'https://news.example.test/a/9.html',
          source: 'example-news',
          site: 'news.example.test',
          mediaType: 'news',
          title: '全市完成老旧小区改造 120 个',
          body: '今年以来，全市完成老旧小区改造 120 个。\n惠及居民 3 万户。',
          author: '',
          publishedAt: '2026-11-19T01:00:00.000Z',
          fetchedAt: '2026-11-19T02:00:00.000Z',
          contentHash: 'h-wp',
        },
      ]);
      await writeDocuments(store, [
        analyzedDocument({
          id: 'doc-wp',
          title: '全市完成老旧小区改造 120 个',
          publishedAt: '2026-11-19T01:00:00.000Z',
        }),
      ]);
      await writePublishTarget(store, {
        id: 'wp',
        name: '门户 WordPress',
        kind: 'wordpress',
        columns: ['城建'],
        config: { baseUrl: wp.baseUrl, username: wp.username, applicationPassword: wp.applicationPassword },
        enabled: true,
      });
      const service = new PublishService(store, { checker: new DraftChecker(loadDictionaries()), logger });
      const editor: Actor = { id: 'u-editor', roles: ['editor'], departmentId: 'root' };
      const chief: Actor = { id: 'u-chief', roles: ['chief_editor'], departmentId: 'root' };
      const draft = await service.createDraft(editor, { documentId: 'doc-wp', column: '城建' });
      await service.act(editor, draft.id, 'submit');
      const approved = await service.act(chief, draft.id, 'approve');
      // The crash: WordPress got the post (as the service would send it), yuqing recorded nothing.
      const key = publicationKey(draft.id, 'wp');
      const orphan = await target.publish(
        toPublishItem({ ...approved, publishedAt: new Date().toISOString() }),
        key,
      );
      const before = await postsInDb();

      await service.act(editor, draft.id, 'publish');
      const [publication] = (await getPublications(store, draft.id)).filter((p) => p.targetId === 'wp');
      expect(publication).toMatchObject({
        status: 'published',
        idempotencyKey: key,
        remoteId: orphan.remoteId,
      });
      expect(await postsInDb()).toBe(before);
      const post = await rest<{ status: string; title: { raw: string }; content: { raw: string } }>(
        `posts/${orphan.remoteId}?context=edit`,
      );
      expect(post.status).toBe('publish');
      expect(post.content.raw).toContain('<p>惠及居民 3 万户。</p>');
      expect(post.content.raw).toContain('来源：<a href="http://example.test/doc-wp.html">fixture</a>');

      await service.act(chief, draft.id, 'withdraw');
      expect((await rest<{ status: string }>(`posts/${orphan.remoteId}?context=edit`)).status).toBe('draft');
      const current = await service.get(draft.id);
      await service.edit(editor, draft.id, {
        expectedVersion: current.version,
        title: '全市完成老旧小区改造 121 个',
      });
      await service.act(editor, draft.id, 'submit');
      await service.act(chief, draft.id, 'approve');
      await service.act(editor, draft.id, 'publish');
      const again = await rest<{ status: string; title: { raw: string } }>(
        `posts/${orphan.remoteId}?context=edit`,
      );
      expect(again).toMatchObject({ status: 'publish', title: { raw: '全市完成老旧小区改造 121 个' } });
      expect(await postsInDb()).toBe(before);
    } finally {
      await close();
    }
  });
});
