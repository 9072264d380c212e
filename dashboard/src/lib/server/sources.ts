import { error } from '@sveltejs/kit';
import {
  deleteManagedSource,
  getManagedSources,
  getSourceHealth,
  getSourceRunRequests,
  requestSourceRun,
  type SourceHealth,
  type SourceRunRequest,
  upsertManagedSource,
  writeAudit,
} from '@yuqing/schemas';
import type { Actor } from './admin.ts';
import { appContext, logger } from './context.ts';
import { loadSources, parseManagedSource, SourceSchema } from './sources-crawler.ts';
import type { SaveSource, UpdateSource } from './sources-requests.ts';

/**
 * Sources admin. The sources file (config/sources.yaml) is authoritative: its entries are shown
 * read-only. Sources added here live in `managed_sources`, are checked with the crawler's schema
 * and may be changed or deleted. Any source may be asked to run now.
 */

/** `file`: the sources file; `table`: added in the dashboard; `other`: seen in crawl runs only (the demo site). */
export type SourceOrigin = 'file' | 'table' | 'other';

export interface SourceView {
  id: string;
  origin: SourceOrigin;
  name: string;
  kind: string;
  enabled: boolean;
  /** The entry as configured (file) or stored (table); null for `other`. */
  definition: Record<string, unknown> | null;
  /** Why a table entry does not run (the crawler skips it). */
  problems: string[];
  /** A table entry whose id the file defines too: the file's entry runs. */
  shadowed: boolean;
  updatedBy: string;
  updatedAt: string | null;
  health: SourceHealth | null;
  runRequest: (SourceRunRequest & { pending: boolean }) | null;
}

function fail(status: number, code: string, message: string, field?: string): never {
  error(status, field === undefined ? { message, code } : { message, code, field });
}

async function audit(actor: Actor, action: string, target: string, detail: unknown): Promise<void> {
  await writeAudit(appContext().store, {
    actorId: actor.user.id,
    action,
    target,
    detail: JSON.stringify(detail),
    ip: actor.ip,
  });
  logger().info({ actor: actor.user.id, action, target }, 'admin change');
}

function fileSources() {
  return loadSources(appContext().config.sourcesFile);
}

export async function listSources(): Promise<{ items: SourceView[]; fileProblems: string[] }> {
  const { store } = appContext();
  const file = fileSources();
  const [managed, health, requests] = await Promise.all([
    getManagedSources(store),
    getSourceHealth(store, { runs: 5 }),
    getSourceRunRequests(store),
  ]);
  const healthOf = new Map(health.map((h) => [h.source, h]));
  const requestOf = new Map(requests.map((r) => [r.sourceId, r]));
  const extra = (id: string) => {
    const h = healthOf.get(id) ?? null;
    const r = requestOf.get(id);
    const pending = r ? !h || Date.parse(h.lastRun.startedAt) < Date.parse(r.requestedAt) : false;
    return { health: h, runRequest: r ? { ...r, pending } : null };
  };
  const fileIds = new Set(file.sources.map((s) => s.id));
  const items: SourceView[] = file.sources.map((s) => ({
    id: s.id,
    origin: 'file',
    name: s.name,
    kind: s.kind,
    enabled: s.enabled,
    definition: s as unknown as Record<string, unknown>,
    problems: [],
    shadowed: false,
    updatedBy: '',
    updatedAt: null,
    ...extra(s.id),
  }));
  for (const row of managed) {
    const parsed = parseManagedSource(row);
    const def = (
      typeof row.definition === 'object' && row.definition !== null ? row.definition : {}
    ) as Record<string, unknown>;
    items.push({
      id: row.id,
      origin: 'table',
      name: String(def.name ?? row.id),
      kind: String(def.kind ?? ''),
      enabled: row.enabled,
      definition: def,
      problems: parsed.problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)),
      shadowed: fileIds.has(row.id),
      updatedBy: row.updatedBy,
      updatedAt: row.updatedAt,
      ...extra(row.id),
    });
  }
  const known = new Set(items.map((i) => i.id));
  for (const h of health) {
    if (known.has(h.source)) continue;
    items.push({
      id: h.source,
      origin: 'other',
      name: h.source,
      kind: h.lastRun.kind,
      enabled: true,
      definition: null,
      problems: [],
      shadowed: false,
      updatedBy: '',
      updatedAt: null,
      ...extra(h.source),
    });
  }
  const fileProblems = file.problems.map((p) => `${p.file}:${p.line} ${p.message}`);
  return { items, fileProblems };
}

/** The entry as the crawler will read it, or a 400 naming the field inside `definition`. */
function validated(
  id: string,
  enabled: boolean,
  definition: Record<string, unknown>,
): Record<string, unknown> {
  const parsed = SourceSchema.safeParse({ ...definition, id, enabled });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') ?? '';
    fail(
      400,
      'bad_request',
      `信息源定义无效：${path ? `${path} ` : ''}${issue?.message ?? ''}`,
      `definition${path ? `.${path}` : ''}`,
    );
  }
  const { id: _id, enabled: _enabled, ...rest } = parsed.data;
  return rest;
}

function refuseFileSource(id: string): void {
  if (fileSources().sources.some((s) => s.id === id)) {
    fail(409, 'conflict', `信息源 ${id} 由配置文件定义，只能在文件中修改`, 'id');
  }
}

export async function createSource(actor: Actor, input: SaveSource): Promise<void> {
  refuseFileSource(input.id);
  if ((await getManagedSources(appContext().store)).some((s) => s.id === input.id)) {
    fail(409, 'conflict', `信息源 ${input.id} 已存在`, 'id');
  }
  const definition = validated(input.id, input.enabled, input.definition);
  await upsertManagedSource(appContext().store, {
    id: input.id,
    definition,
    enabled: input.enabled,
    updatedBy: actor.user.id,
  });
  await audit(actor, 'source.create', input.id, { enabled: input.enabled, definition });
}

export async function updateSource(actor: Actor, id: string, input: UpdateSource): Promise<void> {
  refuseFileSource(id);
  const current = (await getManagedSources(appContext().store)).find((s) => s.id === id);
  if (!current) fail(404, 'not_found', '信息源不存在');
  const enabled = input.enabled ?? current.enabled;
  const definition = validated(
    id,
    enabled,
    input.definition ?? ((current.definition ?? {}) as Record<string, unknown>),
  );
  await upsertManagedSource(appContext().store, { id, definition, enabled, updatedBy: actor.user.id });
  await audit(actor, 'source.update', id, { before: current.definition, after: definition, enabled });
}

export async function deleteSource(actor: Actor, id: string): Promise<void> {
  refuseFileSource(id);
  const current = (await getManagedSources(appContext().store)).find((s) => s.id === id);
  if (!current) fail(404, 'not_found', '信息源不存在');
  await deleteManagedSource(appContext().store, id, actor.user.id);
  await audit(actor, 'source.delete', id, current.definition);
}

/** "Run now": the scheduler runs the source at its next wake-up, whatever its interval. */
export async function runSourceNow(actor: Actor, id: string): Promise<void> {
  const { items } = await listSources();
  const source = items.find((s) => s.id === id);
  if (!source) fail(404, 'not_found', '信息源不存在');
  if (!source.enabled) fail(409, 'conflict', '信息源已停用，请先启用');
  await requestSourceRun(appContext().store, id, actor.user.id);
  await audit(actor, 'source.run', id, {});
}
