import { ParseError } from '../errors.js';

export interface DecodedText {
  text: string;
  /** 'utf-8', 'utf-16le', 'utf-16be', 'gb18030', or another WHATWG label an HTML page declared. */
  encoding: string;
}

// Labels Chinese pages declare for what GB18030 decodes as a superset.
const GB_LABELS = new Set([
  'gb2312',
  'gbk',
  'gb18030',
  'x-gbk',
  'cp936',
  'gb_2312-80',
  'chinese',
  'csgb2312',
]);

function strictDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The byte-order mark's encoding and length, if the bytes start with one. */
function readBom(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function isCommonChar(code: number): boolean {
  return (
    (code >= 0x20 && code < 0x7f) ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x2000 && code <= 0x206f) ||
    (code >= 0x2460 && code <= 0x24ff) ||
    (code >= 0x00a0 && code <= 0x00ff) ||
    (code >= 0x0391 && code <= 0x03c9) ||
    (code >= 0x2150 && code <= 0x218f) ||
    (code >= 0x2190 && code <= 0x22ff) ||
    (code >= 0x25a0 && code <= 0x25ff) ||
    (code >= 0x3400 && code <= 0x4dbf)
  );
}

/**
 * Text a person wrote has almost no control characters; random bytes decoded as GB18030 turn into a
 * scatter of rare characters. Either means the input is not text.
 */
function looksLikeText(text: string, strictCharset: boolean): boolean {
  if (text.length === 0) return true;
  let controls = 0;
  let rare = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return false;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f) {
      controls++;
    } else if (code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff) || (code >= 0xd800 && code <= 0xdfff)) {
      rare++;
    } else if (strictCharset && !isCommonChar(code)) {
      rare++;
    }
  }
  const limit = Math.max(2, text.length * 0.01);
  return controls <= limit && rare <= Math.max(2, text.length * (strictCharset ? 0.05 : 0.02));
}

/**
 * Decodes text bytes: byte-order mark, then strict UTF-8, then the charset the document declares,
 * then GB18030. Rejects binary input with 'unsupported_format'.
 */
export function decodeText(bytes: Uint8Array, declaredCharset?: string | null): DecodedText {
  const bom = readBom(bytes);
  if (bom) {
    const text = strictDecode(bom.encoding, bytes.subarray(bom.length));
    if (text === null || !looksLikeText(text, false)) {
      throw new ParseError(
        'unsupported_format',
        `The input starts with a ${bom.encoding} byte-order mark but is not ${bom.encoding} text`,
      );
    }
    return { text, encoding: bom.encoding };
  }
  const attempts: string[] = ['utf-8'];
  const declared = declaredCharset?.trim().toLowerCase();
  if (
    declared &&
    declared !== 'utf-8' &&
    declared !== 'utf8' &&
    !GB_LABELS.has(declared) &&
    isSupportedLabel(declared)
  ) {
    attempts.push(declared);
  }
  attempts.push('gb18030');
  for (const label of attempts) {
    const text = strictDecode(label, bytes);
    if (text !== null && looksLikeText(text, label === 'gb18030')) {
      return { text, encoding: label };
    }
  }
  throw new ParseError(
    'unsupported_format',
    'The input is neither a known document container nor readable text',
  );
}

function isSupportedLabel(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
