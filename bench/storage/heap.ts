/**
 * JS heap in use (Chromium's performance.memory; exact with --enable-precise-memory-info),
 * optionally right after a full garbage collection (needs --js-flags=--expose-gc), so that
 * the figure is what the page keeps, not garbage not yet collected.
 */
export function readHeap(collectFirst: boolean): number | null {
  const page = globalThis as {
    gc?: () => void;
    performance: { memory?: { usedJSHeapSize: number } };
  };
  if (collectFirst) page.gc?.();
  return page.performance.memory?.usedJSHeapSize ?? null;
}

export function canCollectGarbage(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === 'function';
}
