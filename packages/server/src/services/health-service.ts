import { pingDatabase } from '../repositories/health-repository.js';
import { hasDemoTenant } from '../repositories/tenant-repository.js';
import type { Deps } from './deps.js';

/**
 * Whether the database answers, and whether it holds the demo commission (the page shows a demo banner).
 * Public: health checks carry no data.
 */
export async function databaseHealth(deps: Pick<Deps, 'db'>): Promise<{ answers: boolean; demo: boolean }> {
  try {
    await pingDatabase(deps.db);
    return { answers: true, demo: await hasDemoTenant(deps.db) };
  } catch {
    return { answers: false, demo: false };
  }
}
