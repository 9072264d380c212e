import {
  getPeople,
  getPeopleSuggestions,
  type PersonSuggestion,
  type User,
  type WatchedPersonRecord,
} from '@yuqing/schemas';
import { departmentScope, hasRole } from './access.ts';
import type { Actor } from './admin.ts';
import { listDepartments } from './admin.ts';
import { appContext } from './context.ts';
import type { CreatePerson, UpdatePerson } from './people-requests.ts';
import { audit, fail, PLAN_WRITERS, requireReader, requireWriter, writableDepartment } from './plans.ts';
import { deletePerson as deletePersonVersion, PersonError, savePerson } from './plans-engine.ts';

/**
 * The watch list of people (人物追踪). A department's list is private to it and the departments
 * above it: leaders and analysts read their own department's list and those below it; analysts
 * and admins change them. A person outside the user's scope is a 404. Saving goes through the
 * analyzer's `savePerson` (validation, versions, back-fill of new names).
 */

const FIELD_NAMES: Record<string, string> = {
  name: '姓名',
  aliases: '别名',
  roles: '职务',
  note: '备注',
  departmentId: '部门',
};

function personInvalid(err: PersonError): never {
  const [head = err.field, index] = err.field.split('.');
  const label = `${FIELD_NAMES[head] ?? head}${index === undefined ? '' : `第 ${Number(index) + 1} 个`}`;
  const detail = err.message.startsWith(`${err.field}: `)
    ? err.message.slice(err.field.length + 2)
    : err.message;
  fail(400, 'bad_request', `${label}有误：${detail}`, err.field);
}

export async function listPeople(user: User): Promise<WatchedPersonRecord[]> {
  requireReader(user);
  const scope = departmentScope(await listDepartments(), user);
  return getPeople(appContext().store, { departmentIds: [...scope] });
}

/** A person on a list the user may see, or a 404. */
export async function findPerson(user: User, id: string): Promise<WatchedPersonRecord> {
  requireReader(user);
  const [person] = id.length <= 128 ? await getPeople(appContext().store, { ids: [id] }) : [];
  if (!person || !departmentScope(await listDepartments(), user).has(person.departmentId)) {
    fail(404, 'not_found', '人物不存在');
  }
  return person;
}

export function canManagePeople(user: User): boolean {
  return hasRole(user, ...PLAN_WRITERS);
}

/** Persons often named lately who are on no watch list, most named first. */
export async function peopleSuggestions(user: User, days = 7, limit = 20): Promise<PersonSuggestion[]> {
  requireReader(user);
  return getPeopleSuggestions(appContext().store, { since: Date.now() - days * 86_400_000, limit });
}

export interface SavedPerson {
  person: WatchedPersonRecord;
  backfill?: { scanned: number; mentions: number };
}

async function save(input: Record<string, unknown>, actorId: string): Promise<SavedPerson> {
  try {
    return await savePerson(appContext().store, input, actorId);
  } catch (err) {
    if (err instanceof PersonError) personInvalid(err);
    throw err;
  }
}

export async function createPerson(actor: Actor, input: CreatePerson): Promise<SavedPerson> {
  requireWriter(actor.user, '关注人物');
  const departmentId = await writableDepartment(actor.user, input.departmentId);
  const saved = await save({ ...input, departmentId }, actor.user.id);
  await audit(actor, 'person.create', saved.person.id, { person: saved.person, backfill: saved.backfill });
  return saved;
}

export async function updatePerson(actor: Actor, id: string, input: UpdatePerson): Promise<SavedPerson> {
  requireWriter(actor.user, '关注人物');
  const current = await findPerson(actor.user, id);
  const next = {
    id: current.id,
    departmentId: current.departmentId,
    name: input.name ?? current.name,
    aliases: input.aliases ?? current.aliases,
    roles: input.roles ?? current.roles,
    note: input.note ?? current.note,
    enabled: input.enabled ?? current.enabled,
  };
  const saved = await save(next, actor.user.id);
  await audit(actor, 'person.update', id, { before: current, after: saved.person, backfill: saved.backfill });
  return saved;
}

export async function deletePerson(actor: Actor, id: string): Promise<void> {
  requireWriter(actor.user, '关注人物');
  const current = await findPerson(actor.user, id);
  await deletePersonVersion(appContext().store, current.id, actor.user.id);
  await audit(actor, 'person.delete', id, current);
}
