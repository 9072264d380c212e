import { randomUUID } from 'node:crypto';
import { getDocumentDetail, type Logger, type Store } from '@yuqing/schemas';
import type { CheckResult, DraftChecker } from './check.ts';
import { deliverAll, withdrawAll } from './deliver.ts';
import { getDraft } from './queries/getDraft.ts';
import { getDrafts } from './queries/getDrafts.ts';
import { htmlToText, sanitizeRichText, textToHtml } from './sanitize.ts';
import { type Action, nextState } from './state-machine.ts';
import { ColumnIdSchema, type Draft, type DraftState, PublishError } from './types.ts';
import { writeDraft, writePublishEvent } from './writes.ts';

export interface Actor {
  id: string;
  roles: readonly string[];
  departmentId: string;
}

export interface DraftEdit {
  /** The version the editor started from; a newer stored version is a conflict. */
  expectedVersion: number;
  title?: string;
  summary?: string;
  body?: string;
  column?: string;
}

export interface PublishServiceOptions {
  checker: DraftChecker;
  logger: Logger;
  /** Base URL of the dashboard as the portal sees it, for feed entry links. */
  feedBaseUrl?: string;
}

const LIMITS = { title: 200, summary: 2_000, body: 200_000 } as const;

/**
 * The publishing workflow: drafts pulled from analyzed documents, edited in versions, checked
 * against the maintained lists, approved by a second person, published to every target of the
 * column, withdrawn and archived. Every step, refused ones included, lands in publish_events.
 */
export class PublishService {
  private readonly logger: Logger;

  constructor(
    readonly store: Store,
    private readonly options: PublishServiceOptions,
  ) {
    this.logger = options.logger.child({ component: 'publish' });
  }

  async createDraft(actor: Actor, input: { documentId: string; column: string }): Promise<Draft> {
    nextState('draft', 'edit', actor.roles);
    const column = parseColumn(input.column);
    const doc = await getDocumentDetail(this.store, input.documentId);
    if (!doc) throw new PublishError('not_found', `文档不存在：${input.documentId}`, 'documentId');
    const open = (await getDrafts(this.store, { documentId: doc.id, limit: 500 })).find(
      (d) => d.column === column && d.state !== 'archived',
    );
    if (open)
      throw new PublishError('conflict', `该文档已在栏目「${column}」中有稿件：${open.id}`, 'documentId');
    const now = new Date().toISOString();
    const draft: Draft = {
      id: randomUUID(),
      documentId: doc.id,
      departmentId: actor.departmentId,
      column,
      title: doc.title.slice(0, LIMITS.title),
      summary: doc.summary.slice(0, LIMITS.summary),
      body: sanitizeRichText(textToHtml(doc.body || doc.summary)).slice(0, LIMITS.body),
      source: { url: doc.url, site: doc.site, name: doc.source, publishedAt: doc.publishedAt },
      state: 'draft',
      createdBy: actor.id,
      createdAt: now,
      updatedBy: actor.id,
      updatedAt: now,
      submittedBy: '',
      approvedBy: '',
      publishedAt: null,
      version: 1,
    };
    await writeDraft(this.store, draft);
    await this.audit(draft.id, actor, 'create', '', 'draft', { documentId: doc.id, column });
    return draft;
  }

  async get(id: string): Promise<Draft> {
    const draft = await getDraft(this.store, id);
    if (!draft) throw new PublishError('not_found', `稿件不存在：${id}`);
    return draft;
  }

  /** A new version with the changed fields; the body is sanitized before it is stored. */
  edit(actor: Actor, id: string, edit: DraftEdit): Promise<Draft> {
    return oneAtATime(id, () => this.applyEdit(actor, id, edit));
  }

  private async applyEdit(actor: Actor, id: string, edit: DraftEdit): Promise<Draft> {
    const draft = await this.get(id);
    const to = await this.guard(draft, actor, 'edit', edit.expectedVersion);
    const changes: Partial<Draft> = {};
    if (edit.title !== undefined) changes.title = required(edit.title, 'title', LIMITS.title);
    if (edit.summary !== undefined) changes.summary = limited(edit.summary, 'summary', LIMITS.summary);
    if (edit.body !== undefined) changes.body = limited(sanitizeRichText(edit.body), 'body', LIMITS.body);
    if (edit.column !== undefined) changes.column = parseColumn(edit.column);
    const next = this.bump(draft, actor, { ...changes, state: to, submittedBy: '', approvedBy: '' });
    await writeDraft(this.store, next);
    await this.audit(id, actor, 'edit', draft.state, to, {
      version: next.version,
      fields: Object.keys(changes),
    });
    return next;
  }

  /** Runs the list check and records its outcome; it changes nothing else. */
  async check(actor: Actor, id: string): Promise<CheckResult> {
    const draft = await this.get(id);
    const result = this.options.checker.check(draft);
    await this.audit(id, actor, 'check', draft.state, draft.state, summarize(result, draft.version));
    return result;
  }

  /**
   * A state change. Submit, approve and publish re-run the check and refuse on errors; approve
   * needs a second person; publish and retry deliver to the column's targets; withdraw takes the
   * item back from every target it reached.
   */
  act(
    actor: Actor,
    id: string,
    action: Exclude<Action, 'edit'>,
    options: { expectedVersion?: number; reason?: string } = {},
  ): Promise<Draft> {
    return oneAtATime(id, () => this.applyAction(actor, id, action, options));
  }

  private async applyAction(
    actor: Actor,
    id: string,
    action: Exclude<Action, 'edit'>,
    options: { expectedVersion?: number; reason?: string },
  ): Promise<Draft> {
    const draft = await this.get(id);
    const to = await this.guard(draft, actor, action, options.expectedVersion);
    if (action === 'reject' && !options.reason?.trim()) {
      await this.refuse(draft, actor, action, '退回须填写原因');
      throw new PublishError('bad_request', '退回须填写原因', 'reason');
    }
    if (action === 'approve' && draft.submittedBy === actor.id) {
      await this.refuse(draft, actor, action, '不能审核自己送审的稿件');
      throw new PublishError('forbidden', '不能审核自己送审的稿件：须由另一位总编审核');
    }
    if (action === 'submit' || action === 'approve' || action === 'publish') {
      if (!draft.title.trim() || !htmlToText(draft.body)) {
        const field = draft.title.trim() ? 'body' : 'title';
        await this.refuse(draft, actor, action, `${field} 为空`);
        throw new PublishError('bad_request', field === 'title' ? '标题不能为空' : '正文不能为空', field);
      }
      const result = this.options.checker.check(draft);
      if (!result.ok) {
        await this.refuse(draft, actor, action, JSON.stringify(summarize(result, draft.version)));
        const first = result.findings[0];
        throw new PublishError(
          'check_failed',
          `检查未通过：${result.errors} 处问题${first ? `，如「${first.term}」（${first.note}）` : ''}`,
        );
      }
    }
    const now = new Date().toISOString();
    const changes: Partial<Draft> = { state: to };
    if (action === 'submit') changes.submittedBy = actor.id;
    if (action === 'approve') changes.approvedBy = actor.id;
    if (action === 'reject') changes.approvedBy = '';
    if (action === 'publish') changes.publishedAt = now;
    const next = action === 'retry' ? draft : this.bump(draft, actor, changes);
    if (next !== draft) await writeDraft(this.store, next);
    await this.audit(id, actor, action, draft.state, to, options.reason ? { reason: options.reason } : {});
    if (action === 'publish' || (action === 'retry' && draft.state === 'published')) {
      await deliverAll(this.deliveryContext(actor), next, action === 'retry');
    }
    if (action === 'withdraw' || (action === 'retry' && draft.state === 'withdrawn')) {
      await withdrawAll(this.deliveryContext(actor), next, action === 'retry');
    }
    return next;
  }

  private deliveryContext(actor: Actor) {
    return {
      store: this.store,
      logger: this.logger,
      feedBaseUrl: this.options.feedBaseUrl ?? '',
      audit: (draftId: string, action: string, detail: Record<string, unknown>) =>
        this.audit(draftId, actor, action, '', '', detail),
    };
  }

  /** Checks role, transition and version; a refusal is audited before it is thrown. */
  private async guard(
    draft: Draft,
    actor: Actor,
    action: Action,
    expectedVersion?: number,
  ): Promise<DraftState> {
    try {
      if (expectedVersion !== undefined && expectedVersion !== draft.version) {
        throw new PublishError(
          'conflict',
          `稿件已被修改（当前版本 ${draft.version}，提交的版本 ${expectedVersion}），请刷新后重试`,
          'expectedVersion',
        );
      }
      return nextState(draft.state, action, actor.roles);
    } catch (error) {
      if (error instanceof PublishError) await this.refuse(draft, actor, action, error.message);
      throw error;
    }
  }

  private bump(draft: Draft, actor: Actor, changes: Partial<Draft>): Draft {
    return {
      ...draft,
      ...changes,
      updatedBy: actor.id,
      updatedAt: new Date().toISOString(),
      version: draft.version + 1,
    };
  }

  private refuse(draft: Draft, actor: Actor, action: string, message: string): Promise<void> {
    this.logger.info({ draft: draft.id, action, actor: actor.id }, 'publish step refused');
    return this.audit(draft.id, actor, `${action}.refused`, draft.state, draft.state, { message });
  }

  private audit(
    draftId: string,
    actor: Actor,
    action: string,
    fromState: string,
    toState: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    return writePublishEvent(this.store, {
      draftId,
      actor: actor.id,
      action,
      fromState,
      toState,
      detail: Object.keys(detail).length ? JSON.stringify(detail) : '',
    });
  }
}

/**
 * Changes to one draft run one after the other in this process, so two clicks on "publish" or
 * two editors saving at once meet the state machine and the version check in turn instead of
 * both passing them. (Across processes the version check is the guard.)
 */
const queues = new Map<string, Promise<unknown>>();
function oneAtATime<T>(id: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(id) ?? Promise.resolve();
  const run = previous.then(work, work);
  const settled = run.catch(() => undefined);
  queues.set(id, settled);
  void settled.then(() => {
    if (queues.get(id) === settled) queues.delete(id);
  });
  return run;
}

function parseColumn(column: string): string {
  const parsed = ColumnIdSchema.safeParse(column);
  if (!parsed.success)
    throw new PublishError('bad_request', parsed.error.issues[0]?.message ?? '栏目无效', 'column');
  return parsed.data;
}

function required(value: string, field: string, max: number): string {
  const v = limited(value.trim(), field, max);
  if (!v) throw new PublishError('bad_request', '标题不能为空', field);
  return v;
}

function limited(value: string, field: string, max: number): string {
  if (value.length > max) throw new PublishError('bad_request', `${field} 超过 ${max} 个字符`, field);
  return value;
}

function summarize(result: CheckResult, version: number) {
  return {
    version,
    ok: result.ok,
    errors: result.errors,
    warnings: result.warnings,
    terms: result.findings.slice(0, 20).map((f) => `${f.kind}:${f.term}`),
  };
}
