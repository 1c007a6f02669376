import type { InputFormat } from '../plan.js';

/** A table cell as the container holds it; a vertically merged continuation cell has `continued`. */
export interface TableCell {
  text: string;
  colSpan: number;
  continued: boolean;
}

export interface TableRow {
  cells: TableCell[];
}

/**
 * What a loader hands to the pure stages: paragraphs and tables in reading order.
 * A paragraph whose number Word generates (numbering.xml) carries the rebuilt label at the start of `text`.
 */
export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; rows: TableRow[] };

export interface LoadedDocument {
  format: InputFormat;
  encoding: string | null;
  blocks: Block[];
}

export interface LoadOptions {
  maxBytes: number;
}
