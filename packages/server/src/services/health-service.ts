import { pingDatabase } from '../repositories/health-repository.js';
import type { Deps } from './deps.js';

/** Whether the database answers a trivial query (public: health checks carry no data). */
export async function databaseAnswers(deps: Pick<Deps, 'db'>): Promise<boolean> {
  try {
    await pingDatabase(deps.db);
    return true;
  } catch {
    return false;
  }
}
