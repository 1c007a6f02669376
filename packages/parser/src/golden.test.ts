import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from './parse-plan.js';
import { assertValidPlan } from './testing/validate-plan.js';

// Each fixture is named for the behaviour it exercises (fixtures/plans/README.md); its golden output is the
// engine's Plan JSON without the text. A change in behaviour shows as a diff here, reviewed with the change.
// A missing or changed golden fails; writing goldens is the explicit `npm run golden:update -w packages/parser`
// (GOLDEN_UPDATE=1), never a side effect of a test run.
const FIXTURE_DIRS = ['plans', 'formats'] as const;
const fixtures = FIXTURE_DIRS.flatMap((dir) =>
  readdirSync(new URL(`../fixtures/${dir}/`, import.meta.url))
    .filter((name) => !name.endsWith('.json') && !name.endsWith('.md'))
    .map((name) => ({ dir, name })),
);
const updating = process.env['GOLDEN_UPDATE'] === '1';

describe('golden fixtures', () => {
  it.each(fixtures)('$dir/$name parses to its golden plan', async ({ dir, name }) => {
    const bytes = new Uint8Array(readFileSync(new URL(`../fixtures/${dir}/${name}`, import.meta.url)));
    const plan = await parsePlan(bytes, { fileName: name });
    assertValidPlan(plan);
    const { text, ...rest } = plan;
    const actual = `${JSON.stringify({ textLength: text.length, ...rest }, null, 2)}\n`;
    const file = new URL(`../fixtures/golden/${dir}/${name}.plan.json`, import.meta.url);
    if (updating) {
      writeFileSync(file, actual);
      return;
    }
    expect(
      existsSync(file),
      `no golden for ${dir}/${name}: run npm run golden:update -w packages/parser and review the file`,
    ).toBe(true);
    expect(actual, `${dir}/${name} differs from its golden`).toBe(readFileSync(file, 'utf8'));
  });
});
