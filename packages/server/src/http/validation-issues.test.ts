import { describe, expect, it } from 'vitest';
import { issueOf } from './validation-issues.js';

describe('validation issues', () => {
  it('reads a string over its maximum as too_long with the limit in characters', () => {
    expect(
      issueOf('title', {
        keyword: 'too_big',
        instancePath: '/title',
        params: { origin: 'string', maximum: 500 },
      }),
    ).toEqual({ field: 'title', rule: 'too_long', limit: 500 });
  });

  it('tells numbers and lists from text', () => {
    expect(
      issueOf('percent', {
        keyword: 'too_big',
        instancePath: '',
        params: { origin: 'number', maximum: 100 },
      }),
    ).toEqual({ field: 'percent', rule: 'too_big', limit: 100 });
    expect(
      issueOf('actuals', { keyword: 'too_big', instancePath: '', params: { origin: 'array', maximum: 50 } }),
    ).toEqual({ field: 'actuals', rule: 'too_many', limit: 50 });
    expect(
      issueOf('dueDay', { keyword: 'too_small', instancePath: '', params: { origin: 'number', minimum: 1 } }),
    ).toEqual({ field: 'dueDay', rule: 'too_small', limit: 1 });
  });

  it('reads an empty required text and a missing field as required', () => {
    expect(
      issueOf('reason', { keyword: 'too_small', instancePath: '', params: { origin: 'string', minimum: 1 } }),
    ).toEqual({ field: 'reason', rule: 'required' });
    expect(
      issueOf('version', {
        keyword: 'invalid_type',
        instancePath: '',
        message: 'Invalid input: expected int, received undefined',
        params: { expected: 'int' },
      }),
    ).toEqual({ field: 'version', rule: 'required' });
    expect(issueOf('x', { keyword: 'invalid_format', instancePath: '', params: {} })).toEqual({
      field: 'x',
      rule: 'invalid',
    });
  });
});
