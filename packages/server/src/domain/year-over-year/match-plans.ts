import { normaliseMetric, normalisePhrase, pairDice, unitsCompatible } from './normalise.js';
import {
  LINK_THRESHOLD,
  LINK_WEIGHTS,
  REASON_THRESHOLDS,
  TARGET_LINK_THRESHOLD,
  TITLE_WORD_SHARE,
} from './rules.js';
import { contentWords } from './segment.js';

/*
 * Proposes links from this year's tasks to last year's (issue 10, part 3): every pair is scored by the
 * rules in rules.ts, then assigned one-to-one, best score first, above the threshold. Pure: the caller
 * hands over both plans' tasks; the planner confirms or rejects what comes out.
 */

export interface YearTarget {
  id: string;
  metric: string;
  unit: string;
}

export interface YearTask {
  id: string;
  title: string;
  /** Titles of the sections above the task, outermost first. */
  section: readonly string[];
  /** Lead units (ids or normalised names: only equality matters). */
  leads: readonly string[];
  targets: readonly YearTarget[];
}

export type LinkReason = 'metric_same' | 'metric_similar' | 'title_similar' | 'lead_same' | 'section_same';

export interface LinkParts {
  title: number;
  metric: number | null;
  lead: number | null;
  section: number | null;
}

export interface TargetLinkProposal {
  previousTargetId: string;
  targetId: string;
  score: number;
}

export interface LinkProposal {
  previousId: string;
  currentId: string;
  score: number;
  parts: LinkParts;
  reasons: LinkReason[];
  targets: TargetLinkProposal[];
}

/** Similarity of two targets' metrics: the same normalised phrase scores 1; an incompatible unit halves. */
export function metricSimilarity(a: YearTarget, b: YearTarget): number {
  const x = normaliseMetric(a.metric);
  const y = normaliseMetric(b.metric);
  const phrase = x.length > 0 && x === y ? 1 : pairDice(x, y);
  return unitsCompatible(a.unit, b.unit) ? phrase : phrase / 2;
}

interface Prepared {
  task: YearTask;
  words: Map<string, number>;
  core: string;
  section: string;
}

function prepare(task: YearTask): Prepared {
  const words = new Map<string, number>();
  for (const word of contentWords(task.title)) words.set(word, (words.get(word) ?? 0) + 1);
  return { task, words, core: normalisePhrase(task.title), section: normalisePhrase(task.section[0] ?? '') };
}

/** Inverse document frequency of each word over both plans' titles: words every task uses weigh little. */
function inverseFrequencies(all: readonly Prepared[]): Map<string, number> {
  const documents = new Map<string, number>();
  for (const p of all) for (const word of p.words.keys()) documents.set(word, (documents.get(word) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [word, count] of documents) idf.set(word, Math.log(1 + all.length / count));
  return idf;
}

function wordCosine(a: Prepared, b: Prepared, idf: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [word, n] of a.words) {
    const w = n * (idf.get(word) ?? 0);
    na += w * w;
    const m = b.words.get(word);
    if (m !== undefined) dot += w * m * (idf.get(word) ?? 0);
  }
  for (const [word, n] of b.words) {
    const w = n * (idf.get(word) ?? 0);
    nb += w * w;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  const shared = [...x].filter((v) => y.has(v)).length;
  return shared / new Set([...x, ...y]).size;
}

/** Targets of a linked pair, one-to-one by metric similarity, best first. */
export function matchTargets(
  previous: readonly YearTarget[],
  current: readonly YearTarget[],
): TargetLinkProposal[] {
  const pairs = previous.flatMap((p) =>
    current.map((c) => ({ previousTargetId: p.id, targetId: c.id, score: metricSimilarity(p, c) })),
  );
  return assign(
    pairs,
    TARGET_LINK_THRESHOLD,
    (x) => x.previousTargetId,
    (x) => x.targetId,
  );
}

function bestMetric(a: YearTask, b: YearTask): number | null {
  if (a.targets.length === 0 || b.targets.length === 0) return null;
  let best = 0;
  for (const x of a.targets) for (const y of b.targets) best = Math.max(best, metricSimilarity(x, y));
  return best;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

function scorePair(
  a: Prepared,
  b: Prepared,
  idf: ReadonlyMap<string, number>,
): Omit<LinkProposal, 'targets'> {
  const title = TITLE_WORD_SHARE * wordCosine(a, b, idf) + (1 - TITLE_WORD_SHARE) * pairDice(a.core, b.core);
  const metric = bestMetric(a.task, b.task);
  const lead =
    a.task.leads.length > 0 && b.task.leads.length > 0 ? jaccard(a.task.leads, b.task.leads) : null;
  const section = a.section.length > 0 && b.section.length > 0 ? pairDice(a.section, b.section) : null;
  const parts: LinkParts = { title: round(title), metric, lead, section };
  let sum = LINK_WEIGHTS.title * title;
  let weight = LINK_WEIGHTS.title;
  for (const key of ['metric', 'lead', 'section'] as const) {
    const value = parts[key];
    if (value === null) continue;
    sum += LINK_WEIGHTS[key] * value;
    weight += LINK_WEIGHTS[key];
  }
  const reasons: LinkReason[] = [];
  if (metric !== null && metric >= REASON_THRESHOLDS.metricSame) reasons.push('metric_same');
  else if (metric !== null && metric >= REASON_THRESHOLDS.metricSimilar) reasons.push('metric_similar');
  if (title >= REASON_THRESHOLDS.title) reasons.push('title_similar');
  if (lead !== null && lead >= REASON_THRESHOLDS.lead) reasons.push('lead_same');
  if (section !== null && section >= REASON_THRESHOLDS.section) reasons.push('section_same');
  return {
    previousId: a.task.id,
    currentId: b.task.id,
    score: round(sum / weight),
    parts: {
      ...parts,
      metric: metric === null ? null : round(metric),
      lead: lead === null ? null : round(lead),
      section: section === null ? null : round(section),
    },
    reasons,
  };
}

/** One-to-one, best score first (ties by ids, so the answer is stable), at or above `threshold`. */
function assign<T extends { score: number }>(
  pairs: readonly T[],
  threshold: number,
  left: (x: T) => string,
  right: (x: T) => string,
): T[] {
  const sorted = pairs
    .filter((p) => p.score >= threshold)
    .sort((x, y) => y.score - x.score || left(x).localeCompare(left(y)) || right(x).localeCompare(right(y)));
  const usedLeft = new Set<string>();
  const usedRight = new Set<string>();
  const chosen: T[] = [];
  for (const pair of sorted) {
    if (usedLeft.has(left(pair)) || usedRight.has(right(pair))) continue;
    usedLeft.add(left(pair));
    usedRight.add(right(pair));
    chosen.push(pair);
  }
  return chosen;
}

/**
 * Links proposed from `current` (this year's tasks) to `previous` (last year's published plan): at most
 * one each way, none under LINK_THRESHOLD (that task is new), with its targets' links.
 */
export function proposeLinks(previous: readonly YearTask[], current: readonly YearTask[]): LinkProposal[] {
  const before = previous.map(prepare);
  const after = current.map(prepare);
  const idf = inverseFrequencies([...before, ...after]);
  const scored = before.flatMap((a) => after.map((b) => scorePair(a, b, idf)));
  const byId = new Map([...previous, ...current].map((t) => [t.id, t]));
  return assign(
    scored,
    LINK_THRESHOLD,
    (x) => x.previousId,
    (x) => x.currentId,
  ).map((link) => ({
    ...link,
    targets: matchTargets(byId.get(link.previousId)?.targets ?? [], byId.get(link.currentId)?.targets ?? []),
  }));
}
