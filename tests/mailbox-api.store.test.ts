/// <reference path="../dashboard/src/app.d.ts" />
/**
 * The mailbox API's server side (dashboard/src/lib/server/mailbox) on a real embedded store: role
 * checks, department scope, masking, audit. Fixture story: departments 本级 (root) → 市 (city) →
 * 城区 (district), and 邻县 (county) beside the city; the portal's integration account `portal` is an
 * editor of the city; `mayor` is a leader of the city, `ana` an analyst, `county` an editor of the
 * county. The portal submits one letter with a phone number.
 */
import { isHttpError } from '@sveltejs/kit';
import { createLogger, getAuditLog, migrate, type Store, type User, writeDepartment } from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT_KEY } from '../dashboard/src/lib/server/context.ts';
import { CreateLetterSchema, TransitionSchema } from '../dashboard/src/lib/server/mailbox/requests.ts';
import {
  changeState,
  createLetter,
  dueLetters,
  HANDLER_ROLES,
  INSTRUCTION_ROLES,
  importUpload,
  instruct,
  letterDetail,
  listLetters,
  type MailboxActor,
  mailboxActor,
  mailboxStats,
  READER_ROLES,
  workflowErrorResponse,
} from '../dashboard/src/lib/server/mailbox/service.ts';
import { availableEngines } from './support/engines.ts';

const user = (id: string, roles: User['roles'], departmentId: string): User => ({
  id,
  username: id,
  displayName: id,
  roles,
  departmentId,
  disabled: false,
});
const PORTAL = user('portal', ['editor'], 'city');
const MAYOR = user('mayor', ['leader'], 'city');
const ANA = user('ana', ['analyst'], 'city');
const COUNTY = user('county', ['editor'], 'county');
const locals = (u: User | null) => ({ user: u }) as unknown as App.Locals;
const as = (u: User, roles = READER_ROLES): MailboxActor => mailboxActor(locals(u), '127.0.0.1', roles);

function status(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (e) {
    if (isHttpError(e)) return e.status;
    throw e;
  }
  return undefined;
}

const engine = availableEngines().find((e) => e.name === 'embedded');
if (!engine) throw new Error('the embedded engine is always available');

describe('mailbox API server side (embedded chDB)', { timeout: 120_000 }, () => {
  let store: Store;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, close } = await engine.open());
    const logger = createLogger('silent');
    await migrate(store, logger);
    (globalThis as Record<symbol, unknown>)[CONTEXT_KEY] = { store, logger, config: {} };
    for (const d of [
      { id: 'root', parentId: '', name: '本级' },
      { id: 'city', parentId: 'root', name: '市' },
      { id: 'district', parentId: 'city', name: '城区' },
      { id: 'county', parentId: 'root', name: '邻县' },
    ])
      await writeDepartment(store, d);
  });
  afterAll(async () => close?.());

  it('checks roles on the server', () => {
    expect(status(() => mailboxActor(locals(null), '', READER_ROLES))).toBe(401);
    expect(status(() => mailboxActor(locals(ANA), '', READER_ROLES))).toBe(403);
    expect(status(() => mailboxActor(locals(MAYOR), '', HANDLER_ROLES))).toBe(403);
    expect(status(() => mailboxActor(locals(PORTAL), '', INSTRUCTION_ROLES))).toBe(403);
    expect(status(() => mailboxActor(locals(PORTAL), '', HANDLER_ROLES))).toBeUndefined();
  });

  it('validates the request body with the field at fault', () => {
    const bad = CreateLetterSchema.safeParse({ title: 'x', content: '  ' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['content']);
    expect(TransitionSchema.safeParse({ to: 'done' }).success).toBe(false);
  });

  it('takes a letter from the portal, masks it for a leader and hides it from another department', async () => {
    const input = CreateLetterSchema.parse({
      id: 'p-1',
      title: '小区门口垃圾站臭气熏天',
      content:
        '小区门口的垃圾站每天都不清运，夏天臭气熏天，蚊蝇成群，请城管局尽快处理。我的电话13812345678。',
      phone: '13812345678',
    });
    const first = await createLetter(store, as(PORTAL, HANDLER_ROLES), input);
    expect(first.created).toBe(true);
    expect(first.letter).toMatchObject({
      ownerDepartmentId: 'city',
      state: 'received',
      phone: '13812345678',
    });
    expect((await createLetter(store, as(PORTAL, HANDLER_ROLES), input)).created).toBe(false);

    const [forMayor] = await listLetters(store, as(MAYOR), {});
    expect(forMayor?.id).toBe('p-1');
    expect(forMayor?.phone).toBe('*******5678');
    expect(forMayor?.content).toContain('138****5678');
    expect(await listLetters(store, as(COUNTY), {})).toEqual([]);
    await expect(letterDetail(store, as(COUNTY), 'p-1')).rejects.toMatchObject({ status: 404 });

    const detail = await letterDetail(store, as(MAYOR), 'p-1');
    expect(detail.events.map((e) => e.action)).toEqual(['received']);
    const audit = await getAuditLog(store, {
      from: '2000-01-01T00:00:00Z',
      to: '2100-01-01T00:00:00Z',
      action: 'letter.',
      limit: 50,
    });
    expect(audit.map((a) => [a.action, a.actorId]).sort()).toEqual([
      ['letter.create', 'portal'],
      ['letter.view', 'mayor'],
    ]);
  });

  it('runs the workflow through the API functions and answers refusals as JSON errors', async () => {
    await instruct(store, as(MAYOR, INSTRUCTION_ROLES), 'p-1', '请城管局两日内清运。');
    const assigned = await changeState(store, as(PORTAL, HANDLER_ROLES), 'p-1', {
      to: 'assigned',
      department: '城市管理和综合执法局',
    });
    expect(assigned.department).toBe('城市管理和综合执法局');
    const refused = await changeState(store, as(PORTAL, HANDLER_ROLES), 'p-1', { to: 'closed' }).catch(
      workflowErrorResponse,
    );
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(409);
    expect(await (refused as Response).json()).toMatchObject({
      error: { code: 'invalid_transition', field: 'to' },
    });

    const due = await dueLetters(store, as(MAYOR), 24 * 60);
    expect(due.map((d) => d.id)).toEqual(['p-1']);
    const now = new Date();
    const stats = await mailboxStats(
      store,
      as(MAYOR),
      new Date(now.getTime() - 86_400_000).toISOString(),
      new Date(now.getTime() + 86_400_000).toISOString(),
    );
    expect(stats).toEqual([
      expect.objectContaining({ department: '城市管理和综合执法局', received: 1, open: 1 }),
    ]);
    expect(await dueLetters(store, as(COUNTY), 24 * 60)).toEqual([]);
  });

  it('imports an uploaded CSV into the department of the uploader and refuses other file types', async () => {
    const csv = [
      'message_id,title,detail',
      'u-1,医院收费不透明,市人民医院住院收费清单不给病人看，请卫健委查处。',
      'u-2,空行,',
    ].join('\n');
    const result = await importUpload(
      store,
      as(PORTAL, HANDLER_ROLES),
      'export.csv',
      new TextEncoder().encode(csv),
    );
    expect(result.created.map((l) => [l.id, l.category, l.ownerDepartmentId])).toEqual([
      ['u-1', '卫生计生', 'city'],
    ]);
    expect(result.problems).toEqual([{ row: 3, message: 'no content', field: 'content' }]);
    const refused = await importUpload(
      store,
      as(PORTAL, HANDLER_ROLES),
      'export.pdf',
      new Uint8Array(),
    ).catch(workflowErrorResponse);
    expect((refused as Response).status).toBe(400);
  });
});
