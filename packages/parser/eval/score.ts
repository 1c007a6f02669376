import type { PlanMeta } from '../src/plan.js';
import { addCounts, emptyCounts, type Counts } from './counts.js';
import type { LabelItem, LabelMeta, PlanLabel } from './label.js';
import { matchItems, matchTargets } from './match.js';
import type { ScoredItem, ScoredPlan } from './read-plan.js';
import { bigramDice, normalise } from './similarity.js';

export const META_FIELDS = [
  'title',
  'year',
  'region',
  'issuer',
  'issuedOn',
  'publishedOn',
  'docNumber',
  'recipients',
] as const satisfies readonly (keyof LabelMeta)[];

/** The optional field, scored only in labels that state it (labels written before it existed do not). */
export const OPTIONAL_META_FIELDS = ['yearEnd'] as const satisfies readonly (keyof LabelMeta)[];

export type MetaField = (typeof META_FIELDS)[number] | (typeof OPTIONAL_META_FIELDS)[number];

export interface MetaScore {
  correct: number;
  total: number;
  /** Fields the engine got wrong, with both values, for the report. */
  wrong: { field: MetaField; gold: unknown; predicted: unknown }[];
}

export interface DocumentScore {
  document: string;
  /** The engine's error message when `parsePlan` threw; everything then counts as missed. */
  error: string | null;
  items: Counts;
  units: Counts;
  lead: Counts;
  support: Counts;
  targetsLenient: Counts;
  targetsStrict: Counts;
  targetsPlaced: Counts;
  meta: MetaScore;
  /** Unpaired items and (strictly) unpaired targets, described for `--details`. */
  unpaired: { missedItems: string[]; extraItems: string[]; missedTargets: string[]; extraTargets: string[] };
}

function describeValue(value: number | [number, number] | null): string {
  return Array.isArray(value) ? `${value[0]}-${value[1]}` : String(value);
}

function unpaired(
  label: PlanLabel,
  plan: ScoredPlan | null,
  itemMatch: readonly (number | null)[],
  targetMatch: readonly (number | null)[],
): DocumentScore['unpaired'] {
  const items = plan?.items ?? [];
  const targets = plan?.targets ?? [];
  const pairedItems = new Set(itemMatch);
  const pairedTargets = new Set(targetMatch);
  const item = (entry: { number: string; title: string }): string => `${entry.number} ${entry.title}`;
  const target = (entry: {
    metric: string;
    op: string;
    value: number | [number, number] | null;
    unit: string;
  }): string => `${entry.metric} ${entry.op} ${describeValue(entry.value)}${entry.unit}`;
  return {
    missedItems: label.items.filter((_, index) => itemMatch[index] === null).map(item),
    extraItems: items.filter((_, index) => !pairedItems.has(index)).map(item),
    missedTargets: label.targets.filter((_, index) => targetMatch[index] === null).map(target),
    extraTargets: targets.filter((_, index) => !pairedTargets.has(index)).map(target),
  };
}

type UnitRole = 'units' | 'lead' | 'support';

/**
 * Counts (item, unit name) pairs. A predicted name counts once per matched item; a repeat is a false
 * positive. Units of unmatched gold items are misses, units of unmatched predicted items false positives.
 */
export function scoreUnits(
  role: UnitRole,
  gold: readonly LabelItem[],
  predicted: readonly ScoredItem[],
  itemMatch: readonly (number | null)[],
): Counts {
  const counts = emptyCounts();
  const matchedPredicted = new Set<number>();
  gold.forEach((goldItem, goldIndex) => {
    const expected = new Set(goldItem[role].map(normalise));
    const predictedIndex = itemMatch[goldIndex] ?? null;
    if (predictedIndex === null) {
      counts.fn += expected.size;
      return;
    }
    matchedPredicted.add(predictedIndex);
    const found = new Set<string>();
    for (const name of predicted[predictedIndex]?.[role] ?? []) {
      const key = normalise(name);
      if (expected.has(key) && !found.has(key)) {
        found.add(key);
        counts.tp += 1;
      } else {
        counts.fp += 1;
      }
    }
    counts.fn += expected.size - found.size;
  });
  predicted.forEach((item, index) => {
    if (!matchedPredicted.has(index)) counts.fp += item[role].length;
  });
  return counts;
}

function countMatches(match: readonly (number | null)[], predictedTotal: number): Counts {
  const tp = match.filter((index) => index !== null).length;
  return { tp, fp: predictedTotal - tp, fn: match.length - tp };
}

// The plan's own title and the notice that carries it (关于印发《…》的通知) name the same document.
function titleKey(title: string): string {
  return normalise(title)
    .replace(/^关于印发/u, '')
    .replace(/的通知$/u, '')
    .replace(/[《》"“”]/gu, '');
}

const SEPARATORS = /[,，、;；:：\s]/gu;
const BRACKETS = /[[\]〔〕［］()（）【】]/gu;

function sameField(field: MetaField, gold: LabelMeta, predicted: PlanMeta): boolean {
  if (field === 'recipients') {
    // Where a recipients line is split is a judgement call; the text it covers is not.
    const join = (names: readonly string[]): string => normalise(names.join('')).replace(SEPARATORS, '');
    return join(gold.recipients) === join(predicted.recipients);
  }
  const want = gold[field] ?? null;
  const got = predicted[field] ?? null;
  if (want === null || got === null) return want === got;
  if (typeof want === 'number' || typeof got === 'number') return want === got;
  if (field === 'title') return bigramDice(titleKey(want), titleKey(got)) >= 0.8;
  if (field === 'docNumber')
    return normalise(want).replace(BRACKETS, '') === normalise(got).replace(BRACKETS, '');
  return normalise(want) === normalise(got);
}

export function scoreMeta(gold: LabelMeta, predicted: PlanMeta | null): MetaScore {
  const fields: MetaField[] = [
    ...META_FIELDS,
    ...OPTIONAL_META_FIELDS.filter((field) => gold[field] !== undefined),
  ];
  const score: MetaScore = { correct: 0, total: fields.length, wrong: [] };
  for (const field of fields) {
    if (predicted !== null && sameField(field, gold, predicted)) score.correct += 1;
    else
      score.wrong.push({
        field,
        gold: gold[field],
        predicted: predicted === null ? undefined : (predicted[field] ?? null),
      });
  }
  return score;
}

/** Scores one document; `plan` null means the engine failed and everything counts as missed. */
export function scoreDocument(
  label: PlanLabel,
  plan: ScoredPlan | null,
  error: string | null = null,
): DocumentScore {
  const predictedItems = plan?.items ?? [];
  const predictedTargets = plan?.targets ?? [];
  const itemMatch = matchItems(label.items, predictedItems);
  const strictMatch = matchTargets('strict', label.targets, predictedTargets, itemMatch);
  const targets = (mode: 'lenient' | 'placed'): Counts =>
    countMatches(matchTargets(mode, label.targets, predictedTargets, itemMatch), predictedTargets.length);
  return {
    document: label.document,
    error,
    items: countMatches(itemMatch, predictedItems.length),
    units: scoreUnits('units', label.items, predictedItems, itemMatch),
    lead: scoreUnits('lead', label.items, predictedItems, itemMatch),
    support: scoreUnits('support', label.items, predictedItems, itemMatch),
    targetsLenient: targets('lenient'),
    targetsStrict: countMatches(strictMatch, predictedTargets.length),
    targetsPlaced: targets('placed'),
    meta: scoreMeta(label.meta, plan?.meta ?? null),
    unpaired: unpaired(label, plan, itemMatch, strictMatch),
  };
}

export const COUNT_MEASURES = [
  'items',
  'units',
  'lead',
  'support',
  'targetsLenient',
  'targetsStrict',
  'targetsPlaced',
] as const satisfies readonly (keyof DocumentScore)[];

export type CountMeasure = (typeof COUNT_MEASURES)[number];

export interface TotalScore {
  documents: number;
  failed: number;
  counts: Record<CountMeasure, Counts>;
  meta: { correct: number; total: number };
}

/** Micro-averaged totals: counts are summed over documents before P/R/F1 are taken. */
export function totalScore(scores: readonly DocumentScore[]): TotalScore {
  const counts = Object.fromEntries(COUNT_MEASURES.map((measure) => [measure, emptyCounts()])) as Record<
    CountMeasure,
    Counts
  >;
  const meta = { correct: 0, total: 0 };
  for (const score of scores) {
    for (const measure of COUNT_MEASURES) counts[measure] = addCounts(counts[measure], score[measure]);
    meta.correct += score.meta.correct;
    meta.total += score.meta.total;
  }
  return {
    documents: scores.length,
    failed: scores.filter((score) => score.error !== null).length,
    counts,
    meta,
  };
}
