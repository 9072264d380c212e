/**
 * The dashboard's publishing glue over a real store: who may use publishing, department scope
 * on drafts (another department's draft is a 404), PublishError → HTTP status and JSON body,
 * target validation and secret handling, and that the request schemas agree with the adapter's
 * own constants (they are repeated because the build cannot load the adapter).
 */

import { isHttpError } from '@sveltejs/kit';
import {
  ACTIONS,
  ColumnIdSchema,
  DRAFT_STATES,
  DraftChecker,
  PublishError,
  PublishService,
  parseDictionaries,
  TARGET_KINDS,
} from '@yuqing/portal-adapter';
import {
  createLogger,
  migrate,
  type Store,
  type User,
  writeDepartment,
  writeDocuments,
} from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzedDocument } from '../../../../../tests/support/documents.ts';
import { availableEngines } from '../../../../../tests/support/engines.ts';
import { CONTEXT_KEY } from '../context.ts';
import { ColumnSchema, DRAFT_ACTION_VALUES, DRAFT_STATE_VALUES, TARGET_KIND_VALUES } from './requests.ts';
import { publishActor, publishErrorResponse, visibleDraft } from './service.ts';
import { listTargets, saveTarget } from './targets.ts';

const logger = createLogger('silent');

const user = (id: string, roles: string[], departmentId: string) =>
  ({ id, username: id, displayName: id, roles, departmentId, disabled: false }) as unknown as User;
const locals = (u: User | null) => ({ user: u, sessionToken: null });

async function statusOf(promise: Promise<unknown> | (() => unknown)): Promise<number> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (isHttpError(error)) return error.status;
    throw error;
  }
  return 200;
}

describe('request schemas agree with the adapter', () => {
  it('lists the same states, actions and target kinds, and the same column rule', () => {
    expect([...DRAFT_STATE_VALUES]).toEqual([...DRAFT_STATES]);
    expect([...DRAFT_ACTION_VALUES]).toEqual(ACTIONS.filter((a) => a !== 'edit'));
    expect([...TARGET_KIND_VALUES]).toEqual([...TARGET_KINDS]);
    for (const column of ['通知公告', 'news-2', 'a_b', '', 'a b', '../x', 'x'.repeat(41), '栏目！']) {
      expect(ColumnSchema.safeParse(column).success, column).toBe(ColumnIdSchema.safeParse(column).success);
    }
  });
});

describe.each(availableEngines())('publishing API glue ($name)', ({ skip, open }) => {
  let store: Store;
  let close: () => Promise<void>;

  beforeAll(async () => {
    if (skip) return;
    ({ store, close } = await open());
    await migrate(store, logger);
    (globalThis as Record<symbol, unknown>)[CONTEXT_KEY] = { store, logger, config: {} };
    await writeDepartment(store, { id: 'root', parentId: '', name: '本级' });
    await writeDepartment(store, { id: 'district-a', parentId: 'root', name: '甲区' });
    await writeDepartment(store, { id: 'district-b', parentId: 'root', name: '乙区' });
    await writeDocuments(store, [analyzedDocument({ id: 'doc-1', title: '甲区通报', publishedAt: null })]);
  });

  afterAll(async () => {
    delete (globalThis as Record<symbol, unknown>)[CONTEXT_KEY];
    await close?.();
  });

  it.skipIf(Boolean(skip))('lets only editors, chief editors and admins in', async () => {
    expect(await statusOf(() => publishActor(locals(null)))).toBe(401);
    expect(await statusOf(() => publishActor(locals(user('a', ['analyst', 'leader'], 'root'))))).toBe(403);
    expect(publishActor(locals(user('e', ['editor'], 'root')))).toEqual({
      id: 'e',
      roles: ['editor'],
      departmentId: 'root',
    });
    expect(publishActor(locals(user('c', ['chief_editor'], 'root'))).roles).toEqual(['chief_editor']);
  });

  it.skipIf(Boolean(skip))('hides drafts of other departments behind a 404', async () => {
    const service = new PublishService(store, {
      checker: new DraftChecker(parseDictionaries({ sensitive: '', forbiddenNames: '', typos: '' })),
      logger,
    });
    const editorA = { id: 'ea', roles: ['editor'], departmentId: 'district-a' };
    const draft = await service.createDraft(editorA, { documentId: 'doc-1', column: '要闻' });
    expect((await visibleDraft(editorA, draft.id)).id).toBe(draft.id);
    const cityEditor = { id: 'ec', roles: ['editor'], departmentId: 'root' };
    expect((await visibleDraft(cityEditor, draft.id)).id).toBe(draft.id);
    expect(
      await statusOf(visibleDraft({ id: 'eb', roles: ['editor'], departmentId: 'district-b' }, draft.id)),
    ).toBe(404);
    expect(await statusOf(visibleDraft(editorA, 'no-such-draft'))).toBe(404);
  });

  it.skipIf(Boolean(skip))('answers PublishErrors with their status and the JSON error body', async () => {
    const cases: [PublishError, number][] = [
      [new PublishError('illegal_transition', '不能发布'), 409],
      [new PublishError('conflict', '已被修改', 'expectedVersion'), 409],
      [new PublishError('forbidden', '无权'), 403],
      [new PublishError('check_failed', '检查未通过'), 422],
      [new PublishError('bad_request', '栏目无效', 'column'), 400],
      [new PublishError('not_found', '无此文档', 'documentId'), 404],
    ];
    for (const [error, status] of cases) {
      const response = await publishErrorResponse(error);
      expect(response.status).toBe(status);
      const body = await response.json();
      expect(body).toEqual({
        error: error.field
          ? { code: error.code, message: error.message, field: error.field }
          : { code: error.code, message: error.message },
      });
    }
    await expect(publishErrorResponse(new Error('boom'))).rejects.toThrow('boom');
  });

  it.skipIf(Boolean(skip))('validates targets when saved and never shows their secrets', async () => {
    const bad = await saveTarget(
      'admin',
      {
        id: 'hook',
        name: '门户',
        kind: 'webhook',
        columns: [],
        enabled: true,
        config: { url: 'https://p.test/h', secret: 'short' },
      },
      '127.0.0.1',
    );
    expect(bad).toBeInstanceOf(Response);
    expect((bad as Response).status).toBe(400);
    expect(await (bad as Response).json()).toMatchObject({
      error: { code: 'bad_request', field: 'config.secret' },
    });

    const secret = 'a-long-enough-shared-secret';
    const saved = await saveTarget(
      'admin',
      {
        id: 'hook',
        name: '门户',
        kind: 'webhook',
        columns: ['要闻'],
        enabled: true,
        config: { url: 'https://p.test/h', secret },
      },
      '127.0.0.1',
    );
    expect(saved).toMatchObject({ id: 'hook', config: { url: 'https://p.test/h', secret: '(已设置)' } });
    // Sending the placeholder back keeps the stored secret.
    await saveTarget(
      'admin',
      {
        id: 'hook',
        name: '门户网站',
        kind: 'webhook',
        columns: ['要闻'],
        enabled: true,
        config: { url: 'https://p.test/h', secret: '(已设置)' },
      },
      '127.0.0.1',
    );
    const { getPublishTargets } = await import('@yuqing/portal-adapter');
    const stored = (await getPublishTargets(store)).find((t) => t.id === 'hook');
    expect(stored?.config.secret).toBe(secret);
    expect(stored?.name).toBe('门户网站');
    const listed = await listTargets('https://yq.example.test');
    expect(listed.map((t) => t.id)).toEqual(['feeds', 'hook']);
    expect(JSON.stringify(listed)).not.toContain(secret);
  });
});
