import type { Span } from '../plan.js';
import type { MarkerStyle } from './markers.js';

/** Where a table row's fields stand in the text. */
export interface RowFields {
  title: Span | null;
  detail: Span | null;
  lead: Span[];
  support: Span[];
  units: Span[];
  deadline: Span | null;
}

/** An item as the structure stage sees it: numbering and spans, before units and targets are read. */
export interface OutlineNode {
  style: MarkerStyle;
  number: string;
  value: number;
  /** The numbering marker through the end of the item's own text. */
  source: Span;
  /** The item's own text after its marker. */
  content: Span;
  title: Span;
  row: RowFields | null;
  children: OutlineNode[];
}

export interface OutlineWarning {
  code: string;
  message: string;
  source?: Span;
}

export interface Outline {
  roots: OutlineNode[];
  /** Body text outside every item (a preamble, text after a table): its targets are the plan's own. */
  loose: Span[];
  warnings: OutlineWarning[];
}
