import type { Plan } from '@yaodian/parser';
import type { Clock } from '../config/clock.js';
import type { Db } from '../db/database.js';
import type { FileStore } from '../repositories/file-store.js';
import type { TaskPageCache } from './task-page-cache.js';

/** Reads a plan document; the real one is the plan engine's parsePlan, tests may pass their own. */
export type PlanReader = (
  bytes: Uint8Array,
  options: { fileName?: string; maxBytes?: number },
) => Promise<Plan>;

/** Moves a demo's or test's clock forward and runs the jobs that became due; absent in production. */
export interface TimeTravel {
  advance(ms: number): Promise<number>;
}

/** What every service function receives; nothing reaches for globals. */
export interface Deps {
  db: Db;
  clock: Clock;
  readPlan: PlanReader;
  maxUploadBytes: number;
  files: FileStore;
  maxAttachmentBytes: number;
  /** Pages of the task list, answered again while their plan is unchanged (none: every page is read). */
  taskPages?: TaskPageCache;
  /** Only in demo and test mode (see server.ts). */
  timeTravel?: TimeTravel;
}
