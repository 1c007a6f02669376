import { describe, it, expect } from 'vitest';
import { NO_CONVENTION, readRoleConvention } from './role-convention.js';

const FIRST_LEADS: string[] = [
  '任务分工中涉及多个单位的，列在首位的为牵头单位，其余为配合单位。',
  '各项任务排在第一位的为牵头单位，负责统筹协调。',
  '（注：责任单位中第一个为牵头单位）',
  '每项任务所列第一个单位为牵头单位。',
  '所列科室中排名第一的科室为牵头科室。',
  '多个责任科室的，排在首位的科室负总责。',
  '牵头单位列在首位，请牵头单位会同配合单位抓好落实。',
];

const RESPONSIBLE_LEADS: string[] = [
  '说明：表中责任单位为牵头单位，配合单位协助推进。',
  '本清单所列责任科室即牵头科室，须按月报送进展。',
  '备注：责任股室是牵头股室。',
];

const NEITHER: string[] = [
  '市第一人民医院为牵头单位，组建城市医疗集团。',
  '把人民健康放在首位，各牵头单位要加强调度。',
  '要把群众满意放在首位，牵头负责的科室要主动担当。',
  '各牵头单位每月25日前报送进展情况，责任单位要明确专人。',
  '（医政科牵头，医学会配合）',
  '完成时限：第一季度。牵头单位：疾控科。',
  '',
];

describe('readRoleConvention', () => {
  for (const text of FIRST_LEADS) {
    it(`reads the first-listed convention in ${text}`, () => {
      expect(readRoleConvention(`一、总体要求\n${text}\n二、重点任务`)).toEqual({
        firstListedLeads: true,
        responsibleLeads: false,
      });
    });
  }

  for (const text of RESPONSIBLE_LEADS) {
    it(`reads the 责任单位 convention in ${text}`, () => {
      expect(readRoleConvention(text)).toEqual({ firstListedLeads: false, responsibleLeads: true });
    });
  }

  for (const text of NEITHER) {
    it(`assumes no convention from ${text === '' ? 'an empty text' : text}`, () => {
      expect(readRoleConvention(text)).toEqual(NO_CONVENTION);
    });
  }

  it('reads both conventions when a document states both', () => {
    const text = '责任单位为牵头单位。责任单位有多个的，列在首位的为牵头单位。';
    expect(readRoleConvention(text)).toEqual({ firstListedLeads: true, responsibleLeads: true });
  });

  it('finds a convention stated at the end of a long plan', () => {
    const text = `${'推进医疗服务能力建设（医政科牵头，财务科配合）。\n'.repeat(5000)}说明：列在首位的为牵头单位。`;
    expect(readRoleConvention(text).firstListedLeads).toBe(true);
  });

  it('reads megabytes of cue words without finding a convention in them', () => {
    const inputs = ['牵头'.repeat(1_000_000), '主责牵头负总责'.repeat(300_000), '第一个'.repeat(700_000)];
    for (const text of inputs) {
      expect(readRoleConvention(text)).toEqual(NO_CONVENTION);
    }
  }, 120_000);
});
