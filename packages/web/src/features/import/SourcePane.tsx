import { useEffect, useRef, type ReactNode } from 'react';
import { splitAt } from './source-text.js';

/** The document as plain text (never HTML) with the selected item's span marked and scrolled into view. */
export function SourcePane({
  text,
  span,
  label,
}: {
  text: string;
  span: { start: number; end: number } | null;
  label: string;
}): ReactNode {
  const mark = useRef<HTMLElement>(null);
  const parts = splitAt(text, span);
  useEffect(() => {
    // jsdom has no scrollIntoView; browsers all do.
    const element: Partial<Pick<HTMLElement, 'scrollIntoView'>> | null = mark.current;
    element?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [span?.start, span?.end]);
  return (
    <div className="yd-source yd-pane" aria-label={label} tabIndex={0} data-testid="source-pane">
      {parts.before}
      {parts.marked ? <mark ref={mark}>{parts.marked}</mark> : null}
      {parts.after}
    </div>
  );
}
