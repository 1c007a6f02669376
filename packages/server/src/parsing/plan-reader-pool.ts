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

function startWorker(maxHeapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb };
  const entry = path.join(path.dirname(here), `plan-reader-worker.${fromSources ? 'ts' : 'js'}`);
  // Running from sources (tests): the worker registers the TypeScript loader before loading its entry.
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); });`;
  const worker = fromSources
    ? new Worker(code, { eval: true, resourceLimits })
    : new Worker(entry, { resourceLimits });
  // A document's own listener reports its errors; this one keeps an idle worker's error from being unhandled.
  worker.on('error', () => undefined);
  return worker;
}

function toError(result: Exclude<PlanReaderResult, { ok: true }>): Error {
  if (!result.parseError) return new Error(`plan reader failed: ${result.message}`);
  const limit = result.limit as ParseError['limit'];
  return new ParseError(result.code as ParseError['code'], result.message, limit ? { limit } : {});
}

/**
 * Reads plan documents in worker threads, one document per worker at a time and at most `concurrency` at once, so
 * one upload never blocks the event loop that answers everyone else. The time limit terminates the worker; a
 * worker that finished its document (a plan or a ParseError) waits, unreferenced, for the next one, so an import
 * does not pay for starting a thread and loading the engine (≈ 10× a 40-task plan's parse when cold).
 */
export function createWorkerPlanReader(options: WorkerReaderOptions): WorkerPlanReader {
  const limits: ParseLimits = { ...DEFAULT_PARSE_LIMITS, ...options.limits };
  const entry = parserEntry();
  const maxHeapMb = options.maxHeapMb ?? 1024;
  const running = new Set<Worker>();
  const idle: Worker[] = [];
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
        worker = idle.pop() ?? startWorker(maxHeapMb);
      } catch (error) {
        release();
        throw error;
      }
      worker.ref();
      running.add(worker);
      let settled = false;
      const settle = (outcome: () => void, reusable: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        running.delete(worker);
        if (reusable && !closed && idle.length < options.concurrency) {
          worker.unref();
          idle.push(worker);
          // An idle worker that dies (it should not) is simply forgotten.
          worker.once('exit', () => {
            const at = idle.indexOf(worker);
            if (at >= 0) idle.splice(at, 1);
          });
        } else void worker.terminate();
        release();
        outcome();
      };
      const timer = setTimeout(() => {
        settle(() => {
          reject(limitExceeded('parse_ms', options.timeoutMs));
        }, false);
      }, options.timeoutMs);
      const onMessage = (result: PlanReaderResult): void => {
        settle(() => {
          if (result.ok) resolve(result.plan);
          else reject(toError(result));
        }, true);
      };
      const onError = (error: Error & { code?: string }): void => {
        settle(() => {
          reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? limitExceeded('heap_mb', maxHeapMb) : error);
        }, false);
      };
      const onExit = (code: number): void => {
        settle(() => {
          reject(new Error(`plan reader worker exited with code ${String(code)}`));
        }, false);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
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
      await Promise.all([...running, ...idle.splice(0)].map((worker) => worker.terminate()));
    },
  };
}
