// A worker thread's entry: reads the plan documents it is sent, one at a time, and posts each plan or ParseError
// back. It runs off the server's event loop, so a slow or hostile document delays only its own upload; the pool
// ends it on time-out or heap exhaustion, and otherwise keeps it for the next document (its engine loaded once).
import { parentPort } from 'node:worker_threads';
import type { ParseLimits, ParsePlanOptions, Plan } from '@yaodian/parser';

export interface PlanReaderJob {
  /** Where the plan engine is loaded from (its build, or its sources when the server runs from sources). */
  parserEntry: string;
  bytes: Uint8Array;
  fileName: string | undefined;
  maxBytes: number | undefined;
  limits: ParseLimits;
}

export type PlanReaderResult =
  | { ok: true; plan: Plan }
  | {
      ok: false;
      parseError: boolean;
      code: string;
      message: string;
      limit: { name: string; value: number } | undefined;
    };

type ParserModule = typeof import('@yaodian/parser');

async function run(job: PlanReaderJob): Promise<PlanReaderResult> {
  const parser = (await import(job.parserEntry)) as ParserModule;
  const options: ParsePlanOptions = { limits: job.limits };
  if (job.fileName !== undefined) options.fileName = job.fileName;
  if (job.maxBytes !== undefined) options.maxBytes = job.maxBytes;
  try {
    return { ok: true, plan: await parser.parsePlan(job.bytes, options) };
  } catch (error) {
    if (parser.isParseError(error))
      return { ok: false, parseError: true, code: error.code, message: error.message, limit: error.limit };
    return { ok: false, parseError: false, code: 'internal_error', message: String(error), limit: undefined };
  }
}

const port = parentPort;
if (port) {
  port.on('message', (job: PlanReaderJob) => {
    void run(job).then((result) => {
      port.postMessage(result);
    });
  });
}
