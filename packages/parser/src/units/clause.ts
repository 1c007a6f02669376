/**
 * Reading the content of one responsibility clause (without its brackets) into units and roles:
 * `体改科牵头，人事科、基药办，各县市区卫生健康局按职责分工负责`, `责任科室：组人科、政宣科`,
 * `牵头单位：A；配合单位：B、C`, `由X负责`.
 */

import { isUnitName } from './unit-name.js';
import { cleanPart, splitConjunction, splitList, type PrintedRole } from './unit-list.js';

export interface ParsedClause {
  units: string[];
  lead: string[];
  support: string[];
  /** The clause prints a role word or a unit label, so it says outright that it names responsible units. */
  explicit: boolean;
}

// 牵头单位：, 配合部门:, 责任科室： … The label decides the role of the units after it. 主办单位 is left out on
// purpose: portal footers print it (主办单位：XX市人民政府办公室) far more often than plans do.
const UNIT_LABEL =
  /^(?:(牵头|主责|配合|协办|协助|参与|责任|负责|承办|实施)(?:单位|部门|科室|处室|机构|处|科)|(牵头|配合|协办|参与))\s{0,2}[:：]\s{0,2}/;

// Any other short label (完成时限：, 责任领导：, 时间：) starts a field that names no unit.
const OTHER_LABEL = /^[^:：]{1,10}[:：]/;

// A deadline written into the clause (2024年底前完成, 年内, 6月底前) is tolerated, not a unit. The whole part
// must be the deadline: 全年开展两次督查 is prose.
const DEADLINE =
  /^(?:(?:完成)?(?:时限|时间)[:：]?)?(?:\d{4}年|今年|明年)?(?:底|末|年内|年底|年中|全年|长期|持续|上半年|下半年|第[一二三四1-4]季度|\d{1,2}月份?(?:底|末|中旬|上旬|下旬)?|[一二三四五六七八九十]{1,2}月份?(?:底|末)?)?(?:前|以前|之前|内)?(?:完成|启动|建成|实现|见效)?$/;

export function isDeadline(part: string): boolean {
  return part.length <= 24 && /[\d年月季期续]/.test(part) && DEADLINE.test(part);
}

function labelRole(label: string): PrintedRole {
  if (label === '牵头' || label === '主责') return 'lead';
  if (label === '配合' || label === '协办' || label === '协助' || label === '参与') return 'support';
  return 'none';
}

interface Entry {
  name: string;
  role: PrintedRole;
}

/**
 * Parses a clause's content. Returns null unless every part is a unit name (or a role word, a label, a
 * deadline): a parenthesis of prose (县域就诊率，医保基金县域内支付率) is not a clause.
 */
export function parseClauseContent(content: string): ParsedClause | null {
  if (content.length === 0 || content.length > 600) return null;
  const entries: Entry[] = [];
  // Units printed since the last role word: a role word applies to the whole run (医政医管科、人事科牵头).
  let run: Entry[] = [];
  let explicit = false;
  let skipping = false;
  let labelDefault: PrintedRole = 'none';
  const closeRun = (role: PrintedRole): void => {
    for (const entry of run) entry.role = role;
    run = [];
  };
  for (const part of splitList(content)) {
    if (part.afterSemicolon) skipping = false;
    let text = part.text;
    const label = UNIT_LABEL.exec(text);
    const labelWord = label?.[1] ?? label?.[2];
    if (label !== null && labelWord !== undefined) {
      closeRun(labelDefault);
      labelDefault = labelRole(labelWord);
      explicit = true;
      skipping = false;
      text = text.slice(label[0].length);
      if (text.length === 0) continue;
    } else if (OTHER_LABEL.test(text)) {
      closeRun(labelDefault);
      skipping = true;
      continue;
    }
    if (skipping || isDeadline(text)) continue;
    const cleaned = cleanPart(text);
    if (cleaned.role !== 'none') explicit = true;
    if (cleaned.name.length > 0) {
      for (const name of splitConjunction(cleaned.name, true)) {
        // Not even a place name: the parenthesis is prose, stop reading it.
        if (!isUnitName(name, true)) return null;
        const entry: Entry = { name, role: labelDefault };
        entries.push(entry);
        run.push(entry);
      }
    }
    if (cleaned.role !== 'none') closeRun(cleaned.role);
  }
  closeRun(labelDefault);
  if (entries.length === 0) return null;
  // Place names (南昌县) count as units only where the clause itself says it assigns responsibility.
  if (!entries.every((entry) => isUnitName(entry.name, explicit))) return null;
  return toClause(entries, explicit);
}

function toClause(entries: readonly Entry[], explicit: boolean): ParsedClause {
  const units: string[] = [];
  const lead: string[] = [];
  for (const entry of entries) {
    if (!units.includes(entry.name)) units.push(entry.name);
    if (entry.role === 'lead' && !lead.includes(entry.name)) lead.push(entry.name);
  }
  // Without a printed 牵头 nobody is singled out: lead and support stay empty (team ruling).
  const support = lead.length > 0 ? units.filter((name) => !lead.includes(name)) : [];
  return { units, lead, support, explicit };
}
