import path from 'node:path';
import { parsePlan } from '@yaodian/parser';
import {
  AppError,
  ConfigError,
  clockFrom,
  diskFileStore,
  loadConfig,
  migrateAsOwner,
  migrateToLatest,
  openDatabase,
  type Config,
  type Database,
  type Db,
  type Deps,
} from '@yaodian/server';
import { environment } from './config.js';
import { UsageError, type CommandIo } from './io.js';

/** The server's configuration from the environment, with the server's own checks; problems on one line. */
export function loadCliConfig(io: CommandIo, overrides: Record<string, string> = {}): Config {
  try {
    return loadConfig({ ...environment(io), ...overrides });
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`配置有误: ${error.problems.join('; ')}`);
    throw error;
  }
}

/**
 * The database the server would use for this configuration (embedded in DATA_DIR/pgdata, or DATABASE_URL);
 * `asOwner`: the schema owner's connection (DATABASE_OWNER_URL) where one is set, for restore and purge.
 */
export function openConfiguredDatabase(config: Config, asOwner = false): Promise<Database> {
  const url = asOwner && config.databaseOwnerUrl ? config.databaseOwnerUrl : config.databaseUrl;
  return openDatabase({ url, embeddedDir: path.join(config.dataDir, 'pgdata') });
}

/** Services' dependencies wired the way startServer wires them. */
export function depsFor(config: Config, db: Db): Deps {
  return {
    db,
    clock: clockFrom(config.now),
    // The operator's own command reads in-process (no other users to block), within the same limits.
    readPlan: (bytes, options) => parsePlan(bytes, { ...options, limits: config.parse.limits }),
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
  options: { asOwner?: boolean } = {},
): Promise<T> {
  const database = await (io.openDatabase ?? openConfiguredDatabase)(config, options.asOwner ?? false);
  try {
    if (config.databaseOwnerUrl && config.databaseUrl)
      await migrateAsOwner(config.databaseOwnerUrl, config.databaseUrl);
    else await migrateToLatest(database.db, database.schema);
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

/** Reads command-line options; parseArgs' own message on a mistake, as a usage error. */
export function parseOrUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
