import {
  buildTarget,
  getPublishTargets,
  type PublishTargetRecord,
  targetRecords,
  writePublishTarget,
} from '@yuqing/portal-adapter';
import { writeAudit } from '@yuqing/schemas';
import { z } from 'zod';
import { apiError, badRequest } from '../api.ts';
import { appContext } from '../context.ts';
import type { TargetSchema } from './requests.ts';

const SECRET_KEYS = new Set(['secret', 'applicationPassword', 'password', 'token']);

/** A target as the API shows it: secrets replaced by whether they are set. */
export function publicTarget(t: PublishTargetRecord) {
  const config = Object.fromEntries(
    Object.entries(t.config).map(([k, v]) => (SECRET_KEYS.has(k) ? [k, v ? '(已设置)' : ''] : [k, v])),
  );
  return { id: t.id, name: t.name, kind: t.kind, columns: t.columns, enabled: t.enabled, config };
}

export async function listTargets(origin: string) {
  return (await targetRecords({ store: appContext().store, feedBaseUrl: origin })).map(publicTarget);
}

/**
 * Saves a target after building it once, so a bad config is a 400 naming the field rather than a
 * failure at publishing time. A secret left as shown (`(已设置)`) keeps the stored one.
 */
export async function saveTarget(
  actorId: string,
  input: z.output<typeof TargetSchema>,
  ip: string,
): Promise<Response | ReturnType<typeof publicTarget>> {
  const { store } = appContext();
  const stored = (await getPublishTargets(store)).find((t) => t.id === input.id);
  const config = { ...input.config };
  for (const key of SECRET_KEYS) {
    if (config[key] === '(已设置)' && stored) config[key] = stored.config[key];
  }
  const record: PublishTargetRecord = { ...input, config };
  try {
    buildTarget(record, { store });
  } catch (error) {
    if (error instanceof z.ZodError) {
      const issue = error.issues[0];
      return apiError(
        400,
        'bad_request',
        issue?.message ?? '配置无效',
        `config.${issue?.path.join('.') ?? ''}`,
      );
    }
    return badRequest(error as z.ZodError);
  }
  await writePublishTarget(store, record);
  await writeAudit(store, {
    actorId,
    action: 'publish.target.save',
    target: record.id,
    detail: `${record.kind} ${record.enabled ? 'enabled' : 'disabled'}`,
    ip,
  });
  return publicTarget(record);
}
