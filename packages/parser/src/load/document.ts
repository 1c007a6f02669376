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
export type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: TableRow[] };

/** Metadata the container states outside the body (HTML <meta>/<title>, docx core properties). */
export interface DocumentHints {
  title?: string;
  /** As the container prints it, e.g. "2021-04-12 09:11". */
  publishedOn?: string;
  issuer?: string;
}

export interface LoadedDocument {
  format: InputFormat;
  encoding: string | null;
  blocks: Block[];
  hints: DocumentHints;
}

export interface LoadOptions {
  maxBytes: number;
  /** What a container may inflate to (ParseLimits.maxInflatedBytes; default DEFAULT_PARSE_LIMITS). */
  maxInflatedBytes?: number;
  /** Characters of text the loaded document may hold (ParseLimits.maxCharacters; default DEFAULT_PARSE_LIMITS). */
  maxCharacters?: number;
}
