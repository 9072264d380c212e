import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { error } from '@sveltejs/kit';
import type {
  Letter,
  LetterFilter,
  LetterWorkflowError,
  TransitionInput,
  Triage,
} from '@yuqing/portal-adapter';
import { getDepartments, type Role, type Store, type User, writeAudit } from '@yuqing/schemas';
import type { z } from 'zod';
import { departmentScope, requireRole } from '../access.ts';
import { apiError } from '../api.ts';
import { portalAdapter } from '../publish/adapter.ts';
import type { CreateLetterSchema } from './requests.ts';

/** Who handles letters (receive, assign, reply, close): mailbox editors. Admins hold every role. */
export const HANDLER_ROLES: readonly Role[] = ['editor'];
/** Who reads letters, reminders and statistics. */
export const READER_ROLES: readonly Role[] = ['editor', 'leader'];
/** Who gives instructions (批示). */
export const INSTRUCTION_ROLES: readonly Role[] = ['leader'];

export interface MailboxActor {
  user: User;
  ip: string;
}

export function mailboxActor(locals: App.Locals, ip: string, roles: readonly Role[]): MailboxActor {
  return { user: requireRole(locals, ...roles), ip };
}

let triage: Promise<Triage> | undefined;
/** One triage per process, seeded from the stored letters on first use. */
function sharedTriage(store: Store): Promise<Triage> {
  triage ??= portalAdapter()
    .then(({ loadTriage }) => loadTriage(store))
    .catch((e: unknown) => {
      triage = undefined;
      throw e;
    });
  return triage;
}

async function audit(
  store: Store,
  actor: MailboxActor,
  action: string,
  target: string,
  detail = '',
): Promise<void> {
  await writeAudit(store, { actorId: actor.user.id, action, target, detail, ip: actor.ip });
}

/** The departments whose letters the actor may see (their own and below; an admin: all). */
export async function letterScope(store: Store, user: User): Promise<Set<string>> {
  return departmentScope(await getDepartments(store), user);
}

/** The letter as the actor may see it, with phone and ID numbers masked unless their role needs them. */
export async function viewOf(letter: Letter, user: User): Promise<Letter> {
  const { maskLetterFor } = await portalAdapter();
  return maskLetterFor(letter, user.roles);
}

export async function createLetter(
  store: Store,
  actor: MailboxActor,
  input: z.output<typeof CreateLetterSchema>,
): Promise<{ letter: Letter; created: boolean }> {
  const { receiveLetter } = await portalAdapter();
  const result = await receiveLetter(store, input, {
    actor: actor.user.id,
    ownerDepartmentId: actor.user.departmentId,
    triage: await sharedTriage(store),
  });
  if (result.created) await audit(store, actor, 'letter.create', result.letter.id, result.letter.category);
  return { letter: await viewOf(result.letter, actor.user), created: result.created };
}

export async function listLetters(
  store: Store,
  actor: MailboxActor,
  filter: LetterFilter,
): Promise<Letter[]> {
  const owners = [...(await letterScope(store, actor.user))];
  const { getLetters } = await portalAdapter();
  const letters = await getLetters(store, { ...filter, ownerDepartmentIds: owners });
  return Promise.all(letters.map((l) => viewOf(l, actor.user)));
}

/** A letter in the actor's scope, or a 404 (letters of other departments are not revealed). */
export async function visibleLetter(store: Store, actor: MailboxActor, id: string): Promise<Letter> {
  const { getLetter } = await portalAdapter();
  const letter = await getLetter(store, id);
  if (!letter || !(await letterScope(store, actor.user)).has(letter.ownerDepartmentId)) {
    error(404, { message: '信件不存在', code: 'not_found' });
  }
  return letter;
}

export async function letterDetail(store: Store, actor: MailboxActor, id: string) {
  const letter = await visibleLetter(store, actor, id);
  const { canSeePersonalData, getLetterEvents, maskPersonalData } = await portalAdapter();
  const events = await getLetterEvents(store, id);
  await audit(store, actor, 'letter.view', id);
  const masked = !canSeePersonalData(actor.user.roles);
  return {
    letter: await viewOf(letter, actor.user),
    events: masked ? events.map((e) => ({ ...e, note: maskPersonalData(e.note) })) : events,
  };
}

export async function changeState(
  store: Store,
  actor: MailboxActor,
  id: string,
  input: TransitionInput,
): Promise<Letter> {
  await visibleLetter(store, actor, id);
  const { transitionLetter } = await portalAdapter();
  const next = await transitionLetter(store, id, input, { actor: actor.user.id });
  await audit(store, actor, 'letter.transition', id, input.to);
  return viewOf(next, actor.user);
}

export async function instruct(store: Store, actor: MailboxActor, id: string, text: string) {
  await visibleLetter(store, actor, id);
  const { addInstruction } = await portalAdapter();
  const event = await addInstruction(store, id, text, { actor: actor.user.id });
  await audit(store, actor, 'letter.instruction', id);
  return event;
}

export async function dueLetters(store: Store, actor: MailboxActor, withinHours: number) {
  const owners = [...(await letterScope(store, actor.user))];
  const { getDueLetters } = await portalAdapter();
  return getDueLetters(store, { withinHours, ownerDepartmentIds: owners });
}

export async function mailboxStats(store: Store, actor: MailboxActor, from: string, to: string) {
  const owners = [...(await letterScope(store, actor.user))];
  const { getMailboxStats } = await portalAdapter();
  return getMailboxStats(store, { from, to, ownerDepartmentIds: owners });
}

const STATUS: Record<LetterWorkflowError['code'], number> = {
  not_found: 404,
  invalid_transition: 409,
  invalid_input: 400,
};

/** A workflow refusal as the API's JSON error; anything else is rethrown. */
export function workflowErrorResponse(e: unknown): Response {
  if (isWorkflowError(e)) return apiError(STATUS[e.code], e.code, e.message, e.field);
  throw e;
}

// By name, not instanceof: the adapter is loaded lazily and this module must not import it.
function isWorkflowError(e: unknown): e is LetterWorkflowError {
  return e instanceof Error && e.name === 'LetterWorkflowError';
}

/** Largest import file accepted (a year of a busy mailbox as XLSX is a few MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * Imports an uploaded CSV or XLSX export of letters into the actor's department: every good row is
 * received (triaged, deadline set), bad rows come back with their row numbers.
 */
export async function importUpload(store: Store, actor: MailboxActor, name: string, bytes: Uint8Array) {
  const ext = path.extname(name).toLowerCase();
  const { importLetters, LetterWorkflowError } = await portalAdapter();
  if (ext !== '.csv' && ext !== '.xlsx')
    throw new LetterWorkflowError('invalid_input', '只支持 .csv 或 .xlsx 文件', 'file');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yuqing-letters-'));
  try {
    const file = path.join(dir, `upload${ext}`);
    await writeFile(file, bytes);
    const result = await importLetters(store, file, {
      actor: actor.user.id,
      ownerDepartmentId: actor.user.departmentId,
    });
    await audit(
      store,
      actor,
      'letter.import',
      name,
      `${result.created.length} created, ${result.problems.length} problems`,
    );
    return {
      created: await Promise.all(result.created.map((l) => viewOf(l, actor.user))),
      existing: result.existing,
      problems: result.problems,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
