import path from 'node:path';
import { inspect } from 'node:util';
import { z } from 'zod';

/**
 * A secret from the environment. Printing, logging or serialising it shows `[set]`; only
 * `reveal()` hands out the value, so `yuqing config` and a logged config never leak it.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toJSON(): string {
    return '[set]';
  }
  toString(): string {
    return '[set]';
  }
  [inspect.custom](): string {
    return '[set]';
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Every option of the platform, with its environment variable and default. Parsed once at
 * start-up into a frozen object that is passed down; nothing else reads process.env.
 */
const OPTIONS = {
  dataDir: {
    env: 'YUQING_DATA_DIR',
    schema: z.string().min(1).default('./data'),
    doc: 'Data directory; the embedded ClickHouse lives in `<dir>/clickhouse`.',
  },
  host: {
    env: 'HOST',
    schema: z.string().min(1).default('127.0.0.1'),
    doc: 'Address the dashboard listens on.',
  },
  port: {
    env: 'PORT',
    schema: z.coerce.number().int().min(0).max(65535).default(3000),
    doc: 'Port the dashboard listens on (0 picks a free one).',
  },
  clickhouseUrl: {
    env: 'CLICKHOUSE_URL',
    schema: z.url().optional(),
    doc: 'ClickHouse server URL (e.g. `http://127.0.0.1:8123`). Unset: the embedded engine (chDB).',
  },
  clickhouseUser: {
    env: 'CLICKHOUSE_USER',
    schema: z.string().default('default'),
    doc: 'ClickHouse user (remote engine only).',
  },
  clickhousePassword: {
    env: 'CLICKHOUSE_PASSWORD',
    schema: z.string().default(''),
    doc: 'ClickHouse password (remote engine only; never logged).',
  },
  clickhouseDatabase: {
    env: 'CLICKHOUSE_DATABASE',
    schema: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier')
      .default('yuqing'),
    doc: 'ClickHouse database (remote engine only; created if missing).',
  },
  clickhouseCluster: {
    env: 'CLICKHOUSE_CLUSTER',
    schema: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier')
      .optional(),
    doc: 'Cluster name: DDL runs `ON CLUSTER` with Replicated tables behind Distributed tables.',
  },
  adminPassword: {
    env: 'YUQING_ADMIN_PASSWORD',
    schema: z.string().min(8, 'must have at least 8 characters').optional(),
    doc: 'Password of the `admin` account created on first start; generated and printed once when unset.',
  },
  sourcesFile: {
    env: 'YUQING_SOURCES',
    schema: z.string().min(1).default('config/sources.yaml'),
    doc: 'Sources file; when it is missing or lists no enabled source, the bundled demo site is crawled.',
  },
  demo: {
    env: 'YUQING_DEMO',
    schema: z.enum(['auto', 'on', 'off']).default('auto'),
    doc: '`auto`: serve and crawl the demo site when no source is configured; `on`: always; `off`: never.',
  },
  demoPort: {
    env: 'YUQING_DEMO_PORT',
    schema: z.coerce.number().int().min(1).max(65535).default(3900),
    doc: 'Loopback port of the demo news site; keep it stable, document URLs include it.',
  },
  crawlIntervalSeconds: {
    env: 'YUQING_CRAWL_INTERVAL',
    schema: z.coerce.number().int().min(5).default(30),
    doc: 'Seconds between crawl scheduler polls; each source runs every `intervalMinutes` of its own, or at once when 立即采集 is requested.',
  },
  analyzeIntervalSeconds: {
    env: 'YUQING_ANALYZE_INTERVAL',
    schema: z.coerce.number().min(0.1).default(1),
    doc: 'Seconds the analyzer waits when it finds nothing new.',
  },
  sensitivityRules: {
    env: 'YUQING_SENSITIVITY_RULES',
    schema: z.string().min(1).optional(),
    doc: 'Sensitivity rule file (YAML) merged over the default rules (analyzer/rules/README.md).',
  },
  analyzerWorkers: {
    env: 'YUQING_ANALYZER_WORKERS',
    schema: z.coerce.number().int().min(0).max(64).default(2),
    doc: 'Worker threads for text analysis (0: analyze on the main thread).',
  },
  publicUrl: {
    env: 'YUQING_PUBLIC_URL',
    schema: z.url().optional(),
    doc: 'Address users reach the dashboard at (behind a proxy), for links in notifications and reports. Unset: the listening address.',
  },
  homeRegions: {
    env: 'YUQING_HOME_REGIONS',
    schema: z
      .string()
      .default('')
      .transform((s) =>
        s
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^\d{6}$/, 'GB/T 2260 codes of six digits, comma-separated'))),
    doc: 'The jurisdiction, as GB/T 2260 region codes (e.g. `330100,330200`): documents about it weigh more in the opinion index.',
  },
  reports: {
    env: 'YUQING_REPORTS',
    schema: z.enum(['on', 'off']).default('on'),
    doc: 'Scheduled reports: daily 08:00, weekly Monday 08:30, monthly on the 1st 09:00 (Beijing time), kept in `<dir>/reports` and sent to the mail and webhook channels.',
  },
  oidcIssuer: {
    env: 'YUQING_OIDC_ISSUER',
    schema: z
      .url()
      .refine((u) => {
        const url = new URL(u);
        return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
      }, 'must be an https URL (plain http only on the loopback address, for tests)')
      .optional(),
    doc: 'OpenID Connect issuer of the unified identity service (统一身份认证), e.g. `https://sso.example.gov.cn/realms/main`. Unset: sign-in with local passwords only. Needs `YUQING_OIDC_CLIENT_ID` and `YUQING_PUBLIC_URL`; the redirect URI to register is `<YUQING_PUBLIC_URL>/auth/oidc/callback`.',
  },
  oidcClientId: {
    env: 'YUQING_OIDC_CLIENT_ID',
    schema: z.string().min(1).optional(),
    doc: 'Client ID of the platform at the identity service.',
  },
  oidcClientSecret: {
    env: 'YUQING_OIDC_CLIENT_SECRET',
    schema: z
      .string()
      .optional()
      .transform((s) => (s === undefined ? undefined : new Secret(s))),
    doc: 'Client secret (sent with HTTP Basic, `client_secret_basic`; never logged). Unset: a public client with PKCE only.',
  },
  oidcName: {
    env: 'YUQING_OIDC_NAME',
    schema: z.string().trim().min(1).max(40).default('统一身份认证'),
    doc: 'Name of the identity service on the login button (使用…登录).',
  },
  oidcUsernameClaim: {
    env: 'YUQING_OIDC_USERNAME_CLAIM',
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]+$/, 'must be a claim name')
      .default('preferred_username'),
    doc: 'ID token (or userinfo) claim that holds the username of an existing local account; roles and department stay those of the local account.',
  },
  logLevel: {
    env: 'YUQING_LOG_LEVEL',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    doc: 'Log level (pino).',
  },
} as const;

type Options = typeof OPTIONS;
export type Config = Readonly<{ [K in keyof Options]: z.output<Options[K]['schema']> }> & {
  /** Absolute path of the embedded engine's data directory. */
  readonly clickhouseDir: string;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment; lists every problem at once. Empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, option] of Object.entries(OPTIONS)) {
    const raw = env[option.env];
    const parsed = option.schema.safeParse(raw === '' ? undefined : raw);
    if (parsed.success) values[key] = parsed.data;
    else problems.push(`${option.env}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  if (values.oidcIssuer !== undefined) {
    if (values.oidcClientId === undefined)
      problems.push('YUQING_OIDC_CLIENT_ID: required when YUQING_OIDC_ISSUER is set');
    if (values.publicUrl === undefined) {
      problems.push(
        'YUQING_PUBLIC_URL: required when YUQING_OIDC_ISSUER is set (the redirect URI registered at the identity service is <YUQING_PUBLIC_URL>/auth/oidc/callback)',
      );
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = path.resolve(values.dataDir as string);
  return Object.freeze({ ...values, dataDir, clickhouseDir: path.join(dataDir, 'clickhouse') }) as Config;
}

/** The configuration table of the README, generated from the schema so the two cannot drift. */
export function configMarkdown(): string {
  const rows = Object.values(OPTIONS).map((o) => {
    const def = o.schema.safeParse(undefined);
    const value = def.success ? def.data : undefined;
    const text = Array.isArray(value) ? value.join(',') : value;
    const shown = text === undefined ? '(unset)' : text === '' ? '(empty)' : `\`${String(text)}\``;
    return `| \`${o.env}\` | ${shown} | ${o.doc} |`;
  });
  return ['| variable | default | what it sets |', '|---|---|---|', ...rows].join('\n');
}
