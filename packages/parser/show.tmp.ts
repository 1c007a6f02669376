import { readFileSync } from 'node:fs';
import { parsePlan } from './src/index.ts';
const f = process.argv[2]!;
const plan = await parsePlan(new Uint8Array(readFileSync(f)));
console.log(JSON.stringify(plan.meta));
const walk = (items: any[], d: number) => { for (const it of items) { console.log(' '.repeat(d*2) + it.number + ' ' + it.title + ' | U:' + it.units.join('/') + ' L:' + it.lead.join('/') + ' S:' + it.support.join('/') + ' T:' + it.targets.map((t: any) => `${t.metric} ${t.op} ${t.value}${t.unit}`).join('; ')); walk(it.children, d+1); } };
walk(plan.items, 0);
console.log('loose', plan.targets.map((t: any) => `${t.metric} ${t.op} ${t.value}${t.unit}`).join('; '));
