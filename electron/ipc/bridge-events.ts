import { BRIDGE_EVENTS } from '../../shared/bridge/terminal-bridge';
import type { BridgeResult } from '../../shared/bridge/terminal-bridge';
import { bridgeEventIpc } from './ipc-channels';
import type { BridgeEventName } from './ipc-channels';

/** The part of Electron's WebContents events are sent to (a fake in tests). */
export type EventTarget = {
  readonly send: (channel: string, ...args: unknown[]) => void;
  readonly isDestroyed: () => boolean;
};

/**
 * Sends one bridge event (a scan) to the terminal window, after checking it against the
 * contract's event schema: a driver bug never reaches the UI, and a closed window is skipped.
 * `webContents.send` delivers to the window's main frame only.
 */
export function publishBridgeEvent(
  target: EventTarget | null,
  event: BridgeEventName,
  payload: unknown,
): BridgeResult<undefined> {
  const checked = BRIDGE_EVENTS[event].safeParse(payload);
  if (!checked.success)
    return {
      ok: false,
      error: `bad ${event} event: ${checked.error.issues.map((issue) => issue.message).join('; ')}`,
    };
  if (target === null || target.isDestroyed())
    return { ok: false, error: `no terminal window to send the ${event} event to` };
  target.send(bridgeEventIpc(event), checked.data);
  return { ok: true, value: undefined };
}
