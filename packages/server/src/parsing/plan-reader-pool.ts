import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  DEFAULT_PARSE_LIMITS,
  limitExceeded,
  ParseError,
  type ParseLimits,
  type Plan,
} from '@yaodian/parser';
import type { PlanReader } from '../services/deps.js';
import type { PlanReaderJob, PlanReaderResult } from './plan-reader-worker.js';

export interface WorkerReaderOptions {
  limits?: Partial<ParseLimits>;
  /** A document still being read after this long is stopped (its worker terminated). */
  timeoutMs: number;
  /** Documents read at once; further uploads wait their turn (each worker takes a core while it reads). */
  concurrency: number;
  /** Heap a reading worker may use before it is stopped, in MB. */
  maxHeapMb?: number;
}

export interface WorkerPlanReader {
  read: PlanReader;
  /** Documents being read now, and waiting. */
  load(): { running: number; waiting: number };
  /** Stops every reading worker and refuses the waiting ones. */
  close(): Promise<void>;
}

const here = fileURLToPath(import.meta.url);
const fromSources = here.endsWith('.ts');

/** The plan engine's entry for the worker: its sources when the server itself runs from sources (tests). */
function parserEntry(): string {
  const built = createRequire(import.meta.url).resolve('@yaodian/parser');
  const sources = path.join(path.dirname(built), '../src/index.ts');
  return pathToFileURL(fromSources && existsSync(sources) ? sources : built).href;
}

function startWorker(job: PlanReaderJob, maxHeapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb };
  const entry = path.join(path.dirname(here), `plan-reader-worker.${fromSources ? 'ts' : 'js'}`);
  if (!fromSources) return new Worker(entry, { workerData: job, resourceLimits });
  // Running from sources (tests): the worker registers the TypeScript loader before loading its entry.
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); });`;
  return new Worker(code, { eval: true, workerData: job, resourceLimits });
}

function toError(result: Exclude<PlanReaderResult, { ok: true }>): Error {
  if (!result.parseError) return new Error(`plan reader failed: ${result.message}`);
  const limit = result.limit as ParseError['limit'];
  return new ParseError(result.code as ParseError['code'], result.message, limit ? { limit } : {});
}

/**
 * Reads plan documents in worker threads, one worker per document and at most `concurrency` at once, so
 * one upload never blocks the event loop that answers everyone else. The time limit terminates the worker.
 */
export function createWorkerPlanReader(options: WorkerReaderOptions): WorkerPlanReader {
  const limits: ParseLimits = { ...DEFAULT_PARSE_LIMITS, ...options.limits };
  const entry = parserEntry();
  const maxHeapMb = options.maxHeapMb ?? 1024;
  const running = new Set<Worker>();
  const waiting: (() => void)[] = [];
  let slotsTaken = 0;
  let closed = false;

  const acquire = async (): Promise<void> => {
    if (slotsTaken < options.concurrency) {
      slotsTaken++;
      return;
    }
    // A finishing read hands its slot straight to the first waiter, so no newcomer can slip in between.
    await new Promise<void>((resolve) => waiting.push(resolve));
    if (closed) throw new ParseError('internal_error', '服务器正在停止，未读取该文档');
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else slotsTaken--;
  };

  const readOne = (bytes: Uint8Array, fileName?: string, maxBytes?: number): Promise<Plan> =>
    new Promise<Plan>((resolve, reject) => {
      const job: PlanReaderJob = { parserEntry: entry, bytes, fileName, maxBytes, limits };
      let worker: Worker;
      try {
        worker = startWorker(job, maxHeapMb);
      } catch (error) {
        release();
        throw error;
      }
      running.add(worker);
      let settled = false;
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        running.delete(worker);
        release();
        outcome();
      };
      const timer = setTimeout(() => {
        settle(() => {
          reject(limitExceeded('parse_ms', options.timeoutMs));
        });
        void worker.terminate();
      }, options.timeoutMs);
      worker.once('message', (result: PlanReaderResult) => {
        settle(() => {
          if (result.ok) resolve(result.plan);
          else reject(toError(result));
        });
        void worker.terminate();
      });
      worker.once('error', (error: Error & { code?: string }) => {
        settle(() => {
          reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? limitExceeded('heap_mb', maxHeapMb) : error);
        });
      });
      worker.once('exit', (code) => {
        settle(() => {
          reject(new Error(`plan reader worker exited with code ${String(code)}`));
        });
      });
    });

  return {
    read: async (bytes, readOptions) => {
      if (closed) throw new ParseError('internal_error', '服务器正在停止，未读取该文档');
      await acquire();
      return readOne(bytes, readOptions.fileName, readOptions.maxBytes);
    },
    load: () => ({ running: running.size, waiting: waiting.length }),
    close: async () => {
      closed = true;
      for (const wake of waiting.splice(0)) wake();
      await Promise.all([...running].map((worker) => worker.terminate()));
    },
  };
}
