import path from 'node:path';
import { parsePlan } from '@yaodian/parser';
import {
  AppError,
  ConfigError,
  clockFrom,
  diskFileStore,
  loadConfig,
  migrateToLatest,
  openDatabase,
  type Actor,
  type Config,
  type Database,
  type Db,
  type Deps,
} from '@yaodian/server';
import { UsageError, type CommandIo } from './io.js';

/** The server's configuration from the environment, with the server's own checks; problems on one line. */
export function loadCliConfig(io: CommandIo, overrides: Record<string, string> = {}): Config {
  try {
    return loadConfig({ ...(io.env ?? process.env), ...overrides });
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`配置有误: ${error.problems.join('; ')}`);
    throw error;
  }
}

/** The database the server would use for this configuration (embedded in DATA_DIR/pgdata, or DATABASE_URL). */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase({ url: config.databaseUrl, embeddedDir: path.join(config.dataDir, 'pgdata') });
}

/** Services' dependencies wired the way startServer wires them. */
export function depsFor(config: Config, db: Db): Deps {
  return {
    db,
    clock: clockFrom(config.now),
    readPlan: parsePlan,
    maxUploadBytes: config.maxUploadBytes,
    files: diskFileStore(path.join(config.dataDir, 'attachments')),
    maxAttachmentBytes: config.maxAttachmentBytes,
  };
}

/** Opens and migrates the configured database, runs `work`, and closes it again whatever happens. */
export async function withServer<T>(
  io: CommandIo,
  config: Config,
  work: (deps: Deps, database: Database) => Promise<T>,
): Promise<T> {
  const database = await (io.openDatabase ?? openConfiguredDatabase)(config);
  try {
    await migrateToLatest(database.db, database.schema);
    return await work(depsFor(config, database.db), database);
  } catch (error) {
    // Services speak in stable codes and safe messages: show them as a usage error, one line.
    if (error instanceof AppError)
      throw new UsageError(`${error.message} (${error.code}${error.field ? `, ${error.field}` : ''})`);
    throw error;
  } finally {
    await database.close();
  }
}

/** The commission with this code, or a usage error naming it. */
export async function findTenant(db: Db, code: string): Promise<{ id: string; name: string }> {
  const tenant = await db
    .selectFrom('tenants')
    .select(['id', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!tenant) throw new UsageError(`找不到代码为 "${code}" 的单位（--tenant）`);
  return tenant;
}

/** Who a command acts as: the named user, or the commission's first admin. */
export async function actingUser(
  db: Db,
  tenant: { id: string },
  username: string | undefined,
): Promise<Actor> {
  let query = db
    .selectFrom('users')
    .select(['id', 'role', 'username'])
    .where('tenant_id', '=', tenant.id)
    .where('active', '=', true);
  query = username ? query.where('username', '=', username) : query.where('role', '=', 'admin');
  const user = await query.orderBy('created_at').orderBy('id').executeTakeFirst();
  if (!user)
    throw new UsageError(
      username
        ? `找不到启用的用户 "${username}"（--user）`
        : '该单位没有启用的管理员，请用 --user 指定操作用户',
    );
  const units = await db
    .selectFrom('user_units')
    .select('unit_id')
    .where('tenant_id', '=', tenant.id)
    .where('user_id', '=', user.id)
    .execute();
  return { tenantId: tenant.id, userId: user.id, role: user.role, unitIds: units.map((u) => u.unit_id) };
}

/** Reads command-line options; parseArgs' own message on a mistake, as a usage error. */
export function parseOrUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
