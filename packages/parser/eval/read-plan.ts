import type { PlanMeta } from '../src/plan.js';

/**
 * The engine is built alongside this harness and may return partial or malformed plans; scoring reads
 * the output defensively so that a missing field costs points instead of crashing the run.
 */

export interface ScoredTarget {
  metric: string;
  /** As returned; compared with the gold op as a string. */
  op: string;
  value: number | [number, number] | null;
  unit: string;
  /** Index into the flattened predicted items, or null for a top-level target. */
  item: number | null;
  /** Document position (source.start) used to keep targets in reading order; null when absent. */
  position: number | null;
}

export interface ScoredItem {
  number: string;
  level: number;
  title: string;
  units: string[];
  lead: string[];
  support: string[];
}

export interface ScoredPlan {
  meta: PlanMeta;
  /** Items flattened in pre-order (document order). */
  items: ScoredItem[];
  /** Item targets and top-level targets, in document order. */
  targets: ScoredTarget[];
}

type Json = Record<string, unknown>;

// Bounds the walk over a malformed or cyclic tree.
const MAX_ITEMS = 100_000;

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function nullableText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function strings(value: unknown): string[] {
  return list(value).filter((entry): entry is string => typeof entry === 'string');
}

function readValue(value: unknown): number | [number, number] | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value) && value.length === 2) {
    const [lo, hi] = value as unknown[];
    if (typeof lo === 'number' && typeof hi === 'number') return [lo, hi];
  }
  return null;
}

function readTarget(value: unknown, item: number | null): ScoredTarget {
  const target = record(value);
  const start = record(target.source).start;
  return {
    metric: text(target.metric),
    op: text(target.op),
    value: readValue(target.value),
    unit: text(target.unit),
    item,
    position: typeof start === 'number' && Number.isFinite(start) ? start : null,
  };
}

function readMeta(value: unknown): PlanMeta {
  const meta = record(value);
  const year = meta.year;
  return {
    title: nullableText(meta.title),
    year: typeof year === 'number' && Number.isFinite(year) ? year : null,
    region: nullableText(meta.region),
    issuer: nullableText(meta.issuer),
    issuedOn: nullableText(meta.issuedOn),
    publishedOn: nullableText(meta.publishedOn),
    docNumber: nullableText(meta.docNumber),
    recipients: strings(meta.recipients),
    ...(typeof meta.yearEnd === 'number' && Number.isFinite(meta.yearEnd) ? { yearEnd: meta.yearEnd } : {}),
  };
}

/** Flattens whatever `parsePlan` returned into the shape the scorer compares. */
export function readPlan(output: unknown): ScoredPlan {
  const plan = record(output);
  const items: ScoredItem[] = [];
  const targets: ScoredTarget[] = [];
  // Explicit stack instead of recursion: a deep tree must not overflow the call stack.
  const stack: { node: unknown; level: number }[] = list(plan.items)
    .map((node) => ({ node, level: 1 }))
    .reverse();
  while (stack.length > 0 && items.length < MAX_ITEMS) {
    const next = stack.pop();
    if (next === undefined) break;
    const node = record(next.node);
    const index = items.length;
    items.push({
      number: text(node.number),
      level: next.level,
      title: text(node.title),
      units: strings(node.units),
      lead: strings(node.lead),
      support: strings(node.support),
    });
    for (const target of list(node.targets)) targets.push(readTarget(target, index));
    const children = list(node.children);
    for (let i = children.length - 1; i >= 0; i -= 1)
      stack.push({ node: children[i], level: next.level + 1 });
  }
  for (const target of list(plan.targets)) targets.push(readTarget(target, null));
  // Without a span on every target, traversal order (items, then top-level) is the best order known.
  if (targets.every((target) => target.position !== null)) {
    targets.sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  }
  return { meta: readMeta(plan.meta), items, targets };
}
