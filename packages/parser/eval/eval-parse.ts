/**
 * `npm run eval:parse [--json] [--details] [DIR …]` — runs the plan engine on every labelled document in DIR
 * (default: ../shared/corpus and packages/parser/fixtures/plans) and prints precision / recall / F1.
 * Always exits 0: it measures, it does not gate.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { defaultDirs, discover, type LabelledDocument } from './discover.js';
import { readPlan } from './read-plan.js';
import { formatDetails, formatDocumentTable, formatTotals, formatUnpaired, jsonReport } from './report.js';
import { scoreDocument, totalScore, type DocumentScore } from './score.js';

function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

type ParsePlan = (typeof import('../src/index.js'))['parsePlan'];

/** Loaded lazily so that an engine that does not even load still yields a report (all misses). */
async function loadEngine(): Promise<ParsePlan | string> {
  try {
    return (await import('../src/index.js')).parsePlan;
  } catch (error) {
    return `the engine did not load: ${errorMessage(error)}`;
  }
}

async function evaluate(parsePlan: ParsePlan | string, document: LabelledDocument): Promise<DocumentScore> {
  if (typeof parsePlan === 'string') return scoreDocument(document.label, null, parsePlan);
  const bytes = new Uint8Array(readFileSync(document.path));
  try {
    const plan = await parsePlan(bytes, { fileName: basename(document.path) });
    return scoreDocument(document.label, readPlan(plan));
  } catch (error) {
    return scoreDocument(document.label, null, errorMessage(error));
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const json = argv.includes('--json');
  const showUnpaired = argv.includes('--details');
  const args = argv.filter((arg) => arg !== '--json' && arg !== '--details');
  const dirs = args.length > 0 ? args.map((dir) => resolve(dir)) : defaultDirs();
  if (dirs.length === 0) {
    console.log('eval:parse: no document folders found (give DIR …)');
    return;
  }
  const { documents, unlabelled } = discover(dirs);
  const parsePlan = await loadEngine();
  const scores: DocumentScore[] = [];
  for (const document of documents) scores.push(await evaluate(parsePlan, document));
  const total = totalScore(scores);
  if (json) {
    console.log(JSON.stringify(jsonReport(scores, total), null, 2));
    return;
  }
  console.log(`eval:parse over ${dirs.join(', ')}\n`);
  console.log(formatDocumentTable(scores));
  console.log(
    '\nF1 per document; tgt-len: value + unit; tgt-str: also op + metric; tgt-item: also the item.\n',
  );
  console.log(formatTotals(total));
  const details = formatDetails(scores);
  if (details.length > 0) console.log(`\n${details}`);
  if (showUnpaired) console.log(`\n${formatUnpaired(scores)}`);
  if (unlabelled.length > 0)
    console.log(`\nunlabelled, not scored: ${unlabelled.map((p) => basename(p)).join(', ')}`);
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  // A broken label or unreadable folder is the harness's problem, not a score: say so and stop.
  console.error(`eval:parse: ${errorMessage(error)}`);
  process.exitCode = 1;
}
