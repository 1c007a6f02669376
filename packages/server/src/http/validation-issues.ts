import type { ValidationIssue } from '@yaodian/core';

/** One failed check as fastify-type-provider-zod reports it: the zod issue's code, path and other fields. */
export interface SchemaFailure {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * A zod issue as the rule it broke and that rule's limit, so a client can say it in its own words
 * ("标题不超过 500 字"): text over its maximum is `too_long` (characters), a number over its maximum `too_big`,
 * a list `too_many`; an empty required text or list is `required`.
 */
export function issueOf(field: string, failure: SchemaFailure): ValidationIssue {
  const params = failure.params ?? {};
  const origin = typeof params.origin === 'string' ? params.origin : '';
  const textual = origin === 'string';
  const listy = origin === 'array' || origin === 'set';
  if (failure.keyword === 'too_big') {
    const limit = num(params.maximum);
    const rule = textual ? 'too_long' : listy ? 'too_many' : 'too_big';
    return limit === undefined ? { field, rule } : { field, rule, limit };
  }
  if (failure.keyword === 'too_small') {
    const limit = num(params.minimum);
    if ((textual || listy) && (limit === undefined || limit <= 1)) return { field, rule: 'required' };
    const rule = textual ? 'too_short' : 'too_small';
    return limit === undefined ? { field, rule } : { field, rule, limit };
  }
  if (failure.keyword === 'invalid_type') {
    if (/received undefined/.test(failure.message ?? '')) return { field, rule: 'required' };
    if (params.expected === 'int') return { field, rule: 'not_integer' };
  }
  return { field, rule: 'invalid' };
}
