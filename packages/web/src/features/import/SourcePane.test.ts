// @vitest-environment jsdom
import '../../test/dom.js';
import { cleanup, render } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SourcePane } from './SourcePane.js';

afterEach(cleanup);

describe('SourcePane', () => {
  it('renders document text as text: markup in a plan never becomes HTML', () => {
    const text = '一、总体要求<script>window.hacked=1</script><b>加粗</b>';
    const { container } = render(createElement(SourcePane, { text, span: null, label: 'src' }));
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe(text);
  });

  it('marks exactly the selected span', () => {
    const { container } = render(
      createElement(SourcePane, { text: '前文（医政科牵头）后文', span: { start: 2, end: 9 }, label: 'src' }),
    );
    expect(container.querySelector('mark')?.textContent).toBe('（医政科牵头）');
  });
});
