/**
 * Which channel settings are secrets, and how the browser sees them. A webhook robot's URL
 * carries its key (企业微信 `key=`, 钉钉 `access_token=`, 飞书 the hook id), so it counts as one.
 * The browser only ever gets masked values; sending a masked value back keeps the stored one.
 */
export const MASK = '******';

export const SECRET_FIELDS: Readonly<Record<string, readonly string[]>> = {
  inapp: [],
  smtp: ['password'],
  webhook: ['secret'],
  wecom: ['url'],
  dingtalk: ['url', 'secret'],
  feishu: ['url', 'secret'],
};

function maskValue(field: string, value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return value;
  if (field === 'url') {
    try {
      return `${new URL(value).origin}/${MASK}`;
    } catch {
      return MASK;
    }
  }
  return MASK;
}

type ConfigObject = Record<string, unknown>;

export function maskConfig(kind: string, config: unknown): ConfigObject {
  const out: ConfigObject = { ...((config as ConfigObject | null) ?? {}) };
  for (const field of SECRET_FIELDS[kind] ?? []) {
    if (field in out) out[field] = maskValue(field, out[field]);
  }
  return out;
}

/** `input` with every masked secret replaced by the stored value of the same kind. */
export function restoreSecrets(kind: string, input: ConfigObject, stored: unknown): ConfigObject {
  const old = (stored as ConfigObject | null) ?? {};
  const out = { ...input };
  for (const field of SECRET_FIELDS[kind] ?? []) {
    if (out[field] !== undefined && out[field] === maskValue(field, old[field])) out[field] = old[field];
  }
  return out;
}
