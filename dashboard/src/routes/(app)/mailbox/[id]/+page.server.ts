import { type ActionFailure, fail } from '@sveltejs/kit';
import { getUsers } from '@yuqing/schemas';
import { LETTER_STATE_NAMES } from '$lib/components/mailbox-labels.ts';
import { hasRole } from '$lib/server/access.ts';
import { appContext } from '$lib/server/context.ts';
import { type FormFailure, formAction, parseForm } from '$lib/server/forms.ts';
import { getRelatedLetters } from '$lib/server/mailbox/related.ts';
import { InstructionSchema, TransitionSchema } from '$lib/server/mailbox/requests.ts';
import {
  changeState,
  HANDLER_ROLES,
  INSTRUCTION_ROLES,
  instruct,
  letterDetail,
  letterScope,
  mailboxActor,
  READER_ROLES,
} from '$lib/server/mailbox/service.ts';
import { portalAdapter } from '$lib/server/publish/adapter.ts';
import { clientAddress } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

interface Evidence {
  classes?: Array<{ category: string; score: number; terms: string[] }>;
  confidence?: number;
  urgencySignals?: string[];
  sentimentScore?: number;
  sentimentTerms?: string[];
  similar?: Array<{ id: string; kind: string; score: number }>;
}

interface ReplyCheck {
  points: Array<{ term: string; answered: boolean }>;
  coverage: number;
  questions: Array<{ question: string; answered: boolean }>;
  namesDepartment: boolean;
  namesTime: boolean;
  namesContact: boolean;
  ok: boolean;
  missing: string[];
}

function parseJson<T>(text: string): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export const load: PageServerLoad = async (event) => {
  const actor = mailboxActor(event.locals, clientAddress(event), READER_ROLES);
  const { store } = appContext();
  const { letter, events } = await letterDetail(store, actor, event.params.id);
  const owners = [...(await letterScope(store, actor.user))];
  const [related, users, pa] = await Promise.all([
    getRelatedLetters(store, letter.id, letter.similar, owners),
    getUsers(store),
    portalAdapter(),
  ]);
  const evidence = parseJson<Evidence>(letter.evidence) ?? {};
  const canHandle = hasRole(actor.user, ...HANDLER_ROLES);
  // The strongest class's matched terms are what the letter is about: a search for them finds the
  // online reports of the same matter.
  const keywords = (evidence.classes?.[0]?.terms ?? []).slice(0, 3);
  return {
    letter,
    events: [...events].reverse(),
    evidence,
    replyCheck: parseJson<ReplyCheck>(letter.replyCheck),
    related,
    similarKinds: Object.fromEntries((evidence.similar ?? []).map((s) => [s.id, s])),
    transitions: canHandle ? [...pa.TRANSITIONS[letter.state]] : [],
    canInstruct: hasRole(actor.user, ...INSTRUCTION_ROLES),
    departments: [
      ...new Set([...Object.values(pa.DEPARTMENT_BY_LEVEL1), ...Object.values(pa.DEPARTMENT_BY_LEVEL2)]),
    ],
    searchHref: keywords.length > 0 ? `/search?q=${encodeURIComponent(keywords.join(' '))}` : null,
    keywords,
    userNames: Object.fromEntries(users.map((u) => [u.id, u.displayName || u.username])),
    overdue:
      ['received', 'assigned', 'replying'].includes(letter.state) &&
      Date.parse(letter.deadlineAt) < Date.now(),
  };
};

function text(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** A workflow refusal or a kit error (403, 404) back to the form as a failure. */
function letterFormAction<T>(work: () => Promise<T>): Promise<T | ActionFailure<FormFailure>> {
  return formAction(async () => {
    try {
      return await work();
    } catch (e) {
      // By name: the adapter's LetterWorkflowError class is loaded lazily.
      if (!(e instanceof Error) || e.name !== 'LetterWorkflowError') throw e;
      const { code, field } = e as Error & { code: string; field?: string };
      return fail(code === 'not_found' ? 404 : code === 'invalid_transition' ? 409 : 400, {
        message: e.message,
        field,
      });
    }
  });
}

/** A `datetime-local` value is Beijing time. */
function beijing(local: string | undefined): string | undefined {
  if (!local) return undefined;
  return /[zZ]|[+-]\d\d:\d\d$/.test(local) ? local : `${local.length === 16 ? `${local}:00` : local}+08:00`;
}

export const actions: Actions = {
  transition: async (event) => {
    const actor = mailboxActor(event.locals, clientAddress(event), HANDLER_ROLES);
    const form = await event.request.formData();
    const parsed = parseForm(TransitionSchema, {
      to: text(form, 'to'),
      note: text(form, 'note'),
      department: text(form, 'department'),
      assignee: text(form, 'assignee'),
      reply: text(form, 'reply'),
      replyDepartment: text(form, 'replyDepartment'),
      deadlineAt: beijing(text(form, 'deadlineAt')),
    });
    if (!parsed.ok) return parsed.failure;
    return letterFormAction(async () => {
      const letter = await changeState(appContext().store, actor, event.params.id, parsed.data);
      return { ok: true, message: `信件已变更为「${LETTER_STATE_NAMES[letter.state] ?? letter.state}」` };
    });
  },
  instruct: async (event) => {
    const actor = mailboxActor(event.locals, clientAddress(event), INSTRUCTION_ROLES);
    const form = await event.request.formData();
    const parsed = InstructionSchema.safeParse({ text: text(form, 'text') ?? '' });
    if (!parsed.success)
      return fail(400, { message: parsed.error.issues[0]?.message ?? '输入无效', field: 'text' });
    return letterFormAction(async () => {
      await instruct(appContext().store, actor, event.params.id, parsed.data.text);
      return { ok: true, message: '批示已记录' };
    });
  },
};
