import type { Item, Plan, Target } from '@yaodian/parser';

/** The plan as an indented outline for a terminal: numbers, titles, units and targets. */
export function renderTree(plan: Plan): string {
  const out: string[] = [];
  const m = plan.meta;
  out.push(`标题: ${m.title ?? '（未识别）'}`);
  out.push(`年度: ${m.year ?? '—'}  地区: ${m.region ?? '—'}  发文机关: ${m.issuer ?? '—'}`);
  if (m.docNumber) out.push(`文号: ${m.docNumber}`);
  if (m.issuedOn || m.publishedOn)
    out.push(`成文日期: ${m.issuedOn ?? '—'}  发布日期: ${m.publishedOn ?? '—'}`);
  if (m.recipients.length > 0) out.push(`主送: ${m.recipients.join('，')}`);
  out.push('');
  const walk = (items: readonly Item[], depth: number): void => {
    for (const item of items) {
      const pad = '  '.repeat(depth);
      out.push(`${pad}${item.number ? `[${item.number}] ` : ''}${item.title}`);
      if (item.lead.length > 0) out.push(`${pad}    牵头: ${item.lead.join('、')}`);
      if (item.support.length > 0) out.push(`${pad}    配合: ${item.support.join('、')}`);
      const plain = item.units.filter((u) => !item.lead.includes(u) && !item.support.includes(u));
      if (plain.length > 0) out.push(`${pad}    责任: ${plain.join('、')}`);
      if (item.deadlineText) out.push(`${pad}    时限: ${item.deadlineText}`);
      for (const t of item.targets) out.push(`${pad}    目标: ${describeTarget(t)}`);
      walk(item.children, depth + 1);
    }
  };
  walk(plan.items, 0);
  if (plan.targets.length > 0) {
    out.push('', '条目之外的目标:');
    for (const t of plan.targets) out.push(`  ${describeTarget(t)}`);
  }
  if (plan.aliases.length > 0)
    out.push('', `简称: ${plan.aliases.map((a) => `${a.short}=${a.full}`).join('，')}`);
  if (plan.warnings.length > 0) {
    out.push('', '提示:');
    for (const w of plan.warnings) out.push(`  [${w.code}] ${w.message}`);
  }
  return `${out.join('\n')}\n`;
}

function describeTarget(t: Target): string {
  const value = Array.isArray(t.value) ? `${t.value[0]}–${t.value[1]}` : String(t.value);
  const deadline = t.deadlineText ? `（${t.deadlineText}）` : '';
  return `${t.metric} ${t.op} ${value}${t.unit}${deadline}`;
}
