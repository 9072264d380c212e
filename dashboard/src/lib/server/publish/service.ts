import { statSync } from 'node:fs';
import path from 'node:path';
import { error } from '@sveltejs/kit';
import type { Actor, Draft, DraftChecker, PublishError, PublishService } from '@yuqing/portal-adapter';
import { getDepartments, type User } from '@yuqing/schemas';
import { departmentScope } from '../access.ts';
import { apiError } from '../api.ts';
import { appContext, logger } from '../context.ts';
import { portalAdapter } from './adapter.ts';

/** Who may use publishing at all; the state machine checks each action's role. */
const PUBLISH_ROLES = ['editor', 'chief_editor', 'admin'];

let cached: { stamp: string; checker: DraftChecker } | undefined;

/**
 * The check uses the maintained lists as they are on disk now: edited lists are picked up on the
 * next request (their modification times are compared), no restart needed.
 */
async function checker(): Promise<DraftChecker> {
  const pa = await portalAdapter();
  const stamp = Object.values(pa.DICT_FILES)
    .map((f) => {
      try {
        return statSync(path.join(pa.DEFAULT_DICT_DIR, f)).mtimeMs;
      } catch {
        return 0;
      }
    })
    .join(':');
  if (cached?.stamp !== stamp) cached = { stamp, checker: new pa.DraftChecker(pa.loadDictionaries()) };
  return cached.checker;
}

export async function publishService(): Promise<PublishService> {
  const pa = await portalAdapter();
  return new pa.PublishService(appContext().store, { checker: await checker(), logger: logger() });
}

/** The signed-in user as a publishing actor; editors, chief editors and admins only. */
export function publishActor(locals: App.Locals): Actor {
  const user: User | null = locals.user;
  if (!user) error(401, { message: '未登录或会话已过期，请先登录', code: 'unauthorized' });
  const roles: readonly string[] = user.roles;
  if (!PUBLISH_ROLES.some((r) => roles.includes(r))) {
    error(403, { message: '只有编辑、总编和管理员可以使用信息发布', code: 'forbidden' });
  }
  return { id: user.id, roles, departmentId: user.departmentId };
}

/** The departments whose drafts the actor may see: theirs and those below (an admin: all). */
export async function draftScope(actor: Actor): Promise<Set<string>> {
  const departments = await getDepartments(appContext().store);
  return departmentScope(departments, {
    roles: actor.roles as User['roles'],
    departmentId: actor.departmentId,
  });
}

/** A draft the actor may see, or a 404 (not a 403: other departments' drafts are not revealed). */
export async function visibleDraft(actor: Actor, id: string): Promise<Draft> {
  if (id.length > 64) error(400, { message: '稿件 id 过长', code: 'bad_request', field: 'id' });
  const pa = await portalAdapter();
  const draft = await pa.getDraft(appContext().store, id);
  if (!draft || !(await draftScope(actor)).has(draft.departmentId)) {
    error(404, { message: '稿件不存在', code: 'not_found' });
  }
  return draft;
}

/** The HTTP status of each PublishError code in the API. */
export const PUBLISH_ERROR_STATUS: Record<PublishError['code'], number> = {
  bad_request: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  check_failed: 422,
  target_failed: 502,
};

/** A PublishError as the API's JSON error body; anything else is rethrown for apiHandler. */
export async function publishErrorResponse(e: unknown): Promise<Response> {
  const pa = await portalAdapter();
  if (e instanceof pa.PublishError) return apiError(PUBLISH_ERROR_STATUS[e.code], e.code, e.message, e.field);
  throw e;
}
