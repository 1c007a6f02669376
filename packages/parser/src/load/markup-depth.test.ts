import { describe, expect, it } from 'vitest';
import { flattenHtml, maxTagDepth } from './markup-depth.js';

describe('maxTagDepth', () => {
  it('counts nesting, not void, self-closing or implicitly closed elements', () => {
    expect(maxTagDepth('<div><span><b>x</b></span></div>', true)).toBe(3);
    expect(maxTagDepth('<div><br><img src="a"><p>一<p>二<p>三</div>', true)).toBe(1);
    expect(maxTagDepth('<w:p><w:r><w:t>x</w:t><w:tab/></w:r></w:p>', false)).toBe(3);
  });
});

describe('flattenHtml', () => {
  it('turns block tags into <br> and drops inline tags', () => {
    expect(flattenHtml('<div><span>一、</span>总体</div><p>正文</p>')).toBe('<br>一、总体<br><br>正文<br>');
  });
});
