import { randomUUID } from 'node:crypto';
import type { Store } from '@yuqing/schemas';
import { type DeadlinePolicy, deadlineFor } from './deadlines.ts';
import type { Letter, LetterEvent, LetterState } from './letter.ts';
import { LETTER_STATES, TRANSITIONS } from './letter.ts';
import { toLetterEventRow, toLetterRow } from './letter-rows.ts';
import { getLetter } from './queries/getLetter.ts';
import { getRecentLetterTexts } from './queries/getRecentLetterTexts.ts';
import { checkReply } from './reply-check.ts';
import { Triage } from './triage.ts';

/** A workflow step that cannot be done; `code` goes into the API's error body. */
export class LetterWorkflowError extends Error {
  override name = 'LetterWorkflowError';
  constructor(
    readonly code: 'not_found' | 'invalid_transition' | 'invalid_input',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface NewLetter {
  /** Given by the portal (its own message id) to make a retried submission idempotent. */
  id?: string;
  title: string;
  content: string;
  receivedAt?: string;
  author?: string;
  phone?: string;
  idNumber?: string;
  channel?: string;
  externalId?: string;
}

export interface WorkflowContext {
  /** User id, or `system` / `api:<token name>`. */
  actor: string;
  now?: string;
}

let lastVersion = 0;
/** Strictly increasing per process, ordered by time across processes. */
function nextVersion(previous = 0): number {
  lastVersion = Math.max(lastVersion + 1, Date.now() * 1000, previous + 1);
  return lastVersion;
}

/** A triage warmed with the latest stored letters, so new ones find their similar predecessors. */
export async function loadTriage(store: Store, limit = 5000): Promise<Triage> {
  const triage = new Triage();
  for (const l of await getRecentLetterTexts(store, limit)) triage.remember(l.id, l.title, l.content);
  return triage;
}

async function writeVersion(store: Store, letter: Letter, event: LetterEvent): Promise<void> {
  // Event first: a crash between the two leaves a recorded intent, never a silent change.
  await store.insert('letter_events', [toLetterEventRow(event)]);
  await store.insert('letters', [toLetterRow(letter)]);
}

/**
 * Stores a new letter with its triage (category, department, urgency, sentiment, similar) and its
 * deadline. A letter whose id is already stored is returned as it is (`created: false`).
 */
export async function receiveLetter(
  store: Store,
  input: NewLetter,
  context: WorkflowContext & { ownerDepartmentId?: string; triage?: Triage; policy?: DeadlinePolicy },
): Promise<{ letter: Letter; created: boolean }> {
  const id = input.id ?? randomUUID();
  const existing = await getLetter(store, id);
  if (existing) return { letter: existing, created: false };
  if (!input.content.trim())
    throw new LetterWorkflowError('invalid_input', 'the letter has no text', 'content');
  const now = context.now ?? new Date().toISOString();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date(now);
  if (Number.isNaN(receivedAt.getTime()))
    throw new LetterWorkflowError('invalid_input', `not a time: ${input.receivedAt}`, 'receivedAt');
  const triage = context.triage ?? (await loadTriage(store));
  const t = triage.triage({ id, title: input.title, content: input.content });
  const letter: Letter = {
    id,
    ownerDepartmentId: context.ownerDepartmentId ?? '',
    channel: input.channel ?? 'mailbox',
    externalId: input.externalId ?? '',
    title: input.title,
    content: input.content,
    author: input.author ?? '',
    phone: input.phone ?? '',
    idNumber: input.idNumber ?? '',
    receivedAt: receivedAt.toISOString(),
    category: t.category,
    categoryPath: t.categoryPath,
    suggestedDepartment: t.department,
    department: t.department,
    urgency: t.urgency,
    sentiment: t.sentiment,
    sentimentScore: t.evidence.sentimentScore,
    similar: t.similar,
    simhash: t.evidence.simhash,
    evidence: JSON.stringify(t.evidence),
    state: 'received',
    assignee: '',
    deadlineAt: deadlineFor(receivedAt, t.category, t.urgency, context.policy).toISOString(),
    reply: '',
    replyDepartment: '',
    repliedAt: null,
    replyCheck: '',
    closedAt: null,
    updatedAt: now,
    updatedBy: context.actor,
    version: nextVersion(),
  };
  await writeVersion(store, letter, {
    letterId: id,
    at: now,
    actor: context.actor,
    action: 'received',
    fromState: '',
    toState: 'received',
    note: `${t.categoryPath} → ${t.department}; ${t.urgency}`,
  });
  return { letter, created: true };
}

export interface TransitionInput {
  to: LetterState;
  note?: string;
  /** For `assigned`: the responsible department and, optionally, the person. */
  department?: string;
  assignee?: string;
  /** For `replied`: the reply text and the department that gives it. */
  reply?: string;
  replyDepartment?: string;
  /** Move the deadline (e.g. an approved extension). */
  deadlineAt?: string;
}

async function current(store: Store, id: string): Promise<Letter> {
  const letter = await getLetter(store, id);
  if (!letter) throw new LetterWorkflowError('not_found', `no letter ${id}`);
  return letter;
}

/** Moves a letter to another state, recording who, when, from, to and the note. */
export async function transitionLetter(
  store: Store,
  id: string,
  input: TransitionInput,
  context: WorkflowContext,
): Promise<Letter> {
  if (!LETTER_STATES.includes(input.to))
    throw new LetterWorkflowError('invalid_input', `unknown state ${input.to}`, 'to');
  const letter = await current(store, id);
  if (!TRANSITIONS[letter.state].includes(input.to))
    throw new LetterWorkflowError(
      'invalid_transition',
      `a ${letter.state} letter cannot become ${input.to}`,
      'to',
    );
  const now = context.now ?? new Date().toISOString();
  const next: Letter = {
    ...letter,
    state: input.to,
    updatedAt: now,
    updatedBy: context.actor,
    version: nextVersion(letter.version),
  };
  if (input.to === 'assigned') {
    if (!input.department && !letter.department)
      throw new LetterWorkflowError('invalid_input', 'name the responsible department', 'department');
    next.department = input.department ?? letter.department;
    next.assignee = input.assignee ?? '';
  }
  if (input.to === 'replied') {
    if (!input.reply?.trim()) throw new LetterWorkflowError('invalid_input', 'the reply is empty', 'reply');
    next.reply = input.reply;
    next.replyDepartment = input.replyDepartment ?? next.department;
    next.repliedAt = now;
    next.replyCheck = JSON.stringify(checkReply(letter, input.reply));
  }
  if (input.to === 'closed') next.closedAt = now;
  if (letter.state === 'closed') next.closedAt = null;
  if (input.deadlineAt) {
    if (Number.isNaN(Date.parse(input.deadlineAt)))
      throw new LetterWorkflowError('invalid_input', `not a time: ${input.deadlineAt}`, 'deadlineAt');
    next.deadlineAt = new Date(input.deadlineAt).toISOString();
  }
  const note = [
    input.note,
    input.to === 'assigned' ? `→ ${next.department}${next.assignee ? ` (${next.assignee})` : ''}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  await writeVersion(store, next, {
    letterId: id,
    at: now,
    actor: context.actor,
    action: letter.state === 'closed' ? 'reopened' : input.to,
    fromState: letter.state,
    toState: input.to,
    note,
  });
  return next;
}

/** A leader's instruction (批示) on a letter; it does not change the state. */
export async function addInstruction(
  store: Store,
  id: string,
  text: string,
  context: WorkflowContext,
): Promise<LetterEvent> {
  if (!text.trim()) throw new LetterWorkflowError('invalid_input', 'the instruction is empty', 'text');
  const letter = await current(store, id);
  const event: LetterEvent = {
    letterId: id,
    at: context.now ?? new Date().toISOString(),
    actor: context.actor,
    action: 'instruction',
    fromState: letter.state,
    toState: letter.state,
    note: text,
  };
  await store.insert('letter_events', [toLetterEventRow(event)]);
  return event;
}
