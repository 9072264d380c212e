import { z } from 'zod';

/**
 * Channel settings by kind, stored as JSON in `channels.config`. Secrets (`secret`, `password`)
 * stay in the store and in memory: they are never logged nor returned by the API.
 */
export const SmtpChannelSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(587),
  /** true: TLS from the start (port 465); false: STARTTLS when the server offers it. */
  secure: z.boolean().default(false),
  user: z.string().optional(),
  password: z.string().optional(),
  from: z.string().min(3),
  to: z.array(z.string().min(3)).min(1),
  /** Accept a self-signed certificate (a test or intranet server). */
  allowSelfSigned: z.boolean().default(false),
});

const HttpUrl = z.url({ protocol: /^https?$/ });

export const ChannelConfigSchemas = {
  inapp: z.strictObject({}),
  smtp: SmtpChannelSchema,
  /** Any HTTP endpoint; the body is signed with HMAC-SHA256 when a secret is set. */
  webhook: z.strictObject({ url: HttpUrl, secret: z.string().min(16).optional() }),
  /** 企业微信群机器人: the URL carries the key. */
  wecom: z.strictObject({ url: HttpUrl }),
  /** 钉钉自定义机器人, with its 加签 secret (SEC…) when the robot uses one. */
  dingtalk: z.strictObject({
    url: HttpUrl,
    secret: z.string().min(1).optional(),
    atMobiles: z.array(z.string()).default([]),
  }),
  /** 飞书自定义机器人, with its 签名校验 secret when set. */
  feishu: z.strictObject({ url: HttpUrl, secret: z.string().min(1).optional() }),
} as const;

export type ChannelKind = keyof typeof ChannelConfigSchemas;
export const CHANNEL_KINDS = Object.keys(ChannelConfigSchemas) as ChannelKind[];
export type ChannelConfig<K extends ChannelKind> = z.infer<(typeof ChannelConfigSchemas)[K]>;

export const isChannelKind = (kind: string): kind is ChannelKind => kind in ChannelConfigSchemas;
