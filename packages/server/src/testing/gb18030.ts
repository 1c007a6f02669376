/**
 * Encodes text as GB18030 for tests, without an encoding library: Node decodes GB18030 (TextDecoder) but does
 * not encode it, so each two-byte code is decoded once and the table inverted. ASCII stays one byte.
 */
let table: Map<string, number[]> | null = null;

function encodingTable(): Map<string, number[]> {
  if (table) return table;
  const decoder = new TextDecoder('gb18030', { fatal: true });
  table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (!table.has(char)) table.set(char, [lead, trail]);
      } catch {
        // Not a two-byte code: skipped.
      }
    }
  return table;
}

export function encodeGb18030(text: string): Buffer {
  const codes = encodingTable();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = codes.get(char);
      if (!pair) throw new Error(`no two-byte GB18030 code for ${char}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
