/**
 * The publishing workflow on a real store (every engine this machine has): one analyzed
 * document — a city notice about heating — is pulled into a draft by the editor `u-editor`,
 * edited, checked, sent to the chief editor `u-chief`, approved and published to the built-in
 * feeds and to a webhook (a local receiver that fails the first request with a 500); then
 * withdrawn and archived. Every step and every refusal must be in publish_events.
 */
import {
  type Actor,
  DraftChecker,
  getFeedEntries,
  getPublications,
  getPublishEvents,
  loadDictionaries,
  PublishError,
  PublishService,
  writePublishTarget,
} from '@yuqing/portal-adapter';
import { createLogger, migrate, type Store, writeDocuments, writeRawDocuments } from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzedDocument } from './support/documents.ts';
import { availableEngines } from './support/engines.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

const logger = createLogger('silent');
const SECRET = 'workflow-secret-0123456789';
const DOC_ID = 'doc-heating';
const editor: Actor = { id: 'u-editor', roles: ['editor'], departmentId: 'root' };
const chief: Actor = { id: 'u-chief', roles: ['chief_editor'], departmentId: 'root' };
const analyst: Actor = { id: 'u-analyst', roles: ['analyst'], departmentId: 'root' };

async function seed(store: Store): Promise<void> {
  await migrate(store, logger);
  await writeRawDocuments(store, [
    {
      id: DOC_ID,
      url: 'https://gov.example.test/tz/heating.html',
      canonicalUrl: 'https://gov.example.test/tz/heating.html',
      source: 'city-gov',
      site: 'gov.example.test',
      mediaType: 'government',
      title: '关于做好今冬供暖工作的通知',
      body: '各供热单位：\n请于11月15日前完成试运行。<script>alert(1)</script>\n热线：12345',
      author: '市住建局',
      publishedAt: '2026-11-10T01:00:00.000Z',
      fetchedAt: '2026-11-10T02:00:00.000Z',
      contentHash: 'h-heating',
    },
  ]);
  await writeDocuments(store, [
    analyzedDocument({
      id: DOC_ID,
      title: '关于做好今冬供暖工作的通知',
      publishedAt: '2026-11-10T01:00:00.000Z',
      summary: '各供热单位于11月15日前完成试运行。',
      url: 'https://gov.example.test/tz/heating.html',
      source: 'city-gov',
      site: 'gov.example.test',
    }),
  ]);
}

describe.each(availableEngines())('publishing workflow ($name)', ({ skip, open }) => {
  let store: Store;
  let close: () => Promise<void>;
  let receiver: WebhookReceiver;
  let service: PublishService;

  beforeAll(async () => {
    if (skip) return;
    ({ store, close } = await open());
    await seed(store);
    receiver = await startWebhookReceiver({
      secret: SECRET,
      failures: { 1: { status: 500, when: 'before' } },
    });
    await writePublishTarget(store, {
      id: 'portal-hook',
      name: '门户网站接口',
      kind: 'webhook',
      columns: ['通知公告'],
      config: { url: receiver.url, secret: SECRET, baseDelayMs: 20 },
      enabled: true,
    });
    // A target for another column, and a broken one for this column that must fail alone.
    await writePublishTarget(store, {
      id: 'other-column',
      name: '其他栏目',
      kind: 'webhook',
      columns: ['要闻'],
      config: { url: receiver.url, secret: SECRET },
      enabled: true,
    });
    await writePublishTarget(store, {
      id: 'broken',
      name: '配置有误',
      kind: 'wordpress',
      columns: [],
      config: { baseUrl: 'not a url' },
      enabled: true,
    });
    service = new PublishService(store, {
      checker: new DraftChecker(loadDictionaries()),
      logger,
      feedBaseUrl: 'https://yq.example.test',
    });
  });

  afterAll(async () => {
    await receiver?.close();
    await close?.();
  });

  it.skipIf(Boolean(skip))('takes a draft from pull to archive, auditing every step', async () => {
    await expect(
      service.createDraft(analyst, { documentId: DOC_ID, column: '通知公告' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      service.createDraft(editor, { documentId: 'nope', column: '通知公告' }),
    ).rejects.toMatchObject({
      code: 'not_found',
      field: 'documentId',
    });
    await expect(
      service.createDraft(editor, { documentId: DOC_ID, column: 'bad column!' }),
    ).rejects.toMatchObject({
      code: 'bad_request',
      field: 'column',
    });

    const draft = await service.createDraft(editor, { documentId: DOC_ID, column: '通知公告' });
    expect(draft).toMatchObject({
      state: 'draft',
      version: 1,
      title: '关于做好今冬供暖工作的通知',
      source: { url: 'https://gov.example.test/tz/heating.html', site: 'gov.example.test', name: 'city-gov' },
    });
    expect(draft.body).toBe(
      '<p>各供热单位：</p>\n<p>请于11月15日前完成试运行。&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>热线：12345</p>',
    );
    await expect(
      service.createDraft(editor, { documentId: DOC_ID, column: '通知公告' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });

    // A stale version is a conflict; an edit is sanitized and bumps the version.
    await expect(service.edit(editor, draft.id, { expectedVersion: 7, title: 'x' })).rejects.toMatchObject({
      code: 'conflict',
    });
    const edited = await service.edit(editor, draft.id, {
      expectedVersion: 1,
      body: '<p onclick="x()">各供热单位要<strong>再接再励</strong>，周永康<iframe src="https://evil.test"></iframe></p>',
    });
    expect(edited.version).toBe(2);
    expect(edited.body).toBe('<p>各供热单位要<strong>再接再励</strong>，周永康</p>');
    expect((await service.get(draft.id)).body).toBe(edited.body);

    const check = await service.check(editor, draft.id);
    expect(check.ok).toBe(false);
    expect(check.findings.map((f) => `${f.kind}:${f.term}`)).toEqual([
      'forbidden_name:周永康',
      'typo:再接再励',
    ]);
    await expect(service.act(editor, draft.id, 'submit')).rejects.toMatchObject({ code: 'check_failed' });
    expect((await service.get(draft.id)).state).toBe('draft');

    const fixed = await service.edit(editor, draft.id, {
      expectedVersion: 2,
      body: '<p>各供热单位要<strong>再接再厉</strong>，确保按时供暖。</p>',
    });
    await expect(service.act(editor, draft.id, 'publish')).rejects.toMatchObject({
      code: 'illegal_transition',
    });
    const submitted = await service.act(editor, draft.id, 'submit', { expectedVersion: fixed.version });
    expect(submitted).toMatchObject({ state: 'pending_review', submittedBy: 'u-editor' });
    await expect(service.act(editor, draft.id, 'approve')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.act(chief, draft.id, 'reject')).rejects.toMatchObject({
      code: 'bad_request',
      field: 'reason',
    });
    const approved = await service.act(chief, draft.id, 'approve');
    expect(approved).toMatchObject({ state: 'approved', approvedBy: 'u-chief' });

    const published = await service.act(editor, draft.id, 'publish');
    expect(published.state).toBe('published');
    const publications = await getPublications(store, draft.id);
    expect(publications.map((p) => [p.targetId, p.status])).toEqual([
      ['broken', 'failed'],
      ['feeds', 'published'],
      ['portal-hook', 'published'],
    ]);
    expect(publications[0]?.lastError).toMatch(/目标「broken」配置无效/);
    // The webhook answered 500 once, was retried under the same key, and delivered once.
    expect(receiver.requests.map((r) => r.status)).toEqual([500, 200]);
    expect(receiver.payloads).toHaveLength(1);
    expect(receiver.payloads[0]).toMatchObject({ id: `${draft.id}:portal-hook`, column: '通知公告' });

    const feed = await getFeedEntries(store, 'feeds', '通知公告');
    expect(feed.map((e) => [e.draftId, e.title])).toEqual([[draft.id, '关于做好今冬供暖工作的通知']]);
    expect(feed[0]?.content).toContain('<strong>再接再厉</strong>');

    // A retry redoes only what failed: the webhook hears nothing new.
    await service.act(editor, draft.id, 'retry');
    expect(receiver.requests).toHaveLength(2);
    expect((await getPublications(store, draft.id)).find((p) => p.targetId === 'broken')?.attempts).toBe(2);

    await expect(service.act(editor, draft.id, 'withdraw')).rejects.toMatchObject({ code: 'forbidden' });
    const withdrawn = await service.act(chief, draft.id, 'withdraw');
    expect(withdrawn.state).toBe('withdrawn');
    expect(await getFeedEntries(store, 'feeds', '通知公告')).toEqual([]);
    expect(receiver.requests.at(-1)?.event).toBe('withdraw');
    const after = await getPublications(store, draft.id);
    expect(after.find((p) => p.targetId === 'portal-hook')?.status).toBe('withdrawn');
    expect(after.find((p) => p.targetId === 'feeds')?.status).toBe('withdrawn');

    const archived = await service.act(editor, draft.id, 'archive');
    expect(archived.state).toBe('archived');
    await expect(
      service.edit(editor, draft.id, { expectedVersion: archived.version, title: '改' }),
    ).rejects.toThrow(PublishError);

    const events = await getPublishEvents(store, draft.id);
    const actions = events.map((e) => e.action);
    for (const action of [
      'create',
      'edit',
      'check',
      'submit',
      'approve',
      'publish',
      'deliver',
      'deliver.failed',
    ]) {
      expect(actions).toContain(action);
    }
    for (const action of ['withdraw', 'undeliver', 'archive', 'retry']) expect(actions).toContain(action);
    for (const refused of [
      'edit.refused',
      'submit.refused',
      'publish.refused',
      'approve.refused',
      'reject.refused',
    ]) {
      expect(actions).toContain(refused);
    }
    const approve = events.find((e) => e.action === 'approve');
    expect(approve).toMatchObject({ actor: 'u-chief', fromState: 'pending_review', toState: 'approved' });
    expect(events.find((e) => e.action === 'submit.refused')?.detail).toContain('forbidden_name:周永康');
  });

  it.skipIf(Boolean(skip))(
    'needs a second person to approve, and republishes a withdrawn draft',
    async () => {
      const admin: Actor = { id: 'u-admin', roles: ['admin'], departmentId: 'root' };
      const draft = await service.createDraft(admin, { documentId: DOC_ID, column: '要闻' });
      await service.act(admin, draft.id, 'submit');
      await expect(service.act(admin, draft.id, 'approve')).rejects.toThrow(/另一位总编/);
      await service.act(chief, draft.id, 'approve');
      await service.act(admin, draft.id, 'publish');
      const requests = receiver.requests.length;
      await service.act(chief, draft.id, 'withdraw');
      const again = await service.edit(admin, draft.id, {
        expectedVersion: (await service.get(draft.id)).version,
        title: '关于做好今冬供暖工作的通知（修订）',
      });
      expect(again.state).toBe('draft');
      await service.act(admin, draft.id, 'submit');
      await service.act(chief, draft.id, 'approve');
      await service.act(admin, draft.id, 'publish');
      const feed = await getFeedEntries(store, 'feeds', '要闻');
      expect(feed.map((e) => e.title)).toEqual(['关于做好今冬供暖工作的通知（修订）']);
      // withdraw + the new version's publish, each once, under its own delivery key.
      const later = receiver.requests.slice(requests);
      expect(later.map((r) => r.event)).toEqual(['withdraw', 'publish']);
      expect(later[1]?.idempotencyKey).toBe(
        `${draft.id}:other-column.publish.v${(await service.get(draft.id)).version}`,
      );
    },
  );

  it.skipIf(Boolean(skip))('lets one of two simultaneous publishes through and delivers once', async () => {
    const draft = await service.createDraft(editor, { documentId: DOC_ID, column: '专题' });
    await service.act(editor, draft.id, 'submit');
    await service.act(chief, draft.id, 'approve');
    const before = receiver.requests.length;
    const results = await Promise.allSettled([
      service.act(editor, draft.id, 'publish'),
      service.act(editor, draft.id, 'publish'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'illegal_transition' });
    // No webhook takes this column; the feed has the entry once.
    expect(receiver.requests.length).toBe(before);
    expect(await getFeedEntries(store, 'feeds', '专题')).toHaveLength(1);
    // Nothing to publish: an empty body is refused at submission.
    const empty = await service.createDraft(editor, { documentId: DOC_ID, column: '空稿' });
    await service.edit(editor, empty.id, { expectedVersion: 1, body: '<script>x</script>' });
    await expect(service.act(editor, empty.id, 'submit')).rejects.toMatchObject({
      code: 'bad_request',
      field: 'body',
    });
    // Two editors saving the same version at once: one wins, the other gets a conflict.
    const other = await service.createDraft(editor, { documentId: DOC_ID, column: '专题二' });
    const edits = await Promise.allSettled([
      service.edit(editor, other.id, { expectedVersion: 1, title: '甲' }),
      service.edit(chief, other.id, { expectedVersion: 1, title: '乙' }),
    ]);
    expect(edits.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((edits[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    expect(await service.get(other.id)).toMatchObject({ title: '甲', version: 2 });
  });
});
