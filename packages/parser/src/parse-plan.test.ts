import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError, isParseError } from './errors.js';
import { parsePlan } from './parse-plan.js';
import type { Item, Plan } from './plan.js';
import { requireCorpus } from './testing/corpus.js';
import { assertValidPlan } from './testing/validate-plan.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function flatten(items: readonly Item[]): Item[] {
  return items.flatMap((i) => [i, ...flatten(i.children)]);
}

/** Every span of the plan lies inside the text, and each item's text is what its span holds after the marker. */
function assertSpans(plan: Plan): void {
  const inText = (s: { start: number; end: number }) =>
    s.start >= 0 && s.start <= s.end && s.end <= plan.text.length;
  for (const item of flatten(plan.items)) {
    expect(inText(item.source)).toBe(true);
    expect(plan.text.slice(item.source.start, item.source.end)).toContain(item.title);
    for (const t of item.targets) {
      expect(inText(t.source)).toBe(true);
      expect(plan.text.slice(t.source.start, t.source.end)).toBe(t.text);
    }
  }
}

describe('parsePlan on the corpus', () => {
  // Without the corpus beside the clone this file fails here, saying where the corpus must be.
  const corpus = requireCorpus();
  const files = readdirSync(corpus).filter((f) => f.endsWith('.txt'));

  it('finds the five corpus documents beside the repository', () => {
    expect(files).toHaveLength(5);
  });

  it.each(files)('reads %s into a schema-valid plan whose spans point into its text', async (file) => {
    const plan = await parsePlan(new Uint8Array(readFileSync(join(corpus, file))), { fileName: file });
    assertValidPlan(plan);
    assertSpans(plan);
    expect(plan.items.length).toBeGreaterThan(0);
    expect(plan.meta.title).not.toBeNull();
  });
});

describe('parsePlan', () => {
  it('reads a small plan: notice metadata, nested items, units and a target', async () => {
    const plan = await parsePlan(
      utf8(
        [
          '关于印发《2026年临江市卫生健康工作要点》的通知',
          '各县（区）卫生健康局，委机关各科室：',
          '现将《2026年临江市卫生健康工作要点》印发给你们，请认真贯彻落实。',
          '临江市卫生健康委员会',
          '2026年2月16日',
          '2026年临江市卫生健康工作要点',
          '一、提升疾病防控能力',
          '（一）做好免疫规划。以乡镇为单位适龄儿童免疫规划疫苗接种率保持在90%以上。（疾控科牵头，医政科、妇幼科配合）',
        ].join('\n'),
      ),
      { fileName: 'plan.txt' },
    );
    assertValidPlan(plan);
    expect(plan.meta).toMatchObject({
      title: '2026年临江市卫生健康工作要点',
      year: 2026,
      region: '临江市',
      issuedOn: '2026-02-16',
    });
    expect(plan.items).toHaveLength(1);
    const task = plan.items[0]?.children[0];
    expect(task).toMatchObject({
      number: '一',
      level: 2,
      title: '做好免疫规划',
      lead: ['疾控科'],
      support: ['医政科', '妇幼科'],
    });
    expect(task?.targets.map((t) => [t.op, t.value, t.unit])).toEqual([['>=', 90, '%']]);
    expect(plan.input).toEqual({
      format: 'text',
      encoding: 'utf-8',
      fileName: 'plan.txt',
      bytes: expect.any(Number) as number,
    });
  });

  it('rejects input over maxBytes with too_large', async () => {
    await expect(parsePlan(utf8('一、甲'.repeat(100)), { maxBytes: 10 })).rejects.toMatchObject({
      code: 'too_large',
    });
  });

  it('rejects a non-positive maxBytes with invalid_options', async () => {
    await expect(parsePlan(utf8('一、甲'), { maxBytes: 0 })).rejects.toBeInstanceOf(ParseError);
    await expect(parsePlan(utf8('一、甲'), { maxBytes: -1 })).rejects.toMatchObject({
      code: 'invalid_options',
    });
  });

  it('rejects an empty document with empty_document', async () => {
    const error: unknown = await parsePlan(utf8('  \n\n ')).catch((e: unknown) => e);
    expect(isParseError(error) && error.code).toBe('empty_document');
  });
});
