import { createRequire } from 'node:module';
import { ParseError } from '../errors.js';
import type { LoadedDocument } from './document.js';
import { docListLabels, insertLabels } from './doc-numbering.js';
import type { TextPiece } from './doc-numbering.js';
import { docBodyToBlocks } from './doc-text.js';

/** The parts of word-extractor's OLE reader used here (it ships no types). */
interface WordDocumentText {
  getBody(options?: { filterUnicode?: boolean }): string;
}

interface OleExtractor {
  extract(reader: unknown): Promise<WordDocumentText>;
  extractWordDocument(document: unknown, buffer: Buffer): Promise<WordDocumentText>;
  documentStream(document: unknown, name: string): Promise<unknown>;
  streamBuffer(stream: unknown): Promise<Buffer>;
  buildDocument(): WordDocumentText;
}

/** Our extractor: word-extractor's, plus the encryption check and the main text with list labels. */
interface LabellingExtractor extends OleExtractor {
  /** The body with Word's list labels put back, when the .doc has lists and they could be read. */
  labelledBody: string | undefined;
}

type OleExtractorClass = new () => OleExtractor;
type LabellingExtractorClass = new () => LabellingExtractor;
type BufferReaderClass = new (buffer: Buffer) => { open(): Promise<void>; close(): Promise<void> };
type CleanText = (text: string) => string;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function looksLikeOle(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((byte, index) => bytes[index] === byte);
}

class EncryptedMarker extends Error {}

/** word-extractor's own pieces (after it has blanked deleted text), if they have the shape we know. */
function textPieces(value: unknown): TextPiece[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const pieces: TextPiece[] = [];
  for (const piece of value as unknown[]) {
    if (typeof piece !== 'object' || piece === null) return undefined;
    const { startCp, text } = piece as { startCp?: unknown; text?: unknown };
    if (typeof startCp !== 'number' || typeof text !== 'string') return undefined;
    pieces.push({ startCp, text });
  }
  return pieces;
}

function ccpTextOf(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const ccpText = (value as { ccpText?: unknown }).ccpText;
  return typeof ccpText === 'number' ? ccpText : undefined;
}

let extractorClass: LabellingExtractorClass | undefined;
let readerClass: BufferReaderClass | undefined;

function extractorClasses(): { Extractor: LabellingExtractorClass; Reader: BufferReaderClass } {
  if (!extractorClass || !readerClass) {
    const require = createRequire(import.meta.url);
    const Base = require('word-extractor/lib/word-ole-extractor.js') as OleExtractorClass;
    const { clean } = require('word-extractor/lib/filters.js') as { clean: CleanText };
    readerClass = require('word-extractor/lib/buffer-reader.js') as BufferReaderClass;
    extractorClass = class CheckedExtractor extends Base implements LabellingExtractor {
      labelledBody: string | undefined;
      private labels = new Map<number, string>();

      override async extractWordDocument(document: unknown, buffer: Buffer): Promise<WordDocumentText> {
        // The FIB's fEncrypted bit (0x0100 of the flags at 0x0A) marks a password-protected .doc.
        if (buffer.length >= 12 && (buffer.readUInt16LE(0x0a) & 0x0100) !== 0) {
          throw new EncryptedMarker('fEncrypted');
        }
        this.labels = await this.readLabels(document, buffer);
        return super.extractWordDocument(document, buffer);
      }

      /** Numbering that cannot be read costs the labels, never the text. */
      private async readLabels(document: unknown, buffer: Buffer): Promise<Map<number, string>> {
        try {
          if (buffer.length < 12) return new Map();
          const name = (buffer.readUInt16LE(0x0a) & 0x0200) !== 0 ? '1Table' : '0Table';
          const table = await this.streamBuffer(await this.documentStream(document, name));
          return docListLabels(buffer, table);
        } catch {
          return new Map();
        }
      }

      override buildDocument(): WordDocumentText {
        const built = super.buildDocument();
        const self = this as unknown as { _pieces?: unknown; _boundaries?: unknown };
        const pieces = textPieces(self._pieces);
        const ccpText = ccpTextOf(self._boundaries);
        if (this.labels.size > 0 && pieces && ccpText !== undefined) {
          this.labelledBody = clean(insertLabels(pieces, ccpText, this.labels));
        }
        return built;
      }
    };
  }
  return { Extractor: extractorClass, Reader: readerClass };
}

/** Encrypted OOXML (a password-protected .docx) is an OLE file holding an EncryptedPackage stream. */
function hasEncryptedPackage(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
    Buffer.from('EncryptedPackage', 'utf16le'),
  );
}

/**
 * Reads a legacy Word .doc body: paragraphs, and tables rebuilt from word-extractor's tab-separated
 * rows. Word's generated list labels are rebuilt from the .doc's list tables (doc-numbering.ts) and
 * put in front of their paragraphs, as the .docx loader does.
 */
export async function loadDoc(bytes: Uint8Array): Promise<LoadedDocument> {
  if (hasEncryptedPackage(bytes))
    throw new ParseError('encrypted_document', 'The Word file is protected by a password');
  const { Extractor, Reader } = extractorClasses();
  const reader = new Reader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  let body: string;
  try {
    await reader.open();
    const extractor = new Extractor();
    const document = await extractor.extract(reader);
    body = extractor.labelledBody ?? document.getBody({ filterUnicode: false });
  } catch (error) {
    if (error instanceof EncryptedMarker) {
      throw new ParseError('encrypted_document', 'The .doc file is protected by a password', {
        cause: error,
      });
    }
    throw new ParseError('corrupt_container', 'The .doc file cannot be read', { cause: error });
  } finally {
    await reader.close();
  }
  return { format: 'doc', encoding: null, blocks: docBodyToBlocks(body), hints: {} };
}
