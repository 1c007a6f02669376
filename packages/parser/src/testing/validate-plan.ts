import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Plan } from '../plan.js';

const schemaUrl = new URL('../../schema/plan.v1.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(schemaUrl, 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true }).compile(schema);

/** Throws with every schema violation listed, so a failing test says what is wrong. */
export function assertValidPlan(plan: unknown): asserts plan is Plan {
  if (!validate(plan)) {
    throw new Error(`Plan JSON v1 violations:\n${JSON.stringify(validate.errors, null, 2)}`);
  }
}
