import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MISSING_CORPUS, requireCorpus } from '../src/testing/corpus.js';
import { CORPUS_DIR, FIXTURE_PLANS_DIR, LABEL_SUFFIX, LABELS_DIR } from './discover.js';
import { labelErrors, parseLabel } from './label.js';

const labelFiles = readdirSync(LABELS_DIR).filter((name) => name.endsWith(LABEL_SUFFIX));

describe('gold labels in eval/labels', () => {
  it('cover the five corpus documents', () => {
    expect(labelFiles.length).toBeGreaterThanOrEqual(5);
  });

  it('needs the corpus beside the clone (CI puts it there)', () => {
    expect(() => requireCorpus()).not.toThrow();
  });

  for (const file of labelFiles) {
    it(`${file} passes the label check and names an existing document`, () => {
      const value: unknown = JSON.parse(readFileSync(join(LABELS_DIR, file), 'utf8'));
      expect(labelErrors(value)).toEqual([]);
      const label = parseLabel(readFileSync(join(LABELS_DIR, file), 'utf8'), file);
      expect(file).toBe(label.document + LABEL_SUFFIX);
      const inCorpus = existsSync(join(CORPUS_DIR, label.document));
      const inFixtures = existsSync(join(FIXTURE_PLANS_DIR, label.document));
      expect(inCorpus || inFixtures, inFixtures ? '' : MISSING_CORPUS).toBe(true);
    });
  }
});

describe('labelErrors', () => {
  const valid = {
    document: 'x.txt',
    meta: {
      title: '2030年全市卫生健康工作要点',
      year: 2030,
      region: null,
      issuer: null,
      issuedOn: null,
      publishedOn: '2030-01-02',
      docNumber: null,
      recipients: [],
    },
    items: [
      { number: '一', level: 1, title: '工作目标', units: [], lead: [], support: [] },
      {
        number: '1',
        level: 2,
        title: '推进',
        units: ['体改科', '医政科'],
        lead: ['体改科'],
        support: ['医政科'],
      },
    ],
    targets: [{ item: 1, metric: '普惠率', op: '>=', value: 30, unit: '%' }],
  };

  it('accepts a well-formed label', () => {
    expect(labelErrors(valid)).toEqual([]);
  });

  function withItem(index: number, patch: Record<string, unknown>): unknown {
    return { ...valid, items: valid.items.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)) };
  }

  it('rejects a lead unit missing from units', () => {
    expect(labelErrors(withItem(1, { lead: ['规信科'] })).join()).toContain('not in units');
  });

  it('rejects a level that skips a depth', () => {
    expect(labelErrors(withItem(1, { level: 3 })).join()).toContain('jumps');
  });

  it('rejects a number printed with its brackets', () => {
    expect(labelErrors(withItem(0, { number: '（一）' })).join()).toContain('number');
  });

  it('rejects a range without two ends, an unknown op and an item index out of bounds', () => {
    const bad = structuredClone(valid) as unknown as { targets: unknown[] };
    bad.targets = [
      { item: 1, metric: 'a', op: 'range', value: 5, unit: '' },
      { item: 1, metric: 'b', op: '>', value: 5, unit: '' },
      { item: 9, metric: 'c', op: '=', value: 5, unit: '' },
    ];
    const errors = labelErrors(bad).join('\n');
    expect(errors).toContain('targets[0].value');
    expect(errors).toContain('targets[1].op');
    expect(errors).toContain('targets[2].item');
  });

  it('rejects a date that is not YYYY-MM-DD and an unknown field', () => {
    const bad = structuredClone(valid) as unknown as Record<string, unknown> & {
      meta: Record<string, unknown>;
    };
    bad.meta.issuedOn = '2030年1月2日';
    bad.extra = 1;
    const errors = labelErrors(bad).join('\n');
    expect(errors).toContain('meta.issuedOn');
    expect(errors).toContain('unknown field "extra"');
  });
});
