import { LETTER_STATES } from '@yuqing/schemas';

type LetterState = (typeof LETTER_STATES)[number];

import { fail } from '@sveltejs/kit';
import { hasRole } from '$lib/server/access.ts';
import { appContext } from '$lib/server/context.ts';
import { getLetterCounts } from '$lib/server/mailbox/counts.ts';
import {
  dueLetters,
  HANDLER_ROLES,
  importUpload,
  letterScope,
  listLetters,
  MAX_IMPORT_BYTES,
  mailboxActor,
  READER_ROLES,
} from '$lib/server/mailbox/service.ts';
import { portalAdapter } from '$lib/server/publish/adapter.ts';
import { clientAddress } from '$lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

const OPEN: readonly string[] = ['received', 'assigned', 'replying'];
const isState = (s: string): s is LetterState => (LETTER_STATES as readonly string[]).includes(s);
const param = (url: URL, name: string, max: number) =>
  (url.searchParams.get(name) ?? '').trim().slice(0, max);

/** The letters list: filters by state, category, responsible department and overdue; counts and reminders. */
export const load: PageServerLoad = async (event) => {
  const actor = mailboxActor(event.locals, clientAddress(event), READER_ROLES);
  const { url } = event;
  const { store } = appContext();
  const state = param(url, 'state', 20);
  const category = param(url, 'category', 40);
  const department = param(url, 'department', 100);
  const overdue = url.searchParams.get('overdue') === '1';
  const states = isState(state) ? [state] : overdue ? (OPEN as LetterState[]) : undefined;
  const now = Date.now();
  const owners = [...(await letterScope(store, actor.user))];
  const [letters, counts, due, pa] = await Promise.all([
    listLetters(store, actor, {
      states,
      category: category || undefined,
      department: department || undefined,
      limit: overdue ? 500 : 200,
    }),
    getLetterCounts(store, owners, new Date(now).toISOString()),
    dueLetters(store, actor, 48),
    portalAdapter(),
  ]);
  const shown = overdue ? letters.filter((l) => Date.parse(l.deadlineAt) < now) : letters;
  return {
    filters: { state: isState(state) ? state : '', category, department, overdue },
    counts,
    due,
    categories: Object.keys(pa.DEPARTMENT_BY_LEVEL1),
    departments: [
      ...new Set([...Object.values(pa.DEPARTMENT_BY_LEVEL1), ...Object.values(pa.DEPARTMENT_BY_LEVEL2)]),
    ],
    canHandle: hasRole(actor.user, ...HANDLER_ROLES),
    letters: shown.slice(0, 200).map((l) => ({
      id: l.id,
      title: l.title,
      category: l.category,
      department: l.department || l.suggestedDepartment,
      urgency: l.urgency,
      sentiment: l.sentiment,
      state: l.state,
      receivedAt: l.receivedAt,
      deadlineAt: l.deadlineAt,
      overdue: OPEN.includes(l.state) && Date.parse(l.deadlineAt) < now,
    })),
  };
};

export const actions: Actions = {
  /** Imports a CSV or XLSX export of letters; bad rows come back with their row numbers. */
  import: async (event) => {
    const actor = mailboxActor(event.locals, clientAddress(event), HANDLER_ROLES);
    const form = await event.request.formData().catch(() => null);
    const file = form?.get('file');
    if (!(file instanceof File) || file.size === 0)
      return fail(400, { message: '请选择 .csv 或 .xlsx 文件', field: 'file' });
    if (file.size > MAX_IMPORT_BYTES) return fail(413, { message: '文件过大（最大 20 MB）', field: 'file' });
    try {
      const result = await importUpload(
        appContext().store,
        actor,
        file.name,
        new Uint8Array(await file.arrayBuffer()),
      );
      return {
        ok: result.problems.length === 0,
        message: `导入 ${result.created.length} 件，已存在 ${result.existing} 件，有问题 ${result.problems.length} 行`,
        problems: result.problems.slice(0, 50),
      };
    } catch (e) {
      // By name: the adapter's LetterWorkflowError class is loaded lazily.
      if (e instanceof Error && e.name === 'LetterWorkflowError')
        return fail(400, { message: e.message, field: 'file' });
      throw e;
    }
  },
};
