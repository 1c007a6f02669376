import { scoreLinks } from '../src/domain/year-over-year/evaluate.js';
import { proposeLinks } from '../src/domain/year-over-year/match-plans.js';
import { loadFixturePair } from '../src/testing/year-fixtures.js';

/*
 * Prints the year-over-year matcher's precision and recall on each fixture pair (issue 10, part 3):
 *   npm run eval:yoy -w packages/server [-- --verbose]
 */
const PAIRS = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const verbose = process.argv.includes('--verbose');

for (const truthFile of PAIRS.length > 0
  ? PAIRS
  : ['qinghe-truth.json', 'fengling-truth.json', 'yunxiu-truth.json']) {
  const pair = await loadFixturePair(truthFile);
  const proposals = proposeLinks(pair.previous, pair.current);
  const score = scoreLinks(proposals, pair.truth);
  const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;
  console.log(
    `${pair.name}: ${String(pair.previous.length)} → ${String(pair.current.length)} tasks, ` +
      `${String(score.truth)} continuing; proposed ${String(score.proposed)}, correct ${String(score.correct)}; ` +
      `precision ${pct(score.precision)}, recall ${pct(score.recall)}`,
  );
  if (verbose) {
    const title = new Map<string, string>([
      ...pair.previous.map((t): [string, string] => [`p${t.id}`, t.title]),
      ...pair.current.map((t): [string, string] => [`c${t.id}`, t.title]),
    ]);
    for (const w of score.wrong) {
      const p = proposals.find((x) => x.currentId === w.current);
      console.log(
        `  wrong  ${w.previous} ${title.get(`p${w.previous}`) ?? ''} → ${w.current} ${title.get(`c${w.current}`) ?? ''} ${JSON.stringify(p?.parts)} ${String(p?.score)}`,
      );
    }
    for (const m of score.missed)
      console.log(
        `  missed ${m.previous} ${title.get(`p${m.previous}`) ?? ''} → ${m.current} ${title.get(`c${m.current}`) ?? ''}`,
      );
  }
}
