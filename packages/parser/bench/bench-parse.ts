/**
 * `npm run bench:parse [--seconds N] [--baseline CHECKOUT] [DIR …]` — single-process throughput of `parsePlan`
 * over the corpus and fixtures: each document is parsed repeatedly for ~N seconds (default 3) after a warm-up,
 * then one synthetic ~5 MB input (the corpus concatenated) shows how the engine scales.
 * With `--baseline` (another checkout of this repository, e.g. the previous main in a git worktree), both
 * engines parse every document in alternating rounds in this one process, and the ratio this/baseline is
 * printed: the machine is shared and noisy, so only a side-by-side ratio means anything.
 * MB/s counts input bytes (for text documents: the UTF-8 bytes of the text; MB = 2^20 bytes).
 * A benchmark, not a test.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CORPUS_DIR, defaultDirs, listDocuments } from '../eval/discover.js';

const MB = 1024 * 1024;
const WARM_UP_MS = 500;
const SYNTHETIC_BYTES = 5 * MB;

interface Measurement {
  name: string;
  bytes: number;
  runs: number;
  ms: number;
  error: string | null;
}

type ParsePlan = (typeof import('../src/index.js'))['parsePlan'];

async function parseOnce(parsePlan: ParsePlan, bytes: Uint8Array, fileName: string): Promise<void> {
  // A fresh copy each run: an engine that detached or mutated its input must not skew later runs.
  await parsePlan(bytes.slice(), { fileName, maxBytes: Math.max(bytes.length + 1, 20 * MB) });
}

async function measure(
  parsePlan: ParsePlan,
  name: string,
  bytes: Uint8Array,
  budgetMs: number,
  minRuns: number,
): Promise<Measurement> {
  try {
    const warmUntil = performance.now() + Math.min(WARM_UP_MS, budgetMs / 4);
    do await parseOnce(parsePlan, bytes, name);
    while (performance.now() < warmUntil);
    let runs = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < budgetMs || runs < minRuns) {
      await parseOnce(parsePlan, bytes, name);
      runs += 1;
      elapsed = performance.now() - start;
    }
    return { name, bytes: bytes.length, runs, ms: elapsed, error: null };
  } catch (error) {
    return {
      name,
      bytes: bytes.length,
      runs: 0,
      ms: 0,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

function mbPerSecond(bytes: number, ms: number): string {
  return ms === 0 ? '—' : (bytes / MB / (ms / 1000)).toFixed(2);
}

function line(cells: readonly string[]): string {
  const widths = [34, 10, 7, 10, 10];
  return cells
    .map((cell, index) => cell.padEnd(widths[index] ?? 0))
    .join(' ')
    .trimEnd();
}

function report(measurement: Measurement): string {
  if (measurement.error !== null)
    return line([measurement.name, `${measurement.bytes}`, `failed: ${measurement.error}`]);
  const perSecond = measurement.ms === 0 ? 0 : measurement.runs / (measurement.ms / 1000);
  return line([
    measurement.name,
    `${measurement.bytes}`,
    `${measurement.runs}`,
    mbPerSecond(measurement.bytes * measurement.runs, measurement.ms),
    perSecond.toFixed(1),
  ]);
}

/** The text documents of the corpus repeated until the result reaches `size` bytes. */
function syntheticInput(texts: readonly Uint8Array[], size: number): Uint8Array {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const parts = texts.map((bytes) => decoder.decode(bytes));
  if (parts.length === 0) return new Uint8Array();
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let i = 0; total < size; i += 1) {
    const chunk = encoder.encode(`${parts[i % parts.length] ?? ''}\n\n`);
    chunks.push(chunk);
    total += chunk.length;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function parseArgs(argv: readonly string[]): { seconds: number; baseline: string | null; dirs: string[] } {
  let seconds = 3;
  let baseline: string | null = null;
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--seconds') {
      seconds = Number(argv[i + 1]);
      i += 1;
    } else if (arg === '--baseline') {
      baseline = resolve(argv[i + 1] ?? '');
      i += 1;
    } else dirs.push(resolve(arg));
  }
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('--seconds needs a positive number');
  return { seconds, baseline, dirs: dirs.length > 0 ? dirs : defaultDirs() };
}

/** Both engines on every document, in `ROUNDS` alternating rounds of `seconds / ROUNDS` each; ratio this/baseline. */
async function compare(current: ParsePlan, baseline: ParsePlan, files: readonly string[], seconds: number) {
  const ROUNDS = 4;
  const budget = (seconds * 1000) / ROUNDS;
  console.log(line(['document', 'bytes', 'rounds', 'this MB/s', 'base MB/s']) + '  ratio');
  const totals = { current: { bytes: 0, ms: 0 }, baseline: { bytes: 0, ms: 0 } };
  for (const path of files) {
    const bytes = new Uint8Array(readFileSync(path));
    const sums = { current: { bytes: 0, ms: 0 }, baseline: { bytes: 0, ms: 0 } };
    let failed: string | null = null;
    for (let round = 0; round < ROUNDS && failed === null; round += 1) {
      // Alternate which engine goes first, so neither always runs on a warmer machine.
      const order = round % 2 === 0 ? (['current', 'baseline'] as const) : (['baseline', 'current'] as const);
      for (const which of order) {
        const result = await measure(
          which === 'current' ? current : baseline,
          basename(path),
          bytes,
          budget,
          2,
        );
        if (result.error !== null) failed = `${which}: ${result.error}`;
        sums[which].bytes += result.bytes * result.runs;
        sums[which].ms += result.ms;
      }
    }
    if (failed !== null) {
      console.log(line([basename(path), `${bytes.length}`, `failed: ${failed}`]));
      continue;
    }
    for (const which of ['current', 'baseline'] as const) {
      totals[which].bytes += sums[which].bytes;
      totals[which].ms += sums[which].ms;
    }
    const ratio = sums.current.bytes / sums.current.ms / (sums.baseline.bytes / sums.baseline.ms);
    console.log(
      line([
        basename(path),
        `${bytes.length}`,
        `${ROUNDS}`,
        mbPerSecond(sums.current.bytes, sums.current.ms),
        mbPerSecond(sums.baseline.bytes, sums.baseline.ms),
      ]) + `  ${ratio.toFixed(2)}`,
    );
  }
  const ratio = totals.current.bytes / totals.current.ms / (totals.baseline.bytes / totals.baseline.ms);
  console.log(
    line([
      'total',
      '',
      '',
      mbPerSecond(totals.current.bytes, totals.current.ms),
      mbPerSecond(totals.baseline.bytes, totals.baseline.ms),
    ]) + `  ${ratio.toFixed(2)}`,
  );
}

async function main(): Promise<void> {
  const { seconds, baseline, dirs } = parseArgs(process.argv.slice(2));
  const { parsePlan } = await import('../src/index.js');
  const files = listDocuments(dirs);
  if (baseline !== null) {
    const base = (await import(resolve(baseline, 'packages/parser/src/index.ts'))) as {
      parsePlan: ParsePlan;
    };
    console.log(
      `bench:parse — this engine against ${baseline}, ${files.length} documents, Node ${process.version}\n`,
    );
    await compare(parsePlan, base.parsePlan, files, seconds);
    return;
  }
  console.log(`bench:parse — ${files.length} documents, ~${seconds} s each, Node ${process.version}\n`);
  console.log(line(['document', 'bytes', 'runs', 'MB/s', 'docs/s']));
  const results: Measurement[] = [];
  for (const path of files) {
    const result = await measure(
      parsePlan,
      basename(path),
      new Uint8Array(readFileSync(path)),
      seconds * 1000,
      3,
    );
    results.push(result);
    console.log(report(result));
  }
  const ok = results.filter((result) => result.error === null);
  const size = ok.reduce((sum, result) => sum + result.bytes, 0);
  const bytes = ok.reduce((sum, result) => sum + result.bytes * result.runs, 0);
  const ms = ok.reduce((sum, result) => sum + result.ms, 0);
  const runs = ok.reduce((sum, result) => sum + result.runs, 0);
  console.log(
    line([
      'total',
      `${size}`,
      `${runs}`,
      mbPerSecond(bytes, ms),
      ms === 0 ? '—' : (runs / (ms / 1000)).toFixed(1),
    ]),
  );

  const corpusTexts = files.filter((path) => path.startsWith(CORPUS_DIR) && path.endsWith('.txt'));
  const synthetic = syntheticInput(
    corpusTexts.map((path) => new Uint8Array(readFileSync(path))),
    SYNTHETIC_BYTES,
  );
  if (synthetic.length > 0) {
    console.log('\nscaling: the corpus concatenated');
    console.log(
      report(
        await measure(
          parsePlan,
          `synthetic ${(synthetic.length / MB).toFixed(1)} MB`,
          synthetic,
          seconds * 1000,
          2,
        ),
      ),
    );
  }
}

try {
  await main();
} catch (error) {
  console.error(`bench:parse: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
