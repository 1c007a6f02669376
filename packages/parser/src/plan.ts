/**
 * Plan JSON v1 — the contract between the plan engine and everything built on it.
 * `schema/plan.v1.schema.json` is the same contract as a JSON Schema; a test keeps them in step.
 */

/** Half-open range `[start, end)` in UTF-16 code units into `Plan.text`. */
export interface Span {
  start: number;
  end: number;
}

export type TargetOp = '>=' | '<=' | '=' | '~' | 'range';

/** `level`: reach or hold a value; `change`: move by an amount (提高/提升/下降 X). */
export type TargetBasis = 'level' | 'change';

export interface Target {
  /** The shortest phrase naming what is measured, as printed. */
  metric: string;
  op: TargetOp;
  /** A number, or `[lo, hi]` when `op` is `range`. */
  value: number | [number, number];
  /** As printed after the number: %, ‰, /10万, 个, 万管/日, 亿元, 个百分点 …; "" if none. */
  unit: string;
  basis: TargetBasis;
  /** The clause the target was read from, as printed. */
  text: string;
  source: Span;
  /** ISO date (YYYY-MM-DD) where the deadline is one, else null. */
  deadline: string | null;
  /** The deadline as printed (年内, 6月底前, 第三季度 …), else null. */
  deadlineText: string | null;
}

export interface Item {
  /** As printed, without brackets or punctuation: "一", "二十", "3". */
  number: string;
  /** Depth in the tree, 1 = top. */
  level: number;
  /** The heading up to the first 。 or ； or the line end, without numbering or trailing punctuation. */
  title: string;
  /** The item's own text (heading and body, not its children's), without its numbering marker. */
  text: string;
  /** Every unit of the item's own responsibility clause, printed names, each once, in printed order. */
  units: string[];
  lead: string[];
  support: string[];
  targets: Target[];
  deadline: string | null;
  deadlineText: string | null;
  children: Item[];
  /** The item's own text including its numbering marker (children not included). */
  source: Span;
}

export interface PlanMeta {
  title: string | null;
  year: number | null;
  /**
   * The last year of a plan that spans years (2024—2026年: year 2024, yearEnd 2026). Absent for a one-year plan
   * (added in schema 1.1; readers of 1.0 ignore it).
   */
  yearEnd?: number;
  /** The place name as printed with its suffix (安庆市, 灵璧县); null when absent or anonymised. */
  region: string | null;
  issuer: string | null;
  issuedOn: string | null;
  publishedOn: string | null;
  docNumber: string | null;
  recipients: string[];
}

export interface Alias {
  short: string;
  full: string;
}

export interface PlanWarning {
  code: string;
  message: string;
  source?: Span;
}

export type InputFormat = 'text' | 'html' | 'docx' | 'doc' | 'pdf';

export interface PlanInput {
  format: InputFormat;
  /** The text encoding detected for text and HTML input, else null. */
  encoding: string | null;
  fileName: string | null;
  bytes: number;
}

export const PLAN_SCHEMA_ID = 'yaodian.plan/v1';

export interface Plan {
  schema: typeof PLAN_SCHEMA_ID;
  input: PlanInput;
  /** The cleaned text; every `source` points into it. */
  text: string;
  meta: PlanMeta;
  items: Item[];
  /** Targets found outside any item. */
  targets: Target[];
  aliases: Alias[];
  warnings: PlanWarning[];
}
