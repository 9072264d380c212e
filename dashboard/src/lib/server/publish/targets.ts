import type { PublishTargetRecord } from '@yuqing/portal-adapter';
import { writeAudit } from '@yuqing/schemas';
import { z } from 'zod';
import { apiError } from '../api.ts';
import { appContext } from '../context.ts';
import { portalAdapter } from './adapter.ts';
import type { TargetSchema } from './requests.ts';

const SECRET_KEYS = new Set(['secret', 'applicationPassword', 'password', 'token']);
const SET = '(已设置)';

/** A target as the API shows it: secrets replaced by whether they are set. */
export function publicTarget(t: PublishTargetRecord) {
  const config = Object.fromEntries(
    Object.entries(t.config).map(([k, v]) => (SECRET_KEYS.has(k) ? [k, v ? SET : ''] : [k, v])),
  );
  return { id: t.id, name: t.name, kind: t.kind, columns: t.columns, enabled: t.enabled, config };
}

export async function listTargets(origin: string) {
  const pa = await portalAdapter();
  return (await pa.targetRecords({ store: appContext().store, feedBaseUrl: origin })).map(publicTarget);
}

/**
 * Saves a target after building it once, so a bad config is a 400 naming the field rather than a
 * failure at publishing time. A secret sent back as shown (`(已设置)`) keeps the stored one.
 */
export async function saveTarget(
  actorId: string,
  input: z.output<typeof TargetSchema>,
  ip: string,
): Promise<Response | ReturnType<typeof publicTarget>> {
  const pa = await portalAdapter();
  const { store } = appContext();
  const stored = (await pa.getPublishTargets(store)).find((t) => t.id === input.id);
  const config = { ...input.config };
  for (const key of SECRET_KEYS) {
    if (config[key] === SET && stored) config[key] = stored.config[key];
  }
  const record: PublishTargetRecord = { ...input, config };
  try {
    pa.buildTarget(record, { store });
  } catch (error) {
    const issue = error instanceof z.ZodError ? error.issues[0] : undefined;
    const message = issue?.message ?? (error as Error).message;
    return apiError(400, 'bad_request', `配置无效：${message}`, `config.${issue?.path.join('.') ?? ''}`);
  }
  await pa.writePublishTarget(store, record);
  await writeAudit(store, {
    actorId,
    action: 'publish.target.save',
    target: record.id,
    detail: `${record.kind} ${record.enabled ? 'enabled' : 'disabled'}`,
    ip,
  });
  return publicTarget(record);
}
