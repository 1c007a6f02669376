import type { Executor } from '../db/database.js';

export async function countFailedLogins(
  db: Executor,
  tenantId: string,
  username: string,
  ip: string,
  since: Date,
): Promise<number> {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('username', '=', username)
    .where('ip', '=', ip)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function recordFailedLogin(
  db: Executor,
  tenantId: string,
  username: string,
  ip: string,
  at: Date,
): Promise<void> {
  await db.insertInto('login_attempts').values({ tenant_id: tenantId, username, ip, at }).execute();
}

export async function clearFailedLogins(
  db: Executor,
  tenantId: string,
  username: string,
  ip: string,
): Promise<void> {
  await db
    .deleteFrom('login_attempts')
    .where('tenant_id', '=', tenantId)
    .where('username', '=', username)
    .where('ip', '=', ip)
    .execute();
}
