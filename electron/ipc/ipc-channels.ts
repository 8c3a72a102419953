import type { BRIDGE_EVENTS } from '../../shared/bridge/terminal-bridge';

/**
 * The Electron IPC channel names behind the terminal bridge, used by the main process and the
 * preload alike. Every bridge request travels on one IPC channel as `(bridgeChannel, payload)`,
 * so an unknown bridge channel reaches the main process's check and is refused with a clear
 * error (instead of Electron's "no handler registered").
 */
export const BRIDGE_REQUEST_IPC = 'terminal-bridge:request';

export type BridgeEventName = keyof typeof BRIDGE_EVENTS;

/** Events go from the main process to the window on `terminal-bridge:event:<name>`. */
export function bridgeEventIpc(event: BridgeEventName): `terminal-bridge:event:${BridgeEventName}` {
  return `terminal-bridge:event:${event}`;
}
