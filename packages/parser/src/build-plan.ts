import { cleanBlocks } from './clean/clean-blocks.js';
import { planInScript, simplifiedCopy } from './clean/script.js';
import { foldWidth } from './clean/width.js';
import { alternation, PAST_SECTION_WORDS } from './lexicon.js';
import { DEFAULT_PARSE_LIMITS } from './limits.js';
import type { LoadedDocument } from './load/document.js';
import { readMeta } from './meta/read-meta.js';
import type { Item, Plan, PlanInput, PlanWarning, Span, Target } from './plan.js';
import { PLAN_SCHEMA_ID } from './plan.js';
import { assemble } from './segment/assemble.js';
import { buildOutline } from './structure/build-outline.js';
import type { OutlineNode } from './structure/outline.js';
import { findDeadlines, parseDeadline, type Deadline } from './targets/deadline.js';
import { extractTargets } from './targets/extract-targets.js';
import { findAliases } from './units/aliases.js';
import {
  findResponsibility,
  readRoleConvention,
  readUnitRow,
  type RoleConvention,
} from './units/responsibility.js';

/**
 * The pure part of the engine: loaded blocks in, Plan JSON v1 out. A traditional-script plan is read on a
 * simplified copy of the same length (clean/script.ts) and its strings are given back in its own script.
 */
export function buildPlan(
  loaded: LoadedDocument,
  input: Omit<PlanInput, 'format' | 'encoding'>,
  maxItems: number = DEFAULT_PARSE_LIMITS.maxItems,
): Plan {
  const copy = simplifiedCopy(loaded);
  const plan = buildSimplified(copy.loaded, input, maxItems);
  return copy.back ? planInScript(plan, copy.back) : plan;
}

function buildSimplified(
  loaded: LoadedDocument,
  input: Omit<PlanInput, 'format' | 'encoding'>,
  maxItems: number,
): Plan {
  const cleaned = cleanBlocks(loaded.blocks);
  const { text, segments } = assemble(cleaned.blocks);
  const folded = foldWidth(text);
  const warnings: PlanWarning[] = [];

  const { meta, bodyStart, bodyEnd } = readMeta(text, segments, folded, cleaned.portal, loaded.hints);
  const outline = buildOutline(text, folded, segments.slice(bodyStart, bodyEnd), maxItems);
  warnings.push(...outline.warnings);

  const year = meta.year;
  const convention = readRoleConvention(text);
  const toItem = (node: OutlineNode, level: number, pastSection = false): Item => {
    const title = text.slice(node.title.start, node.title.end);
    const past = pastSection || reportsPast(title, year);
    const units = unitsOf(text, node, convention);
    // The item's deadlines are read once: for its own deadline and for its targets'.
    const deadlines = node.row ? undefined : findDeadlines(text, node.content, year);
    const deadline = deadlineOf(text, node, year, deadlines);
    const scan = node.row ? [node.row.title, node.row.detail].filter(distinctSpans) : [node.content];
    return {
      number: node.number,
      level,
      title,
      text: text.slice(node.content.start, node.content.end),
      units: units.units,
      lead: units.lead,
      support: units.support,
      targets: past ? [] : scan.flatMap((span) => extractTargets(text, span, { year, deadlines })),
      deadline: deadline?.deadline ?? null,
      deadlineText: deadline?.deadlineText ?? null,
      children: node.children.map((child) => toItem(child, level + 1, past)),
      source: { ...node.source },
    };
  };
  const items = outline.roots.map((root) => toItem(root, 1));
  const looseTargets: Target[] = outline.loose.flatMap((span) => extractTargets(text, span, { year }));

  const printedUnits = new Set<string>();
  const collect = (list: readonly Item[]): void => {
    for (const item of list) {
      for (const unit of item.units) printedUnits.add(unit);
      collect(item.children);
    }
  };
  collect(items);

  if (items.length === 0) {
    warnings.push({ code: 'no_items', message: '未识别到编号条目（如 一、（一） 1.），请核对原文' });
  }
  if (meta.title === null) warnings.push({ code: 'no_title', message: '未识别到计划标题' });
  if (meta.year === null) warnings.push({ code: 'no_year', message: '未识别到计划年度' });

  return {
    schema: PLAN_SCHEMA_ID,
    input: { format: loaded.format, encoding: loaded.encoding, ...input },
    text,
    meta,
    items,
    targets: looseTargets,
    aliases: findAliases([...printedUnits], text),
    warnings,
  };
}

const PAST_HEADING = new RegExp(
  `^(?:(?:19|20)\\d\\d(?:—(?:19|20)?\\d\\d)?年度?|上一?年度?|去年|近年来|“?十[一二三四五六]五”?(?:以来|时期|期间)?)?(?:全[省市县区旗]|我[省市县区局委])?(?:卫生健康|卫生|健康)?(?:工作)?(?:${alternation(PAST_SECTION_WORDS)})$`,
);
const PAST_HEADING_MAX = 16;

/** A heading that reports the past (2025年工作总结, 发展基础): the figures under it are results, not targets. */
function reportsPast(title: string, year: number | null): boolean {
  const t = title.replace(/[\s。：:；;]+$/u, '');
  if (t.length > PAST_HEADING_MAX || !PAST_HEADING.test(t)) return false;
  const printed = /((?:19|20)\d\d)年/u.exec(t);
  return !printed || year === null || Number(printed[1]) < year;
}

function distinctSpans(span: Span | null, index: number, all: readonly (Span | null)[]): span is Span {
  if (!span) return false;
  return all.findIndex((s) => s?.start === span.start && s.end === span.end) === index;
}

function unitsOf(
  text: string,
  node: OutlineNode,
  convention: RoleConvention,
): { units: string[]; lead: string[]; support: string[] } {
  if (node.row) {
    const cells = (spans: readonly Span[]): string[] => spans.map((s) => text.slice(s.start, s.end));
    const { lead, support, units } = node.row;
    const row = readUnitRow({ lead: cells(lead), support: cells(support), units: cells(units) }, convention);
    if (row.units.length > 0) return row;
    // A table without unit columns may still print a clause in the task text.
  }
  const found = findResponsibility(text, node.content, convention);
  return found
    ? { units: found.units, lead: found.lead, support: found.support }
    : { units: [], lead: [], support: [] };
}

function deadlineOf(
  text: string,
  node: OutlineNode,
  year: number | null,
  found: readonly Deadline[] | undefined,
): { deadline: string | null; deadlineText: string } | null {
  const cell = node.row?.deadline;
  if (cell) return parseDeadline(text.slice(cell.start, cell.end), year);
  const heading = found ?? findDeadlines(text, node.content, year);
  return heading.length === 1 ? (heading[0] ?? null) : null;
}
