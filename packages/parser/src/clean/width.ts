/**
 * Full-width → half-width folding on a private copy. The fold maps one UTF-16 unit to one,
 * so the copy has the same length as the original and every offset is shared: matching runs
 * on the copy, spans point into the original text, which is never rewritten.
 */
export function foldWidth(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = foldCode(code);
    if (folded !== code) {
      out += text.slice(runStart, i) + String.fromCharCode(folded);
      runStart = i + 1;
    }
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

function foldCode(code: number): number {
  // FF01–FF5E are the full-width forms of ASCII 21–7E.
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x3000) return 0x20; // ideographic space
  if (code === 0x3001) return 0x3001; // 、 stays: it has no half-width twin
  if (code === 0x2014 || code === 0x2013 || code === 0x2212) return 0x2d; // dashes used in ranges
  if (code === 0x301c) return 0x7e; // 〜 wave dash
  return code;
}
