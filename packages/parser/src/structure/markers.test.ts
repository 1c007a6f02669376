import { describe, expect, it } from 'vitest';
import { foldWidth } from '../clean/width.js';
import { readMarker } from './markers.js';

const read = (line: string) => readMarker(foldWidth(line));

describe('readMarker', () => {
  it.each([
    ['一、总体要求', 'cn', '一', 1],
    ['二十、加强党建', 'cn', '二十', 20],
    ['（三十七）加强法治政府建设。', 'cn-paren', '三十七', 37],
    ['(二)加快医联(共)体建设。', 'cn-paren', '二', 2],
    ['1.巩固拓展成果', 'arabic-dot', '1', 1],
    ['12．提升能力', 'arabic-dot', '12', 12],
    ['3、强化医疗机构疫情防控。', 'arabic-comma', '3', 3],
    ['（1）完善制度', 'arabic-paren', '1', 1],
    ['(2)健全机制', 'arabic-paren', '2', 2],
    ['4）落实责任', 'arabic-half-paren', '4', 4],
    ['③推进试点', 'circled', '③', 3],
    ['第二部分 重点任务', 'part', '二', 2],
    ['【三】强化基层服务', 'cn-bracket', '三', 3],
    ['第一章　总体要求', 'part', '一', 1],
    ['第二节 医疗服务', 'part-section', '二', 2],
    ['〔四〕加强队伍建设', 'cn-bracket', '四', 4],
    ['2.2026年全市卫生健康重点工作任务推进表', 'arabic-dot', '2', 2],
  ])('reads %s as %s number %s', (line, style, number, value) => {
    expect(read(line)).toMatchObject({ style, number, value });
  });

  it.each([
    '一是完善医疗集团考核',
    '2026年，全市卫生健康工作',
    '1.5倍以上',
    '十四五时期',
    '95%以上',
    '三医联动改革',
    '',
  ])('reads no marker at the start of %s', (line) => {
    expect(read(line)).toBeNull();
  });

  it('measures the marker with the spaces after it', () => {
    expect(read('（一）　加强领导')?.length).toBe(4);
  });
});
