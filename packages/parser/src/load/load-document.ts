import { limitExceeded, ParseError } from '../errors.js';
import { DEFAULT_PARSE_LIMITS } from '../limits.js';
import { decodeText } from './decode-text.js';
import type { LoadedDocument, LoadOptions } from './document.js';
import { loadDoc, looksLikeOle } from './doc-loader.js';
import { loadDocx } from './docx-loader.js';
import { looksLikeHtml, sniffHtmlCharset } from './html-detect.js';
import { loadHtml } from './html-loader.js';
import { paragraphsFromLines } from './paragraphs.js';
import { loadPdf } from './pdf-loader.js';
import { listZip, looksLikeZip } from './safe-unzip.js';

export type SniffedFormat = 'pdf' | 'zip' | 'ole' | 'other';

/** The container a file is, from its leading bytes (PDF allows junk before %PDF- in its first 1 KB). */
export function sniffContainer(bytes: Uint8Array): SniffedFormat {
  if (looksLikeZip(bytes)) return 'zip';
  if (looksLikeOle(bytes)) return 'ole';
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (
      head[i] === 0x25 &&
      head[i + 1] === 0x50 &&
      head[i + 2] === 0x44 &&
      head[i + 3] === 0x46 &&
      head[i + 4] === 0x2d
    )
      return 'pdf';
  }
  return 'other';
}

function hasText(document: LoadedDocument): boolean {
  return document.blocks.some((block) =>
    block.kind === 'paragraph'
      ? block.text.trim() !== ''
      : block.rows.some((row) => row.cells.some((cell) => cell.text.trim() !== '')),
  );
}

async function loadByFormat(bytes: Uint8Array, options: LoadOptions): Promise<LoadedDocument> {
  switch (sniffContainer(bytes)) {
    case 'pdf':
      return loadPdf(bytes);
    case 'ole':
      return loadDoc(bytes);
    case 'zip': {
      const names = listZip(bytes).map((entry) => entry.name);
      if (!names.includes('word/document.xml')) {
        throw new ParseError(
          'unsupported_format',
          'The zip container is not a Word document (no word/document.xml)',
        );
      }
      return loadDocx(bytes, options.maxInflatedBytes ?? DEFAULT_PARSE_LIMITS.maxInflatedBytes);
    }
    case 'other': {
      const decoded = decodeText(bytes, sniffHtmlCharset(bytes));
      if (looksLikeHtml(decoded.text)) return loadHtml(decoded.text, decoded.encoding);
      return {
        format: 'text',
        encoding: decoded.encoding,
        blocks: paragraphsFromLines(decoded.text),
        hints: {},
      };
    }
  }
}

/** The document's characters, counted until `stopAbove` is passed. */
function characterCount(document: LoadedDocument, stopAbove: number): number {
  let count = 0;
  for (const block of document.blocks) {
    if (block.kind === 'paragraph') count += block.text.length;
    else for (const row of block.rows) for (const cell of row.cells) count += cell.text.length;
    if (count > stopAbove) break;
  }
  return count;
}

/**
 * Reads a plan document's bytes into paragraphs and tables. The format comes from the bytes, never
 * a file name. Rejects only with ParseError.
 */
export async function loadDocument(bytes: Uint8Array, options: LoadOptions): Promise<LoadedDocument> {
  if (!Number.isFinite(options.maxBytes) || options.maxBytes < 0) {
    throw new ParseError('invalid_options', 'maxBytes must be a non-negative number');
  }
  if (bytes.length > options.maxBytes) {
    throw new ParseError('too_large', `The input is ${bytes.length} bytes; the limit is ${options.maxBytes}`);
  }
  if (bytes.length === 0) throw new ParseError('empty_document', 'The input is empty');
  let document: LoadedDocument;
  try {
    document = await loadByFormat(bytes, options);
  } catch (error) {
    if (error instanceof ParseError) throw error;
    // Deeply nested or malformed markup can make a library or our walkers fail; it is still the input's fault.
    throw new ParseError('corrupt_container', 'The document cannot be read', { cause: error });
  }
  if (!hasText(document)) throw new ParseError('empty_document', 'The document holds no text');
  // Before any later stage copies, folds or scans the text.
  const maxCharacters = options.maxCharacters ?? DEFAULT_PARSE_LIMITS.maxCharacters;
  if (characterCount(document, maxCharacters) > maxCharacters)
    throw limitExceeded('characters', maxCharacters);
  return document;
}
