import { describe, expect, it } from 'vitest';
import {
  checkLines,
  groupReports,
  offeredKey,
  sheetPlace,
  type OfferedLine,
  type RawLine,
} from './bulk-values.js';

const offered = (itemId: string, unitId: string, targetId: string | null): OfferedLine => ({
  itemId,
  unitId,
  targetId,
  taskNumber: '（一）',
  taskTitle: '任务',
  unitName: '医政医管科',
  metric: targetId ? '床位数' : '',
  targetText: '',
  oldValue: null,
});
const catalogue = new Map(
  [offered('i1', 'u1', 't1'), offered('i1', 'u1', 't2'), offered('i2', 'u1', null)].map((o) => [
    offeredKey(o.itemId, o.unitId, o.targetId),
    o,
  ]),
);
const line = (row: number, fields: Partial<RawLine>): RawLine => ({
  row,
  itemId: 'i1',
  unitId: 'u1',
  targetId: 't1',
  value: null,
  percent: null,
  note: null,
  ...fields,
});

describe('checking a value sheet', () => {
  it('names the row, the column and the limit of every problem', () => {
    const checked = checkLines(
      [
        line(3, { value: 'x', percent: 101 }),
        line(4, { targetId: 't9', value: 1, percent: 10 }),
        line(5, { unitId: 'u2', value: 1, percent: 10 }),
        line(6, { itemId: 'i9', value: 1, percent: 10 }),
        line(7, { itemId: 'i2', targetId: null, value: 3, percent: 10 }),
      ],
      catalogue,
      sheetPlace,
    );
    expect(checked.map((c) => c.errors)).toEqual([
      ['第3行 G列（本期实际值）：应为数字', '第3行 H列（进度（%））：应为0到100之间的整数'],
      ['第4行 L列（指标ID）：不是此任务的指标（请使用本期模板，勿改动隐藏列）'],
      ['第5行 K列（单位ID）：此单位不填报此任务，或不在您的填报范围内（请使用本期模板，勿改动隐藏列）'],
      ['第6行 J列（任务ID）：不是本期可填报的任务（请使用本期模板，勿改动隐藏列）'],
      ['第7行 G列（本期实际值）：此行没有指标，只填进度'],
    ]);
  });

  it('takes a task’s progress from any of its lines but refuses two different ones', () => {
    const agreeing = checkLines(
      [line(3, { value: '1,200', percent: '40' }), line(4, { targetId: 't2', value: 2 })],
      catalogue,
      sheetPlace,
    );
    expect(agreeing.flatMap((c) => c.errors)).toEqual([]);
    expect(groupReports(agreeing)).toEqual([
      {
        itemId: 'i1',
        unitId: 'u1',
        percent: 40,
        narrative: '',
        actuals: [
          { targetId: 't1', value: 1200, note: '' },
          { targetId: 't2', value: 2, note: '' },
        ],
        rows: [3, 4],
      },
    ]);
    const clashing = checkLines(
      [line(3, { value: 1, percent: 40 }), line(4, { targetId: 't2', value: 2, percent: 50 })],
      catalogue,
      sheetPlace,
    );
    expect(clashing[1]?.errors).toEqual(['第4行 H列（进度（%））：与第3行的进度（40）不一致']);
  });

  it('skips untouched rows and refuses a task with values but no progress, and a repeated line', () => {
    const checked = checkLines(
      [line(3, {}), line(4, { value: 1 }), line(5, { value: 2 })],
      catalogue,
      sheetPlace,
    );
    expect(checked.map((c) => [c.row, c.errors])).toEqual([
      [4, ['第4行 H列（进度（%））：应填写0到100之间的整数']],
      // A repeated line is refused for that; its missing progress is the first line's problem.
      [5, ['第5行 J列（任务ID）：与第4行重复（同一任务、单位、指标只填一行）']],
    ]);
  });
});
