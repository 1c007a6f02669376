import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from './parse-plan.js';
import { assertValidPlan } from './testing/validate-plan.js';

// Each fixture is named for the behaviour it exercises (fixtures/plans/README.md); its golden output is the
// engine's Plan JSON without the text. A change in behaviour shows as a diff here, reviewed with the change.
const FIXTURE_DIRS = ['plans', 'formats'] as const;
const fixtures = FIXTURE_DIRS.flatMap((dir) =>
  readdirSync(new URL(`../fixtures/${dir}/`, import.meta.url))
    .filter((name) => !name.endsWith('.json') && !name.endsWith('.md'))
    .map((name) => ({ dir, name })),
);

describe('golden fixtures', () => {
  it.each(fixtures)('$dir/$name parses to its golden plan', async ({ dir, name }) => {
    const bytes = new Uint8Array(readFileSync(new URL(`../fixtures/${dir}/${name}`, import.meta.url)));
    const plan = await parsePlan(bytes, { fileName: name });
    assertValidPlan(plan);
    const { text, ...rest } = plan;
    const golden = { textLength: text.length, ...rest };
    await expect(`${JSON.stringify(golden, null, 2)}\n`).toMatchFileSnapshot(
      `../fixtures/golden/${dir}/${name}.plan.json`,
    );
  });
});
