/**
 * Bounded import, timed: how long each limit takes to refuse a hostile document in the server's reading
 * worker, and how /api/health-sized work on the main event loop fares meanwhile (event-loop delay while a
 * bomb is read in a worker, against the same bomb read on the main thread as before issue 12).
 *   node --import tsx packages/server/bench/bench-bounded-import.ts
 */
import { strToU8, zipSync } from 'fflate';
import { DEFAULT_PARSE_LIMITS, parsePlan } from '@yaodian/parser';
import { createWorkerPlanReader } from '../src/parsing/plan-reader-pool.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const docx = (paragraphs: readonly string[]): Uint8Array => {
  const body = paragraphs.map(para);
  return zipSync({
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body.join('')}</w:body></w:document>`,
    ),
  });
};

interface Run {
  ms: number;
  outcome: string;
  maxDelayMs: number;
}

/** The longest gap between ticks of a 5 ms interval: how long anything else (a health check) had to wait. */
async function timed(read: () => Promise<unknown>): Promise<Run> {
  let last = performance.now();
  let maxGap = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 5);
  // Let the probe tick once before the read starts.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const start = performance.now();
  let outcome: string;
  try {
    await read();
    outcome = 'read';
  } catch (error) {
    outcome = (error as { limit?: { name: string } }).limit?.name ?? String(error);
  }
  const ms = performance.now() - start;
  // One more tick, so a gap that ends with the read is recorded.
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(probe);
  return { ms, outcome, maxDelayMs: maxGap };
}

const reader = createWorkerPlanReader({ timeoutMs: 30_000, concurrency: 2 });
// ~48 MB of XML (past the 32 MB default), ratio ~10 so the declared-size checks pass.
const bomb = docx(Array.from({ length: 650_000 }, (_, i) => `第${String(i)}行：${String(i * 7919)}`));
// Many numbered items in a small file (past the 5,000-item default): 一、 × （一） × 1. … 400.
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const items = docx(
  CN.flatMap((a) => [
    `${a}、部分`,
    ...CN.flatMap((b) => [
      `（${b}）方面`,
      ...Array.from({ length: 400 }, (_, c) => `${String(c + 1)}.推进工作`),
    ]),
  ]),
);

const cases: [string, Uint8Array][] = [
  [`inflated bomb ${String(Math.round(bomb.length / 1024))} KB`, bomb],
  [`numbered items ${String(Math.round(items.length / 1024))} KB`, items],
];
console.log(
  `defaults: ${JSON.stringify(DEFAULT_PARSE_LIMITS)}, parse time limit 30 s (a busy machine: run it alone)`,
);
console.log(
  'case | worker: ms, stopped by, max event-loop delay | main thread: ms, stopped by, max delay | delay ratio',
);
const ROUNDS = 3;
const median = (runs: Run[], pick: (run: Run) => number): number =>
  runs.map(pick).sort((x, y) => x - y)[Math.floor(runs.length / 2)] ?? 0;
for (const [name, bytes] of cases) {
  // Alternating rounds, so a busy moment on the machine falls on both sides alike; medians printed.
  const worker: Run[] = [];
  const main: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    worker.push(await timed(() => reader.read(bytes, {})));
    main.push(await timed(() => parsePlan(bytes)));
  }
  const w = { ms: median(worker, (r) => r.ms), delay: median(worker, (r) => r.maxDelayMs) };
  const m = { ms: median(main, (r) => r.ms), delay: median(main, (r) => r.maxDelayMs) };
  console.log(
    `${name} | ${w.ms.toFixed(0)} ms, ${worker[0]?.outcome ?? ''}, ${w.delay.toFixed(1)} ms | ` +
      `${m.ms.toFixed(0)} ms, ${main[0]?.outcome ?? ''}, ${m.delay.toFixed(1)} ms | ` +
      `${(m.delay / Math.max(w.delay, 0.1)).toFixed(1)}×`,
  );
}
await reader.close();
