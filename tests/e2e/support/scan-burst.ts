import type { Page } from 'playwright-core';

type KeySpec = { readonly code: string; readonly key: string; readonly shiftKey: boolean };

/**
 * A keyboard-wedge scan of `code` (then Enter), dispatched inside the page in one synchronous
 * loop, so its keys are microseconds apart as a scanner's are, however loaded the machine.
 *
 * Why not `page.keyboard.type`: each key is a round trip to the browser; on a busy machine the
 * gaps exceed the wedge detector's 35 ms and the "scan" is judged typing (correctly), so a test
 * would fail for the machine's load. Script-made key events type nothing into fields, which is
 * what a real scan does too: the detector swallows it.
 */
export async function scanBurst(page: Page, code: string): Promise<void> {
  const keys: KeySpec[] = Array.from(code).map((char) => ({ ...usKeyFor(char), key: char }));
  keys.push({ code: 'Enter', key: 'Enter', shiftKey: false });
  await page.evaluate((specs) => {
    // This runs in the page; the tests' tsconfig has no DOM types, hence the narrow view.
    type KeyEventTarget = { dispatchEvent(event: unknown): boolean };
    const page = globalThis as unknown as {
      document: { activeElement: KeyEventTarget | null; body: KeyEventTarget };
      KeyboardEvent: new (type: string, init: object) => unknown;
    };
    for (const spec of specs) {
      const target = page.document.activeElement ?? page.document.body;
      target.dispatchEvent(
        new page.KeyboardEvent('keydown', {
          ...spec,
          bubbles: true,
          cancelable: true,
          composed: true,
        }),
      );
    }
  }, keys);
}

/** The US-layout key a scanner presses for a character of a card code or an AIM prefix. */
function usKeyFor(char: string): { code: string; shiftKey: boolean } {
  if (/^[0-9]$/.test(char)) return { code: `Digit${char}`, shiftKey: false };
  if (/^[A-Z]$/.test(char)) return { code: `Key${char}`, shiftKey: true };
  if (/^[a-z]$/.test(char)) return { code: `Key${char.toUpperCase()}`, shiftKey: false };
  if (char === ']') return { code: 'BracketRight', shiftKey: false };
  if (char === '-') return { code: 'Minus', shiftKey: false };
  throw new Error(`scanBurst: no key for ${JSON.stringify(char)} in this helper's table`);
}
