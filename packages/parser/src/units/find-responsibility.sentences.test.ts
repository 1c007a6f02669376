import { describe, expect, it } from 'vitest';
import { findResponsibility } from './find-responsibility.js';
import { isUnitName } from './unit-name.js';

const read = (item: string) => findResponsibility(item, { start: 0, end: item.length });
const roles = (item: string) => {
  const r = read(item);
  return r === null ? null : { units: r.units, lead: r.lead, support: r.support };
};

// Original task paragraphs in the genre.
describe('findResponsibility on a closing 此项工作由… sentence', () => {
  it('reads 此项工作由X牵头，Y、Z配合 with X as lead', () => {
    expect(
      roles(
        '完善慢病随访管理。重点人群规范管理率达到70%。此项工作由基层卫生处牵头，疾控处、市疾控中心配合。',
      ),
    ).toEqual({
      units: ['基层卫生处', '疾控处', '市疾控中心'],
      lead: ['基层卫生处'],
      support: ['疾控处', '市疾控中心'],
    });
  });

  it('reads 该项任务由X牵头，Y参与', () => {
    expect(roles('推进智慧医院建设。该项任务由规划信息科牵头，信息中心参与。')).toEqual({
      units: ['规划信息科', '信息中心'],
      lead: ['规划信息科'],
      support: ['信息中心'],
    });
  });

  it('reads a 具体落实 unit after a 配合 list as support', () => {
    expect(
      roles('开展职业病危害专项治理。此项工作由职业健康处牵头，市职防院配合，各县区卫生健康局具体落实。'),
    ).toEqual({
      units: ['职业健康处', '市职防院', '各县区卫生健康局'],
      lead: ['职业健康处'],
      support: ['市职防院', '各县区卫生健康局'],
    });
  });

  it('reads 由X牵头、Y具体落实 without a subject', () => {
    expect(roles('规范村卫生室药品配备。由药政科牵头、各乡镇卫生院具体落实。')).toEqual({
      units: ['药政科', '各乡镇卫生院'],
      lead: ['药政科'],
      support: ['各乡镇卫生院'],
    });
  });

  it('reads 本项工作由X负责 as units only', () => {
    expect(roles('做好年度财务决算。本项工作由财务审计科负责。')).toEqual({
      units: ['财务审计科'],
      lead: [],
      support: [],
    });
  });

  it('reads a long subject before 由 the same way', () => {
    expect(roles('全市基本公共卫生服务项目年度绩效评价工作由基层科牵头，财务科配合。')).toEqual({
      units: ['基层科', '财务科'],
      lead: ['基层科'],
      support: ['财务科'],
    });
  });

  it('never reads a sentence with 由 inside as one unit name, but keeps names with 自由', () => {
    expect(isUnitName('此项工作由疾控处')).toBe(false);
    expect(isUnitName('自由贸易试验区管委会')).toBe(true);
    expect(roles('做好口岸卫生检疫衔接。（自由贸易试验区管委会牵头，市疾控中心配合）')?.lead).toEqual([
      '自由贸易试验区管委会',
    ]);
  });
});

describe('findResponsibility on an item that prints several clauses', () => {
  it('reads the union of two bracketed clauses in printed order, each lead kept', () => {
    const item =
      '推进县医院扩容。完成门诊楼改造（规划股牵头，县医院配合）；同步建设胸痛中心，年内通过认证（医政股牵头，县医院、县急救站配合）。';
    expect(roles(item)).toEqual({
      units: ['规划股', '县医院', '医政股', '县急救站'],
      lead: ['规划股', '医政股'],
      support: ['县医院', '县急救站'],
    });
  });

  it('keeps a lead named again in a later units-only clause as lead, and gives that clause’s units no role', () => {
    const item =
      '推动卫生院达标。年内3家卫生院达到推荐标准（基层股牵头，各乡镇卫生院配合）；落实建设补助资金200万元（责任股室：基层股、计财股）。';
    expect(roles(item)).toEqual({
      units: ['基层股', '各乡镇卫生院', '计财股'],
      lead: ['基层股'],
      support: ['各乡镇卫生院'],
    });
  });

  it('reads a units-only 负责 clause after a 牵头 clause', () => {
    expect(
      roles('推广适宜技术（中医股牵头，县中医院配合）；同时开展中医药文化进社区（宣传股负责）。'),
    ).toEqual({
      units: ['中医股', '县中医院', '宣传股'],
      lead: ['中医股'],
      support: ['县中医院'],
    });
  });

  it('lets a unit that leads in one clause and supports in another lead', () => {
    expect(
      roles('建设区域检验中心（医政科牵头，规划科配合）；建设影像中心（规划科牵头，医政科配合）。'),
    ).toEqual({
      units: ['医政科', '规划科'],
      lead: ['医政科', '规划科'],
      support: [],
    });
  });

  it('returns the span of the last clause', () => {
    const item = '改造病房（规划股牵头）；建设监护病区（医政股牵头，县医院配合）。';
    const r = read(item);
    expect(r === null ? '' : item.slice(r.span.start, r.span.end)).toBe('（医政股牵头，县医院配合）');
  });

  it('does not take a mid-task bracket that prints no role word', () => {
    expect(roles('建设公共卫生中心（市疾控中心）；完善应急物资储备（应急办牵头，财务科配合）。')).toEqual({
      units: ['应急办', '财务科'],
      lead: ['应急办'],
      support: ['财务科'],
    });
  });

  it('does not take a role-printing bracket in mid-sentence', () => {
    expect(roles('建立联席会议制度（医政科牵头），完善质控工作机制（质控办负责）。')).toEqual({
      units: ['质控办'],
      lead: [],
      support: [],
    });
  });
});
