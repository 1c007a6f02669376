import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/index.js';
import { prf } from './counts.js';
import { requireCorpus } from '../src/testing/corpus.js';
import { CORPUS_DIR, FIXTURE_PLANS_DIR, discover } from './discover.js';
import { readPlan } from './read-plan.js';
import { scoreDocument, totalScore, type CountMeasure, type TotalScore } from './score.js';

async function score(dirs: string[]): Promise<TotalScore> {
  const { documents } = discover(dirs);
  const scores = [];
  for (const document of documents) {
    const plan = await parsePlan(new Uint8Array(readFileSync(document.path)), {
      fileName: basename(document.path),
    });
    scores.push(scoreDocument(document.label, readPlan(plan)));
  }
  return totalScore(scores);
}

// The bar for unseen plans. On the labelled corpus and fixtures the engine must clear it too:
// a change that drops below it is a regression, whatever the unit tests say.
const FLOORS: [CountMeasure, number][] = [
  ['items', 0.95],
  ['units', 0.9],
  ['lead', 0.9],
  ['targetsLenient', 0.85],
  ['targetsStrict', 0.7],
];

describe('accuracy against the gold labels', () => {
  it.each([
    ['the corpus', CORPUS_DIR],
    ['the team fixtures', FIXTURE_PLANS_DIR],
  ])('clears the F1 floors on %s', async (_name, dir) => {
    if (dir === CORPUS_DIR) requireCorpus();
    const total = await score([dir]);
    expect(total.documents).toBeGreaterThan(4);
    expect(total.failed).toBe(0);
    const f1 = Object.fromEntries(FLOORS.map(([m]) => [m, Number(prf(total.counts[m]).f1.toFixed(3))]));
    for (const [measure, floor] of FLOORS) expect.soft(f1[measure], measure).toBeGreaterThanOrEqual(floor);
    expect(total.meta.correct / total.meta.total).toBeGreaterThanOrEqual(0.85);
  });
});
