import { getHashes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /**
   * PostgreSQL: the role that owns the schema. Migrations, restore and audit purge connect with it; the
   * server then runs as DATABASE_URL's role, granted only what it needs (no ALTER, no UPDATE/DELETE on the
   * audit log). Unset: one role does everything.
   */
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Days audit entries are kept at least before `yaodian audit purge` may remove them (等保: ≥ 180). */
  YAODIAN_AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(180, 'must be at least 180 days (等保2.0)')
    .default(180),
  /** An ISO date or date-time that stands in for "now" (demos, tests). */
  YAODIAN_NOW: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  /**
   * 1 seeds the demo commission on an empty database, 0 never does. Unset: only a development start on the
   * embedded database seeds (never with NODE_ENV=production or a DATABASE_URL), so no production install
   * ships accounts whose password is printed in the README.
   */
  YAODIAN_DEMO: z.enum(['0', '1']).optional(),
  /** Largest plan document accepted for import, in bytes. */
  YAODIAN_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  /** What an imported plan document may inflate to (a .docx's parts together), counted while inflating. */
  YAODIAN_MAX_INFLATED_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(32 * 1024 * 1024),
  /** Characters of text one imported plan may hold. */
  YAODIAN_MAX_PLAN_CHARACTERS: z.coerce.number().int().min(1000).default(2_000_000),
  /** Numbered items (every level) one imported plan may hold. */
  YAODIAN_MAX_PLAN_ITEMS: z.coerce.number().int().min(10).default(5_000),
  /** Reading one plan document longer than this stops it (its worker thread is terminated), in ms. */
  YAODIAN_PARSE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** Plan documents read at once, each in its own worker thread; later uploads wait their turn. */
  YAODIAN_PARSE_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Largest evidence file attached to a report, in bytes (at most 20 MiB, the database's limit). */
  YAODIAN_MAX_ATTACHMENT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(20 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** The built web app to serve (default: packages/web/dist beside the server). */
  YAODIAN_WEB_DIR: z.string().min(1).optional(),
  /** Pages of the task list kept per process, answered again while their plan is unchanged (0: none). */
  YAODIAN_TASK_PAGE_CACHE: z.coerce.number().int().min(0).max(100_000).default(2000),
  /** How often an idle job worker looks for due jobs, in ms. */
  YAODIAN_JOB_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  /** The server's log level (pino): fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  /** The audit chain's hash: SHA-256, or SM3 where 商用密码 is required. */
  YAODIAN_AUDIT_HASH: z.enum(['sha256', 'sm3']).default('sha256'),
  /** How often new audit entries are sealed into the chain, in ms. */
  YAODIAN_AUDIT_SEAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
  /** Behind a reverse proxy: `true`, or the proxy addresses/CIDRs (comma-separated) whose X-Forwarded-* are trusted. */
  TRUST_PROXY: z.string().min(1).optional(),
  /** The SMTP server reminders are e-mailed through: smtp://user:pass@host:port or smtps://…; unset: no e-mail. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The sender of reminder e-mails. */
  SMTP_FROM: z.string().min(3).max(254).default('要点 <yaodian@localhost>'),
  /** Serve HTTPS natively: the certificate chain (PEM file); needs TLS_KEY too. */
  TLS_CERT: z.string().min(1).optional(),
  /** The private key (PEM file) for TLS_CERT. */
  TLS_KEY: z.string().min(1).optional(),
  NODE_ENV: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** The schema owner's URL (migrations, restore, purge); null: DATABASE_URL's role owns the schema. */
  databaseOwnerUrl: string | null;
  /** Audit entries younger than this many days are never purged. */
  auditRetentionDays: number;
  now: Date | null;
  seedDemo: boolean;
  maxUploadBytes: number;
  maxAttachmentBytes: number;
  /** Limits on reading an imported plan (passed to the plan engine) and on its worker threads. */
  parse: {
    limits: { maxInflatedBytes: number; maxCharacters: number; maxItems: number };
    timeoutMs: number;
    concurrency: number;
  };
  webDir: string | null;
  jobPollMs: number;
  /** How many task-list pages the process keeps (services/task-page-cache.ts); 0 reads every page. */
  taskPageCache: number;
  logLevel: string;
  auditHash: 'sha256' | 'sm3';
  trustProxy: boolean | string;
  /** Native HTTPS: PEM files of the certificate chain and its key; null serves plain HTTP. */
  tls: { certFile: string; keyFile: string } | null;
  auditSealMs: number;
  /** Send cookies with `Secure` (off on plain-HTTP loopback). */
  secureCookies: boolean;
  /** NODE_ENV=production: no demo seed unless asked, no demo clock control. */
  production: boolean;
  /** Reminder e-mail; null when SMTP_URL is unset. */
  smtp: { url: string; from: string } | null;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Reads and checks the environment once at start-up; every problem is listed, not just the first. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) =>
          `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(present[String(issue.path[0])])})`,
      ),
    );
  }
  const e = parsed.data;
  if ((e.TLS_CERT === undefined) !== (e.TLS_KEY === undefined))
    throw new ConfigError([
      `${e.TLS_CERT === undefined ? 'TLS_CERT' : 'TLS_KEY'}: required with ${e.TLS_CERT === undefined ? 'TLS_KEY' : 'TLS_CERT'} (both PEM files, or neither)`,
    ]);
  if (e.DATABASE_OWNER_URL !== undefined && e.DATABASE_URL === undefined)
    throw new ConfigError([
      'DATABASE_OWNER_URL: needs DATABASE_URL too (the server runs as DATABASE_URL, migrations as the owner)',
    ]);
  if (e.YAODIAN_AUDIT_HASH === 'sm3' && !getHashes().includes('sm3'))
    throw new ConfigError([
      'YAODIAN_AUDIT_HASH: sm3 is not offered by this Node.js build (OpenSSL without SM3)',
    ]);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    databaseOwnerUrl: e.DATABASE_OWNER_URL ?? null,
    auditRetentionDays: e.YAODIAN_AUDIT_RETENTION_DAYS,
    now: e.YAODIAN_NOW ? new Date(e.YAODIAN_NOW) : null,
    seedDemo:
      e.YAODIAN_DEMO === undefined
        ? e.DATABASE_URL === undefined && e.NODE_ENV !== 'production'
        : e.YAODIAN_DEMO === '1',
    maxUploadBytes: e.YAODIAN_MAX_UPLOAD_BYTES,
    maxAttachmentBytes: e.YAODIAN_MAX_ATTACHMENT_BYTES,
    parse: {
      limits: {
        maxInflatedBytes: e.YAODIAN_MAX_INFLATED_BYTES,
        maxCharacters: e.YAODIAN_MAX_PLAN_CHARACTERS,
        maxItems: e.YAODIAN_MAX_PLAN_ITEMS,
      },
      timeoutMs: e.YAODIAN_PARSE_TIMEOUT_MS,
      concurrency: e.YAODIAN_PARSE_CONCURRENCY,
    },
    webDir: e.YAODIAN_WEB_DIR ? path.resolve(e.YAODIAN_WEB_DIR) : null,
    jobPollMs: e.YAODIAN_JOB_POLL_MS,
    taskPageCache: e.YAODIAN_TASK_PAGE_CACHE,
    logLevel: e.LOG_LEVEL,
    auditHash: e.YAODIAN_AUDIT_HASH,
    trustProxy:
      e.TRUST_PROXY === undefined || e.TRUST_PROXY === 'false'
        ? false
        : e.TRUST_PROXY === 'true'
          ? true
          : e.TRUST_PROXY,
    auditSealMs: e.YAODIAN_AUDIT_SEAL_MS,
    tls:
      e.TLS_CERT !== undefined && e.TLS_KEY !== undefined
        ? { certFile: path.resolve(e.TLS_CERT), keyFile: path.resolve(e.TLS_KEY) }
        : null,
    secureCookies: e.NODE_ENV === 'production' && e.HOST !== '127.0.0.1' && e.HOST !== 'localhost',
    production: e.NODE_ENV === 'production',
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : null,
  };
}
