import { createRequire } from 'node:module';
import { ParseError } from '../errors.js';
import type { LoadedDocument } from './document.js';
import { docBodyToBlocks } from './doc-text.js';

/** The parts of word-extractor's OLE reader used here (it ships no types). */
interface WordDocumentText {
  getBody(options?: { filterUnicode?: boolean }): string;
}

interface OleExtractor {
  extract(reader: unknown): Promise<WordDocumentText>;
  extractWordDocument(document: unknown, buffer: Buffer): Promise<WordDocumentText>;
}

type OleExtractorClass = new () => OleExtractor;
type BufferReaderClass = new (buffer: Buffer) => { open(): Promise<void>; close(): Promise<void> };

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function looksLikeOle(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((byte, index) => bytes[index] === byte);
}

class EncryptedMarker extends Error {}

let extractorClass: OleExtractorClass | undefined;
let readerClass: BufferReaderClass | undefined;

function extractorClasses(): { Extractor: OleExtractorClass; Reader: BufferReaderClass } {
  if (!extractorClass || !readerClass) {
    const require = createRequire(import.meta.url);
    const Base = require('word-extractor/lib/word-ole-extractor.js') as OleExtractorClass;
    readerClass = require('word-extractor/lib/buffer-reader.js') as BufferReaderClass;
    // The FIB's fEncrypted bit (0x0100 of the flags at 0x0A) marks a password-protected .doc.
    extractorClass = class CheckedExtractor extends Base {
      override extractWordDocument(document: unknown, buffer: Buffer): Promise<WordDocumentText> {
        if (buffer.length >= 12 && (buffer.readUInt16LE(0x0a) & 0x0100) !== 0) {
          return Promise.reject(new EncryptedMarker('fEncrypted'));
        }
        return super.extractWordDocument(document, buffer);
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
 * rows. Word's generated list labels are not rebuilt for .doc (word-extractor does not expose them).
 */
export async function loadDoc(bytes: Uint8Array): Promise<LoadedDocument> {
  if (hasEncryptedPackage(bytes))
    throw new ParseError('encrypted_document', 'The Word file is protected by a password');
  const { Extractor, Reader } = extractorClasses();
  const reader = new Reader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  let body: string;
  try {
    await reader.open();
    const document = await new Extractor().extract(reader);
    body = document.getBody({ filterUnicode: false });
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
