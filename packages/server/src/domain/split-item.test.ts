import { describe, expect, it } from 'vitest';
import { isSplitBoundary, splitBoundaries, splitItemText } from './split-item.js';

const planText = '前言\n一、加强医疗集团建设\n以服务能力为重点。一是完善考核；二是巩固成果。\n二、其他';
const text = '加强医疗集团建设\n以服务能力为重点。一是完善考核；二是巩固成果。';
const start = planText.indexOf('一、');
const source = {
  text,
  title: '加强医疗集团建设',
  sourceStart: start,
  sourceEnd: start + 2 + text.length,
  planText,
};

describe('splitItemText', () => {
  it('splits before 二是 and keeps both parts’ spans into the plan text', () => {
    const offset = text.indexOf('二是');
    const outcome = splitItemText(source, offset);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.first.text).toBe('加强医疗集团建设\n以服务能力为重点。一是完善考核；');
    expect(outcome.second.text).toBe('二是巩固成果。');
    expect(outcome.first.title).toBe('加强医疗集团建设');
    expect(outcome.second.title).toBe('二是巩固成果');
    const [a, b] = [outcome.first.source, outcome.second.source];
    expect(planText.slice(a?.start, a?.end)).toBe(`一、${outcome.first.text}`);
    expect(planText.slice(b?.start, b?.end)).toBe(outcome.second.text);
  });

  it('splits after a sentence end (。) and refuses an offset inside a sentence', () => {
    expect(isSplitBoundary(text, text.indexOf('一是'))).toBe(true);
    expect(isSplitBoundary(text, text.indexOf('完善'))).toBe(false);
    expect(splitItemText(source, text.indexOf('完善'))).toEqual({ ok: false, reason: 'not_a_boundary' });
  });

  it('gives no spans when the text no longer matches its span (edited), but still splits', () => {
    const outcome = splitItemText({ ...source, planText: 'x'.repeat(200) }, text.indexOf('二是'));
    expect(outcome.ok && [outcome.first.source, outcome.second.source]).toEqual([null, null]);
  });
});

describe('splitBoundaries', () => {
  it('lists the start of each sentence and each 一是/二是 in one pass', () => {
    const t = '总体要求。一是完善考核，落实责任；二是巩固成果。';
    expect(splitBoundaries(t).map((i) => t.slice(i, i + 2))).toEqual(['一是', '二是']);
    expect(splitBoundaries('只有一句。')).toEqual([]);
  });
});
