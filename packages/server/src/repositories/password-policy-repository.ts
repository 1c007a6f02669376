import type { Executor } from '../db/database.js';
import type { PasswordPolicyTable } from '../db/schema.js';

export type PasswordPolicyRow = PasswordPolicyTable;

export function findPasswordPolicy(db: Executor, tenantId: string): Promise<PasswordPolicyRow | undefined> {
  return db.selectFrom('password_policies').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
}

/**
 * Writes the commission's policy if it is still at `version` (0: none stored yet); the row written, or
 * undefined when someone else changed it meanwhile.
 */
export async function savePasswordPolicy(
  db: Executor,
  row: Omit<PasswordPolicyRow, 'version'>,
  version: number,
): Promise<PasswordPolicyRow | undefined> {
  if (version === 0) {
    return db
      .insertInto('password_policies')
      .values({ ...row, version: 1 })
      .onConflict((oc) => oc.column('tenant_id').doNothing())
      .returningAll()
      .executeTakeFirst();
  }
  const { tenant_id: tenantId, ...fields } = row;
  return db
    .updateTable('password_policies')
    .set({ ...fields, version: version + 1 })
    .where('tenant_id', '=', tenantId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** The user's earlier password hashes, newest first. */
export async function recentPasswordHashes(
  db: Executor,
  tenantId: string,
  userId: string,
  limit: number,
): Promise<string[]> {
  if (limit <= 0) return [];
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.password_hash);
}

/** Keeps the replaced hash in the user's history, and only the newest `keep` of them. */
export async function pushPasswordHistory(
  db: Executor,
  tenantId: string,
  userId: string,
  replacedHash: string,
  at: Date,
  keep: number,
): Promise<void> {
  const last = await db
    .selectFrom('password_history')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const seq = (last?.seq ?? 0) + 1;
  await db
    .insertInto('password_history')
    .values({ tenant_id: tenantId, user_id: userId, seq, password_hash: replacedHash, replaced_at: at })
    .execute();
  await db
    .deleteFrom('password_history')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('seq', '<=', seq - keep)
    .execute();
}
