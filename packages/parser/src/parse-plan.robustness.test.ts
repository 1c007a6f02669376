import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isParseError } from './errors.js';
import { parsePlan } from './parse-plan.js';
import { assertValidPlan } from './testing/validate-plan.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** parsePlan must settle with a schema-valid plan or a ParseError, never anything else. */
async function settle(bytes: Uint8Array): Promise<void> {
  try {
    assertValidPlan(await parsePlan(bytes));
  } catch (error) {
    if (!isParseError(error)) throw error;
    expect(error.code).not.toBe('internal_error');
  }
}

const genreChars = fc.constantFrom(
  ...'一二三四五六七八九十（）()、，。；：:.0123456789%‰以上下内达到控制在不低于牵头配合负责科局中心委\n\t 年月日底前左右-～/万个家'.split(
    '',
  ),
);

describe('parsePlan robustness', () => {
  it('settles on random bytes with a plan or a ParseError', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), settle), { numRuns: 150 });
  });

  it('settles on random text in the genre with a schema-valid plan', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(genreChars, { maxLength: 3000 }), async (chars) =>
        settle(utf8(chars.join(''))),
      ),
      { numRuns: 150 },
    );
  });

  it('reads a 10 MB single line without hanging', async () => {
    const line = '全市住院分娩率达到98%以上（医政科牵头，妇幼科配合）'.repeat(
      Math.ceil((10 * 1024 * 1024) / 80),
    );
    // No clock here (speed is bench:parse): a super-linear blow-up would run into the time-out instead.
    // The default character limit would refuse it before reading; lifted, the engine itself is exercised.
    const plan = await parsePlan(utf8(line), { limits: { maxCharacters: 20_000_000 } });
    assertValidPlan(plan);
    expect(plan.text.length).toBeGreaterThan(1_000_000);
  }, 120_000);

  it('reads thousands of nested headings and caps the depth at 8', async () => {
    const styles = ['一、', '（一）', '1.', '（1）', '①', '1）', '第一部分', '1、'];
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) lines.push(`${styles[i % styles.length] ?? ''}第${i}项工作。`);
    const plan = await parsePlan(utf8(lines.join('\n')));
    assertValidPlan(plan);
    const depth = (items: typeof plan.items): number =>
      Math.max(0, ...items.map((i) => 1 + depth(i.children)));
    expect(depth(plan.items)).toBeLessThanOrEqual(8);
  });
});
