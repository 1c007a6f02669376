/** The charset an HTML page declares in its first bytes (<meta charset> or http-equiv content). */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const window = bytes.subarray(0, 4096);
  // Without a '<' there is no <meta>; plain text (most inputs) then skips the costly windows-1252 decoder.
  if (window.indexOf(0x3c) < 0) return null;
  const head = new TextDecoder('latin1').decode(window);
  const match = /<meta\b[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{1,40})/i.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

const BLOCK_TAG = /<(?:p|div|br|table|tr|td|th|li|ul|ol|h[1-6]|span|a|strong|b|font|center)\b[^<>]{0,500}>/gi;

/** Decoded text is HTML when it opens like a page or is dense with tags. */
export function looksLikeHtml(text: string): boolean {
  const start = text
    .slice(0, 4096)
    .replace(/^\s+/, '')
    .replace(/^(?:<!--[\s\S]{0,2000}?-->\s*)+/, '');
  if (
    /^<!doctype\s+html/i.test(start) ||
    /^<html[\s>]/i.test(start) ||
    /^<\?xml[^>]{0,200}>\s*<!doctype\s+html/i.test(start)
  ) {
    return true;
  }
  const window = text.slice(0, 65_536);
  if (/<(?:html|body|head)[\s>]/i.test(window) && /<\/(?:html|body|head|p|div)>/i.test(window)) return true;
  let count = 0;
  BLOCK_TAG.lastIndex = 0;
  while (BLOCK_TAG.exec(window) !== null) {
    if (++count >= 3) return /^\s*</.test(text) || /<\/(?:p|div|td|li)>/i.test(window);
  }
  return false;
}
