import { typesOneCharacter } from './wedge-key-map';

/**
 * Gives a held key-down back to the page as if it had just been typed. The browser's own
 * default action cannot be re-run (a script-made KeyboardEvent types nothing), so this does
 * the two things a typed character key does:
 * 1. its key-down reaches the app's handlers: a copy is dispatched where the original was
 *    aimed, so React's onKeyDown, masks and shortcuts run (`keyCode`/`which` are 0 on the
 *    copy; the app reads `key` and `code`);
 * 2. unless a handler cancelled that copy, a character key's text (`key`: what the person's layout
 *    typed, `д` on Russian, not the scanner's `l`) is inserted at the caret of the element
 *    that had focus at key-down, with the `input` event that React's onChange listens to.
 */

/** Copies carry this mark, so no detector holds them a second time. */
const REPLAYED_KEY = Symbol('keyboard-wedge replayed key');

export function isReplayedKey(event: Event): boolean {
  return REPLAYED_KEY in event;
}

export function deliverTypedKey(original: KeyboardEvent, origin: Element | null): void {
  const aimedAt = dispatchTargetOf(original, origin);
  // A field removed while its key was held has nowhere to type to.
  if (aimedAt === null) return;
  const copy = new KeyboardEvent('keydown', {
    key: original.key,
    code: original.code,
    location: original.location,
    shiftKey: original.shiftKey,
    ctrlKey: original.ctrlKey,
    altKey: original.altKey,
    metaKey: original.metaKey,
    repeat: original.repeat,
    isComposing: original.isComposing,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  Object.defineProperty(copy, REPLAYED_KEY, { value: true });
  const notCancelled = aimedAt.dispatchEvent(copy);
  if (notCancelled && origin?.isConnected === true && typesOneCharacter(original.key)) {
    insertText(origin, original.key);
  }
}

function dispatchTargetOf(original: KeyboardEvent, origin: Element | null): EventTarget | null {
  const target = original.target;
  if (target instanceof Node) {
    if (target.isConnected) return target;
    return origin?.isConnected === true ? origin : null;
  }
  return target ?? origin;
}

/** Input types that take typed text; keys typed on a checkbox or a button insert nothing. */
const TEXT_INPUT_TYPES: ReadonlySet<string> = new Set([
  'text',
  'search',
  'url',
  'tel',
  'email',
  'password',
  'number',
]);

function insertText(element: Element, text: string): void {
  if (!isTextEditable(element)) return;
  // execCommand is deprecated, yet it is still the one way to type the way the keyboard does:
  // it honours the selection, maxlength and the undo history, and fires beforeinput and input
  // (inputType insertText). It needs the element focused; when focus moved on while the key
  // was held, the text still goes where it was typed, by the fallback below.
  if (hasFocus(element)) {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- see the comment above
    if (element.ownerDocument.execCommand('insertText', false, text)) return;
  }
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    insertIntoControl(element, text);
  }
}

/** Focused in its document or shadow root (`:focus` needs the window focused as well). */
function hasFocus(element: Element): boolean {
  const root = element.getRootNode();
  return (root instanceof Document || root instanceof ShadowRoot) && root.activeElement === element;
}

function isTextEditable(element: Element): boolean {
  if (element instanceof HTMLTextAreaElement) return true;
  if (element instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(element.type);
  return element instanceof HTMLElement && element.isContentEditable;
}

/** Types into a field without focus: at its caret, within maxlength, with an input event. */
function insertIntoControl(control: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  if (control.readOnly || control.disabled) return;
  const start = control.selectionStart;
  const end = control.selectionEnd;
  if (start === null || end === null) {
    // number and email fields have no caret API: the text goes at the end. The prototype's
    // setter, not the element's own: React watches the latter and would miss the change.
    const prototype =
      control instanceof HTMLInputElement
        ? HTMLInputElement.prototype
        : HTMLTextAreaElement.prototype;
    Reflect.set(prototype, 'value', control.value + text, control);
  } else {
    const length = control.value.length - (end - start) + text.length;
    if (control.maxLength >= 0 && length > control.maxLength) return;
    control.setRangeText(text, start, end, 'end');
  }
  control.dispatchEvent(
    new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }),
  );
}
