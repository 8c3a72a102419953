/** A benchmark's numeric command-line option, or a clear error naming it. */
export function wholeNumber(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min)
    throw new Error(
      `--${name} must be a whole number ≥ ${String(min)}, got ${JSON.stringify(text)}`,
    );
  return value;
}

/** The demo's "today" (fixed, so runs compare): 2026-11-02 12:00 Moscow time. */
export const BENCH_DEMO_NOW = Date.UTC(2026, 10, 2, 9, 0);

/**
 * The page's port for a bench run with a kept profile (--profile): IndexedDB belongs to the
 * origin, port included, so a kept profile's stores are found again only at the same port.
 */
export const KEPT_PROFILE_PORTS = { scan: 47_613, storage: 47_614 } as const;
