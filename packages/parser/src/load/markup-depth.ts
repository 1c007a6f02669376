const TAG = /<(\/?)([A-Za-z][\w:.-]{0,60})(?:\s[^<>]{0,4000}?)?(\/?)>/g;

// Elements that never nest (void) or that HTML closes implicitly, so they do not deepen a page.
const FLAT_HTML = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
]);

/**
 * The deepest element nesting in markup, from a linear scan of its tags. The markup parser spends time
 * proportional to the depth on every tag, so pathological nesting is handled before parsing.
 */
export function maxTagDepth(markup: string, html: boolean): number {
  let depth = 0;
  let max = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(markup); match !== null; match = TAG.exec(markup)) {
    const name = (match[2] ?? '').toLowerCase();
    if (match[3] === '/' || (html && FLAT_HTML.has(name))) continue;
    if (match[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

const BLOCK_NAMES =
  /^(?:p|div|section|article|main|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|pre|center|address|table|tbody|thead|tfoot|tr|td|th|br|hr|caption|body|html)$/i;

/** Rewrites absurdly nested HTML without its nesting: block tags become <br>, other tags go. */
export function flattenHtml(markup: string): string {
  return markup.replace(TAG, (_tag: string, _slash: string, name: string) =>
    BLOCK_NAMES.test(name) ? '<br>' : '',
  );
}
