import { describe, expect, it } from 'vitest';
import { loadLang, translator } from '../i18n/i18n.js';
import { ApiError } from './api-error.js';
import { errorMessage } from './error-message.js';

const zh = translator('zh-CN');
await loadLang('en');
const en = translator('en');

describe('error messages', () => {
  it('names the field in Chinese with its limit, from the issues the server sent', () => {
    const error = new ApiError(400, 'validation_failed', 'title: Too big', 'title', [
      { field: 'title', rule: 'too_long', limit: 500, message: 'Too big' },
    ]);
    expect(errorMessage(error, zh)).toBe('标题不超过 500 字');
    expect(errorMessage(error, en)).toBe('Title may hold at most 500 characters');
  });

  it('says every issue, naming nested fields by their own name', () => {
    const error = new ApiError(400, 'validation_failed', 'x', 'narrative', [
      { field: 'narrative', rule: 'too_long', limit: 10_000 },
      { field: 'actuals.0.value', rule: 'required' },
    ]);
    expect(errorMessage(error, zh)).toBe('进展情况不超过 10000 字；请填写数值');
  });

  it('says an empty file is empty and an oversized one states the limit', () => {
    const empty = new ApiError(400, 'invalid_document', 'The file is empty', 'file', [
      { field: 'file', rule: 'empty_file' },
    ]);
    expect(errorMessage(empty, zh)).toContain('文件是空的');
    const big = new ApiError(413, 'payload_too_large', 'x', 'file', [
      { field: 'file', rule: 'file_too_large', limit: 10 * 1024 * 1024 },
    ]);
    expect(errorMessage(big, zh)).toBe('文件过大，不能超过 10 MB');
  });

  it("names each import limit that stopped reading, with its value in the user's units", () => {
    const limit = (rule: string, value: number): ApiError =>
      new ApiError(413, 'payload_too_large', 'x', 'file', [{ field: 'file', rule, limit: value }]);
    expect(errorMessage(limit('inflated_too_large', 64 * 1024 * 1024), zh)).toBe(
      '文件解压后超过上限 64 MB，已停止读取',
    );
    expect(errorMessage(limit('too_many_characters', 2_000_000), zh)).toBe(
      '文档文字超过上限 2000000 字，已停止读取',
    );
    expect(errorMessage(limit('too_many_items', 5000), zh)).toBe('计划条目超过上限 5000 条，已停止读取');
    expect(errorMessage(limit('parse_timeout', 30_000), zh)).toBe('文档解析用时超过上限 30 秒，已停止读取');
  });

  it('falls back to the code’s message, with the field in Chinese, when no issues came', () => {
    expect(errorMessage(new ApiError(400, 'validation_failed', 'x', 'title'), zh)).toBe(
      '提交的内容有误，请检查后重试（字段：标题）',
    );
    expect(errorMessage(new ApiError(409, 'duplicate', 'x'), zh)).toBe('记录已存在');
  });

  it('says how long a sign-in lock lasts, in minutes from the server', () => {
    const locked = new ApiError(429, 'account_locked', 'locked', undefined, { retryAfterSeconds: 1800 });
    expect(errorMessage(locked, translator('zh-CN'))).toContain('30 分钟');
    expect(errorMessage(locked, translator('en'))).toContain('30 minute');
  });
});
