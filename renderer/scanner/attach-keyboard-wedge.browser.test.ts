import { createElement, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScanEvent } from '../../shared/devices/scan-event';
import { attachKeyboardWedge } from './attach-keyboard-wedge';
import { usKeystrokeFor } from './wedge-key-map';

/*
 * Real KeyboardEvents in real Chromium. A script-made key event types nothing into a field
 * by itself, so text that ends up in a field here got there only by the detector giving the
 * key back: the tests prove the handback, not the browser's typing. Timing is real: a burst
 * is dispatched in one synchronous loop (well under 1 ms a key), slow typing waits 80 ms a
 * key against the default 35 ms maximum gap.
 */

const SLOW_MS = 80;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type KeySpec = { readonly code: string; readonly key: string; readonly shiftKey?: boolean };

/** A US-layout key for a character; `layout` swaps in what another layout types there. */
function charKey(char: string, layout: Readonly<Record<string, string>> = {}): KeySpec {
  const stroke = usKeystrokeFor(char);
  if (stroke === undefined) throw new Error(`no key for ${char}`);
  return { ...stroke, key: layout[char] ?? char };
}

const ENTER: KeySpec = { code: 'Enter', key: 'Enter' };

/** Dispatches a key-down where a real one would go; true when nobody cancelled it. */
function press(spec: KeySpec, target: EventTarget = document.activeElement ?? document.body) {
  const event = new KeyboardEvent('keydown', {
    ...spec,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  return target.dispatchEvent(event);
}

function scan(text: string, target?: EventTarget): boolean[] {
  return [...Array.from(text).map((c) => charKey(c)), ENTER].map((spec) => press(spec, target));
}

async function typeSlowly(keys: readonly KeySpec[], target?: EventTarget): Promise<void> {
  for (const spec of keys) {
    press(spec, target);
    await sleep(SLOW_MS);
  }
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function setUp() {
  const form = document.createElement('form');
  const input = document.createElement('input');
  form.append(input);
  document.body.append(form);
  const scans: ScanEvent[] = [];
  const detach = attachKeyboardWedge(window, {}, (event) => scans.push(event));
  /** What the app's own handlers see: key-downs on the field and input events. */
  const appKeys: string[] = [];
  const inputs: string[] = [];
  input.addEventListener('keydown', (e) => appKeys.push(e.key));
  input.addEventListener('input', (e) => {
    if (e instanceof InputEvent) inputs.push(`${e.inputType} ${e.data ?? ''}`);
  });
  cleanups.push(detach, () => {
    form.remove();
  });
  return { form, input, scans, detach, appKeys, inputs };
}

const EAN = '2900010000015';

describe('attachKeyboardWedge', () => {
  it('a burst with a field focused: one scan, an empty field, no key reaches the app', () => {
    const { input, scans, appKeys, inputs } = setUp();
    input.focus();
    const before = Date.now();
    const notCancelled = scan(EAN);
    expect(scans).toMatchObject([{ code: EAN, source: 'keyboard-wedge' }]);
    expect(scans).toHaveLength(1);
    expect(scans[0]!.at).toBeGreaterThanOrEqual(before - 1);
    expect(scans[0]!.at).toBeLessThanOrEqual(Date.now() + 1);
    expect(notCancelled, 'every key, Enter too, is cancelled').toEqual(
      notCancelled.map(() => false),
    );
    expect(input.value).toBe('');
    expect(appKeys).toEqual([]);
    expect(inputs).toEqual([]);
  });

  it('slow typing ends up in the field, through the app’s key-down and input events', async () => {
    const { input, scans, appKeys, inputs } = setUp();
    input.focus();
    await typeSlowly(Array.from('ab1').map((c) => charKey(c)));
    expect(input.value).toBe('ab1');
    expect(appKeys).toEqual(['a', 'b', '1']);
    expect(inputs).toEqual(['insertText a', 'insertText b', 'insertText 1']);
    expect(scans).toEqual([]);
  });

  it('Russian layout: a scan reads Latin, a person’s typing stays Cyrillic', async () => {
    const { input, scans } = setUp();
    input.focus();
    const russian = { L: 'Д', T: 'Е', X: 'Ч', l: 'д', t: 'е' };
    for (const c of 'LT0010000001X') press(charKey(c, russian));
    press(ENTER);
    expect(scans.map((s) => s.code)).toEqual(['LT0010000001X']);
    expect(input.value).toBe('');
    await typeSlowly(Array.from('lt').map((c) => charKey(c, russian)));
    expect(input.value).toBe('де');
  });

  it('two characters typed fast, then Enter: the text is in the field before Enter acts', () => {
    const { input, scans } = setUp();
    input.focus();
    const valueAtEnter: string[] = [];
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') valueAtEnter.push(input.value);
    });
    press(charKey('1'));
    press(charKey('2'));
    expect(press(ENTER), 'Enter is not a scanner’s: it passes').toBe(true);
    expect(valueAtEnter).toEqual(['12']);
    expect(scans).toEqual([]);
  });

  it('types at the caret, replacing the selection', async () => {
    const { input } = setUp();
    input.value = 'a--d';
    input.focus();
    input.setSelectionRange(1, 3);
    await typeSlowly([charKey('b'), charKey('c')]);
    expect(input.value).toBe('abcd');
    expect(input.selectionStart).toBe(3);
  });

  it('a key the app cancels (a digits-only field) is not inserted', async () => {
    const { input } = setUp();
    input.addEventListener('keydown', (e) => {
      if (!/^\d$/.test(e.key)) e.preventDefault();
    });
    input.focus();
    await typeSlowly([charKey('1'), charKey('x'), charKey('2')]);
    expect(input.value).toBe('12');
  });

  it('focus moved on while a key was held: the text goes where it was typed', async () => {
    const { input, form } = setUp();
    const other = document.createElement('input');
    form.append(other);
    input.focus();
    press(charKey('a'));
    other.focus();
    await sleep(SLOW_MS);
    expect(input.value).toBe('a');
    expect(other.value).toBe('');
  });

  it('focus moved on from a number field or a full one: number appended, maxlength kept', async () => {
    const { form } = setUp();
    const amount = Object.assign(document.createElement('input'), { type: 'number', value: '1' });
    const full = Object.assign(document.createElement('input'), { maxLength: 2, value: 'ab' });
    const other = document.createElement('input');
    form.append(amount, full, other);
    for (const field of [amount, full]) {
      field.focus();
      press(charKey('5'));
      other.focus();
    }
    await sleep(SLOW_MS);
    expect(amount.value).toBe('15');
    expect(full.value).toBe('ab');
    expect(other.value).toBe('');
  });

  it('with no field focused: a burst is a scan, slow keys are given back harmlessly', async () => {
    const { input, scans } = setUp();
    input.blur();
    const bodyKeys: string[] = [];
    const onKey = (e: KeyboardEvent) => bodyKeys.push(e.key);
    document.body.addEventListener('keydown', onKey);
    cleanups.push(() => {
      document.body.removeEventListener('keydown', onKey);
    });
    expect(scan(EAN, document.body).every((ok) => !ok)).toBe(true);
    expect(scans.map((s) => s.code)).toEqual([EAN]);
    expect(bodyKeys, 'the scan stayed hidden').toEqual([]);
    await typeSlowly([charKey('7')], document.body);
    expect(bodyKeys, 'a typed key still reaches the app’s shortcuts').toEqual(['7']);
    expect(input.value).toBe('');
  });

  it('keys sent to the window itself type into the focused field', async () => {
    const { input, scans } = setUp();
    input.focus();
    scan(EAN, window);
    expect(scans.map((s) => s.code)).toEqual([EAN]);
    await typeSlowly([charKey('4'), charKey('2')], window);
    expect(input.value).toBe('42');
  });

  it('a React-controlled field gets its onChange for typing and nothing for a scan', async () => {
    const { scans } = setUp();
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    cleanups.push(() => {
      root.unmount();
      container.remove();
    });
    const changes = vi.fn<(value: string) => void>();
    function Field() {
      const [value, setValue] = useState('');
      return createElement('input', {
        value,
        onChange: (e: { target: HTMLInputElement }) => {
          changes(e.target.value);
          setValue(e.target.value);
        },
      });
    }
    flushSync(() => {
      root.render(createElement(Field));
    });
    const field = container.querySelector('input')!;
    field.focus();
    scan(EAN);
    await typeSlowly([charKey('o'), charKey('k')]);
    expect(scans.map((s) => s.code)).toEqual([EAN]);
    expect(changes.mock.calls).toEqual([['o'], ['ok']]);
    expect(field.value).toBe('ok');
  });

  it('detach gives back a held key at once and then lets every key through', () => {
    const { input, scans, detach } = setUp();
    input.focus();
    press(charKey('a'));
    expect(input.value, 'held for up to 35 ms').toBe('');
    detach();
    expect(input.value).toBe('a');
    const notCancelled = scan(EAN);
    expect(scans).toEqual([]);
    expect(notCancelled.every(Boolean), 'no key cancelled after detach').toBe(true);
    expect(input.value, 'script-made keys type nothing by themselves').toBe('a');
  });
});
