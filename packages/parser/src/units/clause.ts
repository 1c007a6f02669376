/**
 * Reading the content of one responsibility clause (without its brackets) into units and roles:
 * `体改科牵头，人事科、基药办，各县市区卫生健康局按职责分工负责`, `责任科室：组人科、政宣科`,
 * `牵头单位：A；配合单位：B、C`, `由X负责`.
 */

import {
  BARE_LABEL_WORDS,
  LABEL_KINDS,
  LABEL_WORDS,
  alternation,
  roleOfWord,
  type PrintedRole,
} from '../lexicon.js';
import { NO_CONVENTION, type RoleConvention } from './role-convention.js';
import { isUnitName } from './unit-name.js';
import { cleanPart, listParts, splitConjunction } from './unit-list.js';

export interface ParsedClause {
  units: string[];
  lead: string[];
  support: string[];
  /** The clause prints a role word or a unit label, so it says outright that it names responsible units. */
  explicit: boolean;
}

// 牵头单位：, 配合部门:, 责任科室：, 责任股室： … The label decides the role of the units after it.
const LABEL_ROLE = `(${alternation(LABEL_WORDS)})`;
const LABEL_KIND = `(?:${alternation(LABEL_KINDS)})`;
const BARE_LABEL = `(${alternation(BARE_LABEL_WORDS)})`;
// 主要协作单位：, 其他配合单位： — a qualifier before the role word keeps the label's role.
const LABEL_QUALIFIER = '(?:主要|其他|其它|具体|相关)?';
const UNIT_LABEL = new RegExp(
  `^(?:${LABEL_QUALIFIER}${LABEL_ROLE}${LABEL_KIND}|${BARE_LABEL})\\s{0,2}[:：]\\s{0,2}`,
);

/** The source of a unit label found anywhere in a text (compile it locally with the flags you need). */
export const UNIT_LABEL_ANYWHERE_SOURCE = `(?:${LABEL_QUALIFIER}${LABEL_ROLE}${LABEL_KIND}|${BARE_LABEL})\\s{0,2}[:：]`;

// Any other short label (完成时限：, 责任领导：, 时间：) starts a field that names no unit.
const OTHER_LABEL = /^[^:：]{1,10}[:：]/;

// A field naming a person (分管领导 张某某, 牵头领导：…, 包抓局领导): people are never units, and what follows
// up to the next ； or label is their name. 牵头领导 is not the role 牵头.
const PERSON_FIELD =
  /^(?:分管|牵头|责任|包抓|包联|包保|联系|主管|协管|挂点|挂帅|督办)(?:局|委|市|县|区)?(?:领导|局长|副局长|主任|副主任|书记|负责人|责任人)/;

// A deadline written into the clause (2024年底前完成, 年内, 6月底前, 时间节点6月底前) is tolerated, not a unit.
// The whole part must be the deadline: 全年开展两次督查 is prose.
const DEADLINE =
  /^(?:(?:完成)?(?:时限|时间)(?:节点|要求)?[:：]?)?(?:\d{4}年|今年|明年)?(?:底|末|年内|年底|年中|全年|长期|持续|上半年|下半年|第[一二三四1-4]季度|\d{1,2}月份?(?:底|末|中旬|上旬|下旬)?|[一二三四五六七八九十]{1,2}月份?(?:底|末)?)?(?:前|以前|之前|内)?(?:完成|启动|建成|实现|见效)?$/;

export function isDeadline(part: string): boolean {
  return part.length <= 24 && /[\d年月季期续]/.test(part) && DEADLINE.test(part);
}

function labelRole(label: string): PrintedRole {
  const role = roleOfWord(label);
  return role === 'duty' ? 'none' : role;
}

interface Entry {
  name: string;
  role: PrintedRole;
  /** Printed under a 责任单位 / 责任科室 / 责任股室 label. */
  responsible: boolean;
}

/**
 * Parses a clause's content. Returns null unless every part is a unit name (or a role word, a label, a
 * deadline, a person's field): a parenthesis of prose (县域就诊率，医保基金县域内支付率) is not a clause.
 * `convention` is how the document says role-less lists read (see role-convention.ts).
 */
export function parseClauseContent(
  content: string,
  convention: RoleConvention = NO_CONVENTION,
): ParsedClause | null {
  if (content.length === 0 || content.length > 600) return null;
  const entries: Entry[] = [];
  // Units printed since the last role word: a role word applies to the whole run (医政医管科、人事科牵头).
  const run: Entry[] = [];
  let explicit = false;
  let skipping = false;
  let labelDefault: PrintedRole = 'none';
  let responsible = false;
  for (const part of listParts(content)) {
    if (part.afterSemicolon) skipping = false;
    let text = part.text;
    const label = UNIT_LABEL.exec(text);
    const labelWord = label?.[1] ?? label?.[2];
    if (label !== null && labelWord !== undefined) {
      closeRun(run, labelDefault);
      labelDefault = labelRole(labelWord);
      responsible = labelWord === '责任';
      explicit = true;
      skipping = false;
      text = text.slice(label[0].length);
      if (text.length === 0) continue;
    } else if (OTHER_LABEL.test(text) || PERSON_FIELD.test(text)) {
      closeRun(run, labelDefault);
      skipping = true;
      continue;
    }
    if (isDeadline(text)) continue;
    const cleaned = cleanPart(text);
    // A field (分管领导：张某某, 完成时限：…) runs to the next ； or label, or to a unit that prints its own role
    // (分管领导：张某某，医政股牵头).
    if (skipping && (cleaned.role === 'none' || !isUnitName(cleaned.name, true))) continue;
    if (skipping) {
      skipping = false;
      labelDefault = 'none';
      responsible = false;
    }
    if (cleaned.role !== 'none') explicit = true;
    if (cleaned.name.length > 0) {
      for (const name of splitConjunction(cleaned.name, true)) {
        // Not even a place name: the parenthesis is prose, stop reading it.
        if (!isUnitName(name, true)) return null;
        const entry: Entry = { name, role: labelDefault, responsible };
        entries.push(entry);
        // A bracketed note (医政科（牵头）) marks its own name only; the run before it stays open.
        if (cleaned.ownRole) entry.role = cleaned.role;
        else run.push(entry);
      }
    }
    if (cleaned.role !== 'none' && !cleaned.ownRole) closeRun(run, cleaned.role);
  }
  closeRun(run, labelDefault);
  if (entries.length === 0) return null;
  // Place names (南昌县) count as units only where the clause itself says it assigns responsibility.
  if (!entries.every((entry) => isUnitName(entry.name, explicit))) return null;
  applyConvention(entries, convention);
  return toClause(entries, explicit);
}

/** The role word that closes a run applies to every unit of it; the next run starts empty. */
function closeRun(run: Entry[], role: PrintedRole): void {
  for (const entry of run) entry.role = role;
  run.length = 0;
}

function roleless(entry: Entry): boolean {
  return entry.role === 'none' || entry.role === 'duty';
}

/**
 * Where nothing in the clause prints 牵头, the document's convention may still name the leads: the first
 * role-less unit (列在首位的为牵头单位), or the units under a 责任 label (责任单位为牵头单位). Where both are
 * stated, the first one of a list is the more specific reading.
 */
function applyConvention(entries: Entry[], convention: RoleConvention): void {
  if (entries.some((entry) => entry.role === 'lead')) return;
  if (convention.firstListedLeads) {
    const first = entries.find(roleless);
    if (first !== undefined) first.role = 'lead';
    return;
  }
  if (convention.responsibleLeads) {
    for (const entry of entries) if (entry.responsible && roleless(entry)) entry.role = 'lead';
  }
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
