import type { ScanEvent } from '../../shared/devices/scan-event';
import {
  checkWedgeOptions,
  DEFAULT_WEDGE_OPTIONS,
  idleWedgeState,
  wedgeDeadline,
  wedgeFlush,
  wedgeKeyDown,
  wedgeTick,
} from './keyboard-wedge-detector';
import type { WedgeKey, WedgeOptions, WedgeOutput, WedgeState } from './keyboard-wedge-detector';
import { deliverTypedKey, isReplayedKey } from './typed-key-delivery';

export type WedgeClock = {
  /** The clock of `KeyboardEvent.timeStamp` (ms since the time origin): `performance.now`. */
  readonly now: () => number;
  /** Wall clock for ScanEvent.at (epoch ms): `Date.now`. */
  readonly epochNow: () => number;
};

export type AttachKeyboardWedgeOptions = Partial<WedgeOptions> & {
  readonly clock?: WedgeClock;
};

/** A held key-down and where it was aimed, so it can be given back to the same place. */
type HeldKey = WedgeKey & {
  readonly event: KeyboardEvent;
  /** The element that had focus when the key went down (the one that would have typed). */
  readonly origin: Element | null;
};

/**
 * Listens for keyboard-wedge scans on `target` (the window, or an element and its contents)
 * and reports each as a ScanEvent. Returns `detach`, which gives back any held keys.
 *
 * Listens to `keydown` in the capture phase, so it sees every key before the app does,
 * whether or not a field has focus. Keys the detector holds (see keyboard-wedge-detector.ts)
 * are cancelled (`preventDefault`) and hidden from the app (`stopImmediatePropagation`): a
 * scan reaches neither the focused field nor the app's key handlers. Held keys that were
 * typing are given back by deliverTypedKey: a copy of the key-down goes to where the key was
 * aimed, and unless a handler cancels it, the key's text is inserted at the caret with a real
 * `input` event, so React's onKeyDown and onChange see what they would have seen.
 *
 * `keyup` is left alone: nothing in the app acts on the release of a character key.
 */
export function attachKeyboardWedge(
  target: Window | HTMLElement,
  options: AttachKeyboardWedgeOptions,
  onScan: (event: ScanEvent) => void,
): () => void {
  const { clock = defaultClock(), ...overrides } = options;
  const settings: WedgeOptions = { ...DEFAULT_WEDGE_OPTIONS, ...overrides };
  checkWedgeOptions(settings);
  const eventTarget: EventTarget = target;
  const document = target instanceof Window ? target.document : target.ownerDocument;

  let state: WedgeState<HeldKey> = idleWedgeState();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attached = true;

  const deliver = (outputs: readonly WedgeOutput<HeldKey>[]): void => {
    for (const output of outputs) {
      if (output.kind === 'typed') {
        for (const held of output.events) deliverTypedKey(held.event, held.origin);
      } else {
        // A failing scan handler must not cost the typed keys that follow in `outputs`.
        try {
          onScan({ code: output.code, source: 'keyboard-wedge', at: toEpoch(clock, output.at) });
        } catch (error) {
          reportError(error);
        }
      }
    }
  };

  const schedule = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const deadline = wedgeDeadline(settings, state);
    if (deadline === undefined || !attached) return;
    // The detector ends a burst strictly after its deadline; a timer that fires early re-arms.
    timer = setTimeout(onTimer, Math.max(0, deadline - clock.now()) + 1);
  };

  const onTimer = (): void => {
    timer = undefined;
    const step = wedgeTick(settings, state, clock.now());
    state = step.state;
    deliver(step.outputs);
    schedule();
  };

  const onKeyDown = (event: Event): void => {
    if (!(event instanceof KeyboardEvent) || isReplayedKey(event)) return;
    const held: HeldKey = {
      code: event.code,
      key: event.key,
      shiftKey: event.shiftKey,
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
      repeat: event.repeat,
      isComposing: event.isComposing,
      timeStamp: event.timeStamp,
      event,
      origin: originOf(event, document),
    };
    const step = wedgeKeyDown(settings, state, held);
    state = step.state;
    if (step.disposition === 'swallow') {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    // Given back before this key acts: "ab" typed fast and Enter reach the form in order.
    deliver(step.outputs);
    schedule();
  };

  eventTarget.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    if (!attached) return;
    attached = false;
    eventTarget.removeEventListener('keydown', onKeyDown, { capture: true });
    const step = wedgeFlush(state);
    state = step.state;
    schedule();
    deliver(step.outputs);
  };
}

function defaultClock(): WedgeClock {
  return { now: () => performance.now(), epochNow: () => Date.now() };
}

/** A detector time (the keys' clock) → epoch ms, by the distance from the clock's now. */
function toEpoch(clock: WedgeClock, at: number): number {
  return Math.max(0, Math.round(clock.epochNow() - (clock.now() - at)));
}

/**
 * The element the key was aimed at: the innermost target (inside open shadow roots), or the
 * focused element when the event was sent to the window or the document itself.
 */
function originOf(event: KeyboardEvent, document: Document): Element | null {
  const innermost = event.composedPath()[0] ?? event.target;
  if (innermost instanceof Element) return innermost;
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  return focused;
}
