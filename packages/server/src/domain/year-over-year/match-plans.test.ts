import { describe, expect, it } from 'vitest';
import { loadFixturePair } from '../../testing/year-fixtures.js';
import { scoreLinks } from './evaluate.js';
import { metricSimilarity, proposeLinks, type YearTask } from './match-plans.js';
import { normaliseMetric, unitsCompatible } from './normalise.js';

const task = (id: string, title: string, fields: Partial<YearTask> = {}): YearTask => ({
  id,
  title,
  section: fields.section ?? [],
  leads: fields.leads ?? [],
  targets: fields.targets ?? [],
});

describe('metric normalisation', () => {
  it('strips years, numbers, verbs, punctuation and full-width forms from a metric phrase', () => {
    expect(normaliseMetric('2025年县域内就诊率')).toBe(normaliseMetric('县域内就诊率'));
    expect(normaliseMetric('提高１０个百分点的“签约率”')).toBe(normaliseMetric('签约率'));
    expect(normaliseMetric('孕产妇死亡率')).not.toBe(normaliseMetric('婴儿死亡率'));
  });

  it('treats units counting the same kind of thing as compatible, others not', () => {
    expect(unitsCompatible('个', '家')).toBe(true);
    expect(unitsCompatible('％', '%')).toBe(true);
    expect(unitsCompatible('%', '个')).toBe(false);
    expect(unitsCompatible('/10万', '‰')).toBe(false);
  });

  it('halves a metric match whose units measure different things', () => {
    const same = metricSimilarity(
      { id: 'a', metric: '就诊率', unit: '%' },
      { id: 'b', metric: '就诊率', unit: '%' },
    );
    const off = metricSimilarity(
      { id: 'a', metric: '就诊率', unit: '%' },
      { id: 'b', metric: '就诊率', unit: '家' },
    );
    expect(same).toBe(1);
    expect(off).toBe(0.5);
  });
});

describe('proposing links', () => {
  it('links a reworded task with the same metric and leaves an unrelated new task unlinked', () => {
    const previous = [
      task('p1', '推进紧密型县域医共体建设', {
        leads: ['医政'],
        targets: [{ id: 'pt', metric: '县域内就诊率', unit: '%' }],
      }),
    ];
    const current = [
      task('c1', '加强卫生健康宣传和健康科普', { leads: ['办公室'] }),
      task('c2', '全面推进县域医共体紧密型建设', {
        leads: ['医政'],
        targets: [{ id: 'ct', metric: '2026年县域内就诊率', unit: '%' }],
      }),
    ];
    const links = proposeLinks(previous, current);
    expect(links.map((l) => [l.previousId, l.currentId])).toEqual([['p1', 'c2']]);
    expect(links[0]?.reasons).toContain('metric_same');
    expect(links[0]?.targets).toEqual([{ previousTargetId: 'pt', targetId: 'ct', score: 1 }]);
  });

  it('links one-to-one: two similar tasks this year take at most one predecessor', () => {
    const previous = [task('p1', '加强乡村医生队伍建设')];
    const current = [task('c1', '加强乡村医生队伍建设'), task('c2', '加强乡村医生队伍建设工作')];
    const links = proposeLinks(previous, current);
    expect(links).toHaveLength(1);
    expect(links[0]?.currentId).toBe('c1');
  });
});

describe('the 青禾县 fixture pair (2025 → 2026, reworded titles)', () => {
  it('links at least 90 % of the continuing tasks correctly', async () => {
    const pair = await loadFixturePair('qinghe-truth.json');
    expect(pair.previous).toHaveLength(40);
    expect(pair.current).toHaveLength(40);
    const score = scoreLinks(proposeLinks(pair.previous, pair.current), pair.truth);
    // Precision is reported by `npm run eval:yoy`; here it must at least keep wrong links rare.
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the held-out 枫岭市 pair (table-form 分工方案, written after the matcher)', () => {
  it('keeps recall and precision near what was first measured on it (90.0 %, 96.4 %)', async () => {
    const pair = await loadFixturePair('fengling-truth.json');
    const score = scoreLinks(proposeLinks(pair.previous, pair.current), pair.truth);
    // A floor against regressions, not a target: the first measurement is the reported one.
    expect(score.recall).toBeGreaterThanOrEqual(0.85);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the held-out 云岫市 pair (three-level 工作要点, written by a reviewer who never read the matcher)', () => {
  it('keeps recall and precision near what was first measured on it (100 %, 100 %)', async () => {
    const pair = await loadFixturePair('yunxiu-truth.json');
    expect(pair.truth.length).toBe(30);
    const score = scoreLinks(proposeLinks(pair.previous, pair.current), pair.truth);
    // A floor against regressions, not a target: the first measurement is the reported one.
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
  });
});
