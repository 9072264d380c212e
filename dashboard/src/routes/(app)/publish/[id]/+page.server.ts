import { fail } from '@sveltejs/kit';
import { DRAFT_ACTION_NAMES, DRAFT_STATE_NAMES } from '$lib/components/publish-labels.ts';
import { appContext } from '$lib/server/context.ts';
import { parseForm } from '$lib/server/forms.ts';
import { portalAdapter } from '$lib/server/publish/adapter.ts';
import { isPlainBody, publishFormAction, userNames } from '$lib/server/publish/pages.ts';
import { ActionBodySchema, DraftActionSchema, EditDraftSchema } from '$lib/server/publish/requests.ts';
import { publishActor, publishService, visibleDraft } from '$lib/server/publish/service.ts';
import { listTargets } from '$lib/server/publish/targets.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = publishActor(locals);
  const draft = await visibleDraft(actor, params.id);
  const pa = await portalAdapter();
  const { store } = appContext();
  const [events, publications, targets, names] = await Promise.all([
    pa.getPublishEvents(store, draft.id),
    pa.getPublications(store, draft.id),
    listTargets(url.origin),
    userNames(),
  ]);
  const plain = isPlainBody(draft.body);
  return {
    draft,
    // The preview is the stored body sanitized once more: never the crawled page's HTML.
    previewHtml: pa.sanitizeRichText(draft.body),
    bodyText: plain ? pa.htmlToText(draft.body) : draft.body,
    bodyFormat: plain ? ('text' as const) : ('html' as const),
    actions: pa.allowedActions(draft.state, actor.roles),
    events: [...events].reverse(),
    publications,
    targets: targets
      .filter((t) => t.enabled && (t.columns.length === 0 || t.columns.includes(draft.column)))
      .map((t) => ({ id: t.id, name: t.name, kind: t.kind })),
    userNames: names,
    feedPath: `/feeds/${encodeURIComponent(draft.column)}/rss.xml`,
  };
};

function field(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === 'string' ? v : undefined;
}

export const actions: Actions = {
  edit: async ({ locals, params, request }) => {
    const actor = publishActor(locals);
    const form = await request.formData();
    const format = field(form, 'format') === 'html' ? 'html' : 'text';
    const rawBody = field(form, 'body');
    const pa = await portalAdapter();
    const parsed = parseForm(EditDraftSchema, {
      expectedVersion: Number(field(form, 'expectedVersion')),
      title: field(form, 'title'),
      summary: field(form, 'summary'),
      // Plain text becomes escaped paragraphs; rich text is sanitized by the service either way.
      body: rawBody === undefined ? undefined : format === 'text' ? pa.textToHtml(rawBody) : rawBody,
      column: field(form, 'column'),
    });
    if (!parsed.ok) return parsed.failure;
    return publishFormAction(async () => {
      const draft = await visibleDraft(actor, params.id);
      const next = await (await publishService()).edit(actor, draft.id, parsed.data);
      return { ok: true, message: `已保存为第 ${next.version} 版` };
    });
  },
  check: async ({ locals, params }) => {
    const actor = publishActor(locals);
    return publishFormAction(async () => {
      const draft = await visibleDraft(actor, params.id);
      const check = await (await publishService()).check(actor, draft.id);
      const message = check.ok
        ? `检查通过：${check.warnings} 处提示`
        : `检查未通过：${check.errors} 处错误，${check.warnings} 处提示`;
      return { ok: check.ok, message, check };
    });
  },
  act: async ({ locals, params, request }) => {
    const actor = publishActor(locals);
    const form = await request.formData();
    const action = DraftActionSchema.safeParse(field(form, 'action'));
    if (!action.success) return fail(400, { message: '未知操作', field: 'action' });
    const version = Number(field(form, 'expectedVersion'));
    const body = ActionBodySchema.safeParse({
      expectedVersion: Number.isInteger(version) && version > 0 ? version : undefined,
      reason: field(form, 'reason') || undefined,
    });
    if (!body.success) return fail(400, { message: body.error.issues[0]?.message ?? '输入无效' });
    return publishFormAction(async () => {
      const draft = await visibleDraft(actor, params.id);
      const next = await (await publishService()).act(actor, draft.id, action.data, body.data);
      return {
        ok: true,
        message: `已${DRAFT_ACTION_NAMES[action.data]}，稿件现为「${DRAFT_STATE_NAMES[next.state]}」`,
      };
    });
  },
};
