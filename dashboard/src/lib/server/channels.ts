import { randomUUID } from 'node:crypto';
import { error } from '@sveltejs/kit';
import {
  type ChannelRecord,
  getAlertChannels,
  getAlertRules,
  saveChannel,
  writeAudit,
} from '@yuqing/schemas';
import { type Actor, listDepartments } from './admin.ts';
import { ChannelConfigSchemas, isChannelKind } from './alerts-engine.ts';
import type { CreateChannel, UpdateChannel } from './channels-requests.ts';
import { maskConfig, restoreSecrets } from './channels-secrets.ts';
import { appContext, logger } from './context.ts';

/**
 * Alert channels admin. Configs are checked against the notifier's schema for their kind;
 * secrets stay on the server: lists, answers and the audit log carry masked values only.
 */

/** A channel as the browser may see it. */
export type ChannelView = Omit<ChannelRecord, 'config'> & { config: Record<string, unknown> };

function fail(status: number, code: string, message: string, field?: string): never {
  error(status, field === undefined ? { message, code } : { message, code, field });
}

const view = (c: ChannelRecord): ChannelView => ({ ...c, config: maskConfig(c.kind, c.config) });

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

export async function listChannels(): Promise<ChannelView[]> {
  return (await getAlertChannels(appContext().store)).map(view);
}

async function findChannel(id: string): Promise<ChannelRecord> {
  const [channel] = await getAlertChannels(appContext().store, { ids: [id] });
  if (!channel) fail(404, 'not_found', '通知渠道不存在');
  return channel;
}

async function validated(record: ChannelRecord): Promise<ChannelRecord> {
  if (!(await listDepartments()).some((d) => d.id === record.departmentId)) {
    fail(400, 'bad_request', '部门不存在', 'departmentId');
  }
  if (!isChannelKind(record.kind)) fail(400, 'bad_request', '渠道类型无效', 'kind');
  const parsed = ChannelConfigSchemas[record.kind].safeParse(record.config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    fail(
      400,
      'bad_request',
      `渠道配置无效：${path ? `${path} ` : ''}${issue?.message ?? ''}`,
      `config${path ? `.${path}` : ''}`,
    );
  }
  return { ...record, config: parsed.data };
}

export async function createChannel(actor: Actor, input: CreateChannel): Promise<ChannelView> {
  const channel = await validated({ id: randomUUID(), ...input });
  await saveChannel(appContext().store, channel);
  await audit(actor, 'channel.create', channel.id, view(channel));
  return view(channel);
}

export async function updateChannel(actor: Actor, id: string, input: UpdateChannel): Promise<ChannelView> {
  const current = await findChannel(id);
  const config = input.config ? restoreSecrets(current.kind, input.config, current.config) : current.config;
  const next = await validated({ ...current, ...input, config });
  await saveChannel(appContext().store, next);
  await audit(actor, 'channel.update', id, { before: view(current), after: view(next) });
  return view(next);
}

/** A channel still named by a rule cannot go: the rule would notify nowhere without saying so. */
export async function deleteChannel(actor: Actor, id: string): Promise<void> {
  const current = await findChannel(id);
  const users = (await getAlertRules(appContext().store)).filter((r) =>
    ((r.definition as { notify?: { channels?: string[] } } | null)?.notify?.channels ?? []).includes(id),
  );
  if (users.length > 0) {
    fail(409, 'conflict', `请先从规则中移除此渠道：${users.map((r) => r.name).join('、')}`);
  }
  await saveChannel(appContext().store, { ...current, deleted: true });
  await audit(actor, 'channel.delete', id, view(current));
}
