// antd reads matchMedia (responsive grid) and ResizeObserver, which jsdom lacks.
if (!('matchMedia' in window) || typeof window.matchMedia !== 'function') {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    // Only the members antd calls; the rest of MediaQueryList is never read in tests.
    value: (query: string): MediaQueryList => {
      const list: Pick<
        MediaQueryList,
        'matches' | 'media' | 'onchange' | 'addEventListener' | 'removeEventListener' | 'dispatchEvent'
      > = {
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      };
      return list as MediaQueryList;
    },
  });
}
if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
}
// jsdom has no canvas; ECharts (SVG renderer) then measures text without one. Answering null up front
// keeps jsdom from logging "not implemented" for every label.
Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', { writable: true, value: () => null });
export {};
