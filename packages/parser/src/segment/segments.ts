import type { Span } from '../plan.js';

export interface ParagraphSegment {
  kind: 'paragraph';
  span: Span;
}

export interface CellSegment {
  span: Span;
  colSpan: number;
  /** A vertically merged cell continuing the one above: it has no text of its own. */
  continued: boolean;
}

export interface RowSegment {
  span: Span;
  cells: CellSegment[];
}

export interface TableSegment {
  kind: 'table';
  span: Span;
  rows: RowSegment[];
}

export type Segment = ParagraphSegment | TableSegment;

export interface Assembled {
  /** The cleaned text: paragraphs one a line, a table row a line with its cells separated by tabs. */
  text: string;
  segments: Segment[];
}
