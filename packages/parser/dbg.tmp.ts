import { readFileSync } from 'node:fs';
import { parsePlan } from './src/index.ts';
const plan = await parsePlan(new Uint8Array(readFileSync(process.argv[2]!)));
console.log(plan.text.slice(0, Number(process.argv[3] ?? 300)));
