import { describe, expect, it } from 'vitest';
import type { Item, Plan, PlanMeta, Target } from '../src/plan.js';
import { prf } from './counts.js';
import type { LabelItem, LabelTarget, PlanLabel } from './label.js';
import { readPlan } from './read-plan.js';
import { scoreDocument, totalScore } from './score.js';

const META: PlanMeta = {
  title: '2030年青溪市卫生健康工作要点',
  year: 2030,
  region: '青溪市',
  issuer: '青溪市卫生健康委员会',
  issuedOn: '2030-03-01',
  publishedOn: '2030-03-05',
  docNumber: '青卫发〔2030〕3号',
  recipients: ['各县（区）卫生健康局', '委机关各科室'],
};

function goldItem(
  number: string,
  level: number,
  title: string,
  lead: string[] = [],
  support: string[] = [],
): LabelItem {
  return { number, level, title, units: [...lead, ...support], lead, support };
}

function goldTarget(
  item: number | null,
  metric: string,
  op: LabelTarget['op'],
  value: LabelTarget['value'],
  unit: string,
): LabelTarget {
  return { item, metric, op, value, unit };
}

function label(items: LabelItem[], targets: LabelTarget[] = [], meta: PlanMeta = META): PlanLabel {
  return { document: 'synthetic.txt', meta, items, targets };
}

let position = 0;

function target(metric: string, op: Target['op'], value: Target['value'], unit: string): Target {
  position += 10;
  return {
    metric,
    op,
    value,
    unit,
    basis: 'level',
    text: metric,
    source: { start: position, end: position + 5 },
    deadline: null,
    deadlineText: null,
  };
}

interface ItemSpec {
  number: string;
  title: string;
  lead?: string[];
  support?: string[];
  units?: string[];
  targets?: Target[];
  children?: Item[];
}

function item(spec: ItemSpec, level = 1): Item {
  const lead = spec.lead ?? [];
  const support = spec.support ?? [];
  position += 10;
  return {
    number: spec.number,
    level,
    title: spec.title,
    text: spec.title,
    units: spec.units ?? [...lead, ...support],
    lead,
    support,
    targets: spec.targets ?? [],
    deadline: null,
    deadlineText: null,
    children: spec.children ?? [],
    source: { start: position, end: position + 5 },
  };
}

function plan(items: Item[], targets: Target[] = [], meta: PlanMeta = META): Plan {
  return {
    schema: 'yaodian.plan/v1',
    input: { format: 'text', encoding: 'utf-8', fileName: 'synthetic.txt', bytes: 100 },
    text: '',
    meta,
    items,
    targets,
    aliases: [],
    warnings: [],
  };
}

// A two-level plan in the genre: sections 一、/二、, tasks 1./2. with 牵头 clauses and a few targets.
const GOLD = label(
  [
    goldItem('一', 1, '强化疾病预防控制'),
    goldItem('1', 2, '提升免疫规划水平', ['疾控科'], ['医政科', '各县区卫生健康局']),
    goldItem('2', 2, '加强慢性病综合防控', ['疾控科', '基层科'], ['妇幼科']),
    goldItem('二', 1, '提升基层服务能力'),
    goldItem('3', 2, '推进乡镇卫生院提质', [], []),
  ],
  [
    goldTarget(1, '适龄儿童免疫规划疫苗接种率', '>=', 95, '%'),
    goldTarget(2, '重大慢性病过早死亡率', '<=', 15, '%'),
    goldTarget(4, '中心卫生院', 'range', [3, 5], '家'),
    goldTarget(null, '人均预期寿命', '~', 80, '岁'),
  ],
);

function exactPlan(): Plan {
  return plan(
    [
      item({
        number: '一',
        title: '强化疾病预防控制',
        children: [
          item(
            {
              number: '1',
              title: '提升免疫规划水平',
              lead: ['疾控科'],
              support: ['医政科', '各县区卫生健康局'],
              targets: [target('适龄儿童免疫规划疫苗接种率', '>=', 95, '%')],
            },
            2,
          ),
          item(
            {
              number: '2',
              title: '加强慢性病综合防控',
              lead: ['疾控科', '基层科'],
              support: ['妇幼科'],
              targets: [target('重大慢性病过早死亡率', '<=', 15, '%')],
            },
            2,
          ),
        ],
      }),
      item({
        number: '二',
        title: '提升基层服务能力',
        children: [
          item(
            {
              number: '3',
              title: '推进乡镇卫生院提质',
              targets: [target('中心卫生院', 'range', [3, 5], '家')],
            },
            2,
          ),
        ],
      }),
    ],
    [target('人均预期寿命', '~', 80, '岁')],
  );
}

describe('scoreDocument', () => {
  it('gives F1 1 on every measure and 8/8 meta when the plan equals the label', () => {
    const score = scoreDocument(GOLD, readPlan(exactPlan()));
    for (const counts of [
      score.items,
      score.units,
      score.lead,
      score.support,
      score.targetsLenient,
      score.targetsStrict,
      score.targetsPlaced,
    ]) {
      expect(counts.fp).toBe(0);
      expect(counts.fn).toBe(0);
    }
    expect(score.items.tp).toBe(5);
    expect(score.units.tp).toBe(6);
    expect(score.lead.tp).toBe(3);
    expect(score.targetsStrict.tp).toBe(4);
    expect(score.meta.correct).toBe(8);
  });

  it('counts a missing item and its units as misses', () => {
    const predicted = exactPlan();
    const first = predicted.items[0];
    if (first === undefined) throw new Error('fixture has items');
    first.children = first.children.slice(0, 1);
    const score = scoreDocument(GOLD, readPlan(predicted));
    expect(score.items).toEqual({ tp: 4, fp: 0, fn: 1 });
    expect(score.units).toEqual({ tp: 3, fp: 0, fn: 3 });
    expect(score.lead).toEqual({ tp: 1, fp: 0, fn: 2 });
    expect(prf(score.items).recall).toBeCloseTo(0.8);
    expect(prf(score.items).precision).toBe(1);
  });

  it('counts an extra item and its units as false positives', () => {
    const predicted = exactPlan();
    predicted.items.push(
      item({ number: '三', title: '加强党的建设', lead: ['机关党委'], support: ['办公室'] }),
    );
    const score = scoreDocument(GOLD, readPlan(predicted));
    expect(score.items).toEqual({ tp: 5, fp: 1, fn: 0 });
    expect(score.units).toEqual({ tp: 6, fp: 2, fn: 0 });
    expect(score.lead).toEqual({ tp: 3, fp: 1, fn: 0 });
  });

  it('matches titles that differ only in width, spacing, trailing punctuation or one character', () => {
    const gold = label([
      goldItem('一', 1, '加快医联(共)体建设'),
      goldItem('二', 1, '提升县级医院综合服务能力'),
    ]);
    const predicted = plan([
      item({ number: '一', title: '加快医联（共）体 建设。' }),
      item({ number: '二', title: '提升县级医院综合服务水平' }),
    ]);
    expect(scoreDocument(gold, readPlan(predicted)).items).toEqual({ tp: 2, fp: 0, fn: 0 });
  });

  it('does not match an item whose number or title differs', () => {
    const gold = label([goldItem('一', 1, '强化疾病预防控制'), goldItem('二', 1, '提升基层服务能力')]);
    const predicted = plan([
      item({ number: '1', title: '强化疾病预防控制' }),
      item({ number: '二', title: '全面加强党的建设工作' }),
    ]);
    expect(scoreDocument(gold, readPlan(predicted)).items).toEqual({ tp: 0, fp: 2, fn: 2 });
  });

  it('ignores level when matching items, so a mis-nested item still counts', () => {
    const gold = label([goldItem('一', 1, '工作目标'), goldItem('1', 2, '住院分娩率达到98%以上')]);
    const predicted = plan([
      item({ number: '一', title: '工作目标' }),
      item({ number: '1', title: '住院分娩率达到98%以上' }),
    ]);
    expect(scoreDocument(gold, readPlan(predicted)).items.tp).toBe(2);
  });

  it('pairs repeated numbers one-to-one in document order', () => {
    const gold = label([
      goldItem('一', 1, '工作目标'),
      goldItem('1', 2, '健全工作机制'),
      goldItem('二', 1, '重点任务'),
      goldItem('1', 2, '健全工作机制', ['规信科']),
    ]);
    const predicted = plan([
      item({ number: '一', title: '工作目标', children: [item({ number: '1', title: '健全工作机制' }, 2)] }),
      item({
        number: '二',
        title: '重点任务',
        children: [item({ number: '1', title: '健全工作机制', lead: ['规信科'] }, 2)],
      }),
    ]);
    const score = scoreDocument(gold, readPlan(predicted));
    expect(score.items).toEqual({ tp: 4, fp: 0, fn: 0 });
    expect(score.lead).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('counts a unit printed twice in the output once, the repeat as a false positive', () => {
    const gold = label([goldItem('1', 1, '推进医联体建设', ['体改科'], ['医政科'])]);
    const predicted = plan([
      item({
        number: '1',
        title: '推进医联体建设',
        units: ['体改科', '医政科', '医政科'],
        lead: ['体改科'],
        support: ['医政科'],
      }),
    ]);
    expect(scoreDocument(gold, readPlan(predicted)).units).toEqual({ tp: 2, fp: 1, fn: 0 });
  });

  it('scores lead and support separately from units', () => {
    const gold = label([goldItem('1', 1, '推进医联体建设', ['体改科'], ['医政科'])]);
    const predicted = plan([
      item({
        number: '1',
        title: '推进医联体建设',
        units: ['体改科', '医政科'],
        lead: ['医政科'],
        support: ['体改科'],
      }),
    ]);
    const score = scoreDocument(gold, readPlan(predicted));
    expect(score.units).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(score.lead).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(score.support).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it('accepts a wrong op or metric as lenient but not strict', () => {
    const gold = label([goldItem('1', 1, '提升免疫规划水平')], [goldTarget(0, '疫苗接种率', '>=', 90, '%')]);
    const wrongOp = plan([
      item({ number: '1', title: '提升免疫规划水平', targets: [target('疫苗接种率', '=', 90, '%')] }),
    ]);
    const wrongMetric = plan([
      item({ number: '1', title: '提升免疫规划水平', targets: [target('群众满意度', '>=', 90, '%')] }),
    ]);
    for (const predicted of [wrongOp, wrongMetric]) {
      const score = scoreDocument(gold, readPlan(predicted));
      expect(score.targetsLenient.tp).toBe(1);
      expect(score.targetsStrict).toEqual({ tp: 0, fp: 1, fn: 1 });
    }
  });

  it('accepts a longer or shorter metric that contains the gold one as strict', () => {
    const gold = label([], [goldTarget(null, '婴幼儿托位', '>=', 4000, '个')]);
    const predicted = plan([], [target('新增3岁以下婴幼儿托位', '>=', 4000, '个')]);
    expect(scoreDocument(gold, readPlan(predicted)).targetsStrict.tp).toBe(1);
  });

  it('requires the same unit and value, ranges compared end to end', () => {
    const gold = label(
      [],
      [
        goldTarget(null, '孕产妇死亡率', '<=', 18, '/10万'),
        goldTarget(null, '新技术项目', 'range', [5, 10], '个'),
      ],
    );
    const predicted = plan(
      [],
      [target('孕产妇死亡率', '<=', 18, '%'), target('新技术项目', 'range', [5, 9], '个')],
    );
    expect(scoreDocument(gold, readPlan(predicted)).targetsLenient).toEqual({ tp: 0, fp: 2, fn: 2 });
  });

  it('counts a target attached to the wrong item as lenient but not placed', () => {
    const gold = label(
      [goldItem('1', 1, '加强妇幼健康'), goldItem('2', 1, '加强老年健康')],
      [goldTarget(0, '住院分娩率', '>=', 98, '%')],
    );
    const predicted = plan([
      item({ number: '1', title: '加强妇幼健康' }),
      item({ number: '2', title: '加强老年健康', targets: [target('住院分娩率', '>=', 98, '%')] }),
    ]);
    const score = scoreDocument(gold, readPlan(predicted));
    expect(score.targetsLenient.tp).toBe(1);
    expect(score.targetsPlaced).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it('pairs a value repeated in two items with the occurrence in the matched item', () => {
    const gold = label(
      [goldItem('1', 1, '工作目标'), goldItem('2', 1, '托育服务')],
      [goldTarget(0, '普惠率', '>=', 30, '%'), goldTarget(1, '普惠率', '>=', 30, '%')],
    );
    const predicted = plan([
      item({ number: '1', title: '工作目标', targets: [target('普惠率', '>=', 30, '%')] }),
      item({ number: '2', title: '托育服务', targets: [target('普惠率', '>=', 30, '%')] }),
    ]);
    expect(scoreDocument(gold, readPlan(predicted)).targetsPlaced).toEqual({ tp: 2, fp: 0, fn: 0 });
  });

  it('counts a target found only once when the label has it twice as one miss', () => {
    const gold = label(
      [],
      [goldTarget(null, '普惠率', '>=', 30, '%'), goldTarget(null, '普惠率', '>=', 30, '%')],
    );
    const predicted = plan([], [target('普惠率', '>=', 30, '%')]);
    expect(scoreDocument(gold, readPlan(predicted)).targetsLenient).toEqual({ tp: 1, fp: 0, fn: 1 });
  });

  it('counts everything as missed and no meta right when the engine failed', () => {
    const score = scoreDocument(GOLD, null, 'unsupported_format: no');
    expect(score.error).toBe('unsupported_format: no');
    expect(score.items).toEqual({ tp: 0, fp: 0, fn: 5 });
    expect(score.units).toEqual({ tp: 0, fp: 0, fn: 6 });
    expect(score.targetsLenient).toEqual({ tp: 0, fp: 0, fn: 4 });
    expect(score.meta.correct).toBe(0);
  });
});

describe('meta scoring', () => {
  it('takes the notice title for the plan title and ignores how recipients are split', () => {
    const predicted = {
      ...META,
      title: '关于印发《2030年青溪市卫生健康工作要点》的通知',
      recipients: ['各县（区）卫生健康局，委机关各科室'],
      docNumber: '青卫发[2030]3号',
    };
    expect(scoreDocument(label([]), readPlan(plan([], [], predicted))).meta.correct).toBe(8);
  });

  it('marks each differing field wrong and names it', () => {
    const predicted = { ...META, region: null, issuedOn: '2030-03-02', recipients: ['各县（区）卫生健康局'] };
    const meta = scoreDocument(label([]), readPlan(plan([], [], predicted))).meta;
    expect(meta.correct).toBe(5);
    expect(meta.wrong.map((wrong) => wrong.field)).toEqual(['region', 'issuedOn', 'recipients']);
  });

  it('counts null as right only where the label is null', () => {
    const gold = { ...META, docNumber: null, issuer: null };
    const predicted = { ...META, docNumber: null, issuer: null, region: null };
    expect(scoreDocument(label([], [], gold), readPlan(plan([], [], predicted))).meta.correct).toBe(7);
  });
});

describe('totalScore', () => {
  it('sums counts over documents before taking P/R/F1', () => {
    const perfect = scoreDocument(GOLD, readPlan(exactPlan()));
    const failed = scoreDocument(GOLD, null, 'corrupt_container: no');
    const total = totalScore([perfect, failed]);
    expect(total.counts.items).toEqual({ tp: 5, fp: 0, fn: 5 });
    expect(prf(total.counts.items)).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3 });
    expect(total.meta).toEqual({ correct: 8, total: 16 });
    expect(total.failed).toBe(1);
  });
});

describe('prf', () => {
  it('is vacuously 1 with nothing expected and nothing predicted', () => {
    expect(prf({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('gives F1 0 when nothing right was predicted', () => {
    expect(prf({ tp: 0, fp: 3, fn: 2 })).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('readPlan', () => {
  it('flattens the tree in pre-order with depth as level and keeps targets in text order', () => {
    const tree = plan([
      item({
        number: '一',
        title: 'A',
        children: [item({ number: '1', title: 'B', children: [item({ number: '1', title: 'C' }, 3)] }, 2)],
      }),
      item({ number: '二', title: 'D' }),
    ]);
    const read = readPlan(tree);
    expect(read.items.map((entry) => `${entry.number}${entry.title}${entry.level}`)).toEqual([
      '一A1',
      '1B2',
      '1C3',
      '二D1',
    ]);
  });

  it('reads malformed output without throwing', () => {
    const read = readPlan({
      items: [{ number: 3, children: 'x', units: ['体改科', 7] }, null],
      targets: [{ value: 'x' }],
      meta: 5,
    });
    expect(read.items).toHaveLength(2);
    expect(read.items[0]?.units).toEqual(['体改科']);
    expect(read.targets[0]?.value).toBeNull();
    expect(read.meta.recipients).toEqual([]);
    expect(readPlan(undefined).items).toEqual([]);
  });
});
