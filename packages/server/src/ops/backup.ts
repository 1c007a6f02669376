import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { sql, type Kysely } from 'kysely';
import type { Db, Executor } from '../db/database.js';
import { LATEST_MIGRATION } from '../db/migrate.js';
import type { FileStore } from '../repositories/file-store.js';
import { verifyChain } from '../services/audit-chain-service.js';

/**
 * A portable backup: every durable row as JSON lines, the attachment bytes, and the migration version,
 * in one zip that restores into an empty database of either kind (embedded or PostgreSQL).
 * Sessions and login attempts are left out: they are worth nothing after a restore.
 */
export const BACKUP_FORMAT = 'yaodian.backup/v1';

/** Parents before children, so every foreign key finds its row on restore. */
// Restored in this order, each row's references before it: users before units (a unit names its 分管
// leader, a user), units before what names them.
const TABLES = [
  'tenants',
  'users',
  'org_units',
  'org_unit_aliases',
  'unit_groups',
  'unit_group_members',
  'password_policies',
  'password_history',
  'user_units',
  'plans',
  'items',
  'assignments',
  'unmatched_units',
  'targets',
  'reporting_periods',
  'progress_reports',
  'target_actuals',
  'api_tokens',
  'cascade_plans',
  'cascade_links',
  'cascade_target_links',
  'county_quotas',
  'tenant_weights',
  'milestones',
  'year_links',
  'target_year_links',
  'assessment_rules',
  'leader_evaluations',
  'assessment_snapshots',
  'comments',
  'attachments',
  'audit_log',
  'audit_anchors',
  'audit_chain',
] as const;

type Table = (typeof TABLES)[number];
type Row = Record<string, unknown>;

const ORDER: Partial<Record<Table, string>> = {
  tenants: 'parent_id nulls first, created_at',
  items: 'level, position',
  audit_log: 'id',
  audit_chain: 'tenant_id, seq',
  audit_anchors: 'tenant_id, seq',
};
const JSONB: Partial<Record<Table, string[]>> = {
  plans: ['meta', 'aliases', 'warnings'],
  audit_log: ['before', 'after'],
  cascade_links: ['accepted'],
};
/** The audit log's id is an identity column: restored rows get new ids in the same order. */
const SKIP: Partial<Record<Table, string[]>> = { audit_log: ['id'] };

/** An attachment whose row is backed up but whose file was not found: reported, skipped, never fatal. */
export interface MissingFile {
  tenantId: string;
  attachmentId: string;
  fileName: string;
}

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  migration: string;
  createdAt: string;
  rows: Record<string, number>;
  /** Attachment files in the archive. */
  files: number;
  /** Attachments whose file was missing when the backup was made (absent in older archives: none known). */
  missingFiles?: MissingFile[];
  /** SHA-256 of every other entry of the archive; restore refuses an archive whose entries differ. */
  digests?: Record<string, string>;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const BYTES = '$bytes';

function encode(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row))
    out[key] = Buffer.isBuffer(value) ? { [BYTES]: value.toString('base64') } : value;
  return out;
}

function decode(table: Table, row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (SKIP[table]?.includes(key)) continue;
    if (value && typeof value === 'object' && BYTES in value)
      out[key] = Buffer.from(String((value as Record<string, unknown>)[BYTES]), 'base64');
    else if (JSONB[table]?.includes(key)) out[key] = value === null ? null : JSON.stringify(value);
    else out[key] = value;
  }
  return out;
}

export interface BackupResult {
  archive: Uint8Array;
  manifest: Manifest;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

export async function createBackup(db: Db, files: FileStore, now: Date): Promise<Uint8Array> {
  return (await backupWithReport(db, files, now)).archive;
}

/**
 * The backup and what it holds. A missing attachment file never stops it: the row is kept, the file is
 * listed in `manifest.missingFiles`, and the caller says so (the CLI exits 3).
 */
export async function backupWithReport(db: Db, files: FileStore, now: Date): Promise<BackupResult> {
  const zip: Zippable = {};
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    migration: LATEST_MIGRATION,
    createdAt: now.toISOString(),
    rows: {},
    files: 0,
    missingFiles: [],
  };
  const missingFiles: MissingFile[] = [];
  await db.transaction().execute(async (trx) => {
    // One snapshot for every table, so the archive is consistent with itself.
    await sql`set transaction isolation level repeatable read`.execute(trx);
    for (const table of TABLES) {
      const order = ORDER[table];
      const { rows } =
        await sql<Row>`select * from ${sql.table(table)} ${order ? sql.raw(`order by ${order}`) : sql``}`.execute(
          trx,
        );
      zip[`tables/${table}.jsonl`] = strToU8(rows.map((r) => JSON.stringify(encode(r))).join('\n'));
      manifest.rows[table] = rows.length;
      if (table === 'attachments') {
        for (const r of rows) {
          const tenantId = String(r.tenant_id);
          const id = String(r.id);
          let bytes: Buffer;
          try {
            bytes = await files.get(tenantId, id);
          } catch (error) {
            if (!isMissing(error)) throw error;
            missingFiles.push({ tenantId, attachmentId: id, fileName: String(r.file_name) });
            continue;
          }
          zip[`files/${tenantId}/${id}`] = new Uint8Array(bytes);
          manifest.files += 1;
        }
      }
    }
  });
  manifest.missingFiles = missingFiles;
  manifest.digests = Object.fromEntries(
    Object.entries(zip).map(([name, bytes]) => [name, sha256(bytes as Uint8Array)]),
  );
  zip['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  return { archive: zipSync(zip, { level: 6 }), manifest };
}

/** What a restore wrote, counted as it was written, not copied from the manifest. */
export interface RestoreReport {
  manifest: Manifest;
  /** Rows inserted, per table. */
  rows: Record<string, number>;
  /** Attachment files written. */
  files: number;
  /** Attachments restored without their file: missing at backup time, or absent from the archive. */
  missingFiles: MissingFile[];
}

const BATCH = 500;

/** Restores into a migrated, empty database; refuses anything else rather than mixing two histories. */
export interface RestoreOptions {
  /**
   * Replace what the database holds: its tables are emptied in the restore's own transaction, so a failing
   * restore leaves the old data in place. `clearFiles` runs after the rows are committed, before the
   * backup's files are written.
   */
  replace?: { clearFiles: () => Promise<void> };
}

export async function restoreBackup(
  db: Db,
  files: FileStore,
  archive: Uint8Array,
  options: RestoreOptions = {},
): Promise<RestoreReport> {
  const entries = unzipSync(archive);
  const manifestBytes = entries['manifest.json'];
  if (!manifestBytes) throw new Error('not a Yaodian backup: manifest.json is missing');
  // Read as unknown first: the file may come from anywhere.
  const parsed = JSON.parse(strFromU8(manifestBytes)) as Partial<Record<keyof Manifest, unknown>>;
  if (parsed.format !== BACKUP_FORMAT) throw new Error(`unknown backup format ${String(parsed.format)}`);
  const manifest = parsed as Manifest;
  if (manifest.migration > LATEST_MIGRATION)
    throw new Error(`the backup (${manifest.migration}) is newer than this Yaodian (${LATEST_MIGRATION})`);
  if (!options.replace && (await db.selectFrom('tenants').select('id').limit(1).execute()).length > 0)
    throw new Error('restore needs an empty database');
  verifyDigests(entries, manifest);
  const restoredRows: Record<string, number> = Object.fromEntries(TABLES.map((table) => [table, 0]));
  const restoredAttachments: MissingFile[] = [];

  // Rows are checked by the same constraints as ever; the table name is from our own list.
  await db.transaction().execute(async (trx) => {
    if (options.replace) await emptyTables(trx);
    const looseTrx = trx as unknown as Kysely<Record<string, Row>>;
    // The log's ids are renumbered (identity), keeping their order; the chain's links follow them.
    const newAuditId = new Map<string, unknown>();
    for (const table of TABLES) {
      const text = entries[`tables/${table}.jsonl`];
      if (!text) continue;
      const raw = strFromU8(text)
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as Row);
      const rows = raw.map((row) => {
        const decoded = decode(table, row);
        if (table === 'attachments')
          restoredAttachments.push({
            tenantId: String(row.tenant_id),
            attachmentId: String(row.id),
            fileName: String(row.file_name),
          });
        if (table === 'audit_chain') decoded.entry_id = newAuditId.get(String(row.entry_id)) ?? -1;
        return decoded;
      });
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        const insert = looseTrx.insertInto(table).values(batch);
        if (table !== 'audit_log') {
          // A statement inserts all its rows or throws (and the transaction with it).
          await insert.execute();
          restoredRows[table] = (restoredRows[table] ?? 0) + batch.length;
          continue;
        }
        // Identity values come back in the order of the VALUES list.
        const inserted = await insert.returning('id').execute();
        inserted.forEach((r, k) => newAuditId.set(String(raw[i + k]?.id), r.id));
        restoredRows[table] = (restoredRows[table] ?? 0) + inserted.length;
      }
    }
    // An edited audit row, or a chain that does not hold, refuses the whole restore.
    for (const { id } of await trx.selectFrom('tenants').select('id').execute()) {
      const check = await verifyChain(trx, id);
      if (!check.ok && check.firstBroken)
        throw new Error(
          `the backup's audit chain is broken for commission ${id} at link ${String(check.firstBroken.seq)} (${check.firstBroken.reason})`,
        );
    }
  });
  if (options.replace) await options.replace.clearFiles();
  let written = 0;
  const missingFiles: MissingFile[] = [];
  for (const attachment of restoredAttachments) {
    const bytes = entries[`files/${attachment.tenantId}/${attachment.attachmentId}`];
    if (!bytes) {
      missingFiles.push(attachment);
      continue;
    }
    await files.put(attachment.tenantId, attachment.attachmentId, bytes);
    written++;
  }
  return { manifest, rows: restoredRows, files: written, missingFiles };
}

/** Every entry of the archive must have the SHA-256 its manifest lists (archives from before digests have none). */
function verifyDigests(entries: Record<string, Uint8Array>, manifest: Manifest): void {
  if (!manifest.digests) return;
  const listed = new Set(Object.keys(manifest.digests));
  for (const [name, bytes] of Object.entries(entries)) {
    if (name === 'manifest.json' || name.endsWith('/')) continue;
    if (!listed.has(name)) throw new Error(`the backup holds ${name}, which its manifest does not list`);
    if (manifest.digests[name] !== sha256(bytes))
      throw new Error(`the backup's ${name} does not match its digest: the archive was changed or damaged`);
    listed.delete(name);
  }
  if (listed.size > 0) throw new Error(`the backup is missing ${[...listed].join(', ')}`);
}

/**
 * Every table but the migrator's. The audit log refuses TRUNCATE by trigger; an operator replacing the whole
 * installation with a backup is the one exception, so user triggers are switched off inside this transaction
 * only (ALTER TABLE is transactional: nobody else sees them off).
 */
async function emptyTables(trx: Executor): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name not like 'kysely_migration%'`.execute(trx);
  if (rows.length === 0) return;
  for (const { name } of rows) await sql`alter table ${sql.table(name)} disable trigger user`.execute(trx);
  await sql`truncate ${sql.join(rows.map((r) => sql.table(r.name)))} restart identity cascade`.execute(trx);
  for (const { name } of rows) await sql`alter table ${sql.table(name)} enable trigger user`.execute(trx);
}
