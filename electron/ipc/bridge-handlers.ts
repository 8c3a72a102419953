import { dispatchBridgeRequest } from '../../shared/bridge/bridge-dispatch';
import type { BridgeHandlers } from '../../shared/bridge/bridge-dispatch';
import type { BridgeResult } from '../../shared/bridge/terminal-bridge';
import { BRIDGE_REQUEST_IPC } from './ipc-channels';
import type { IpcInvokeEvent, SenderCheck } from './trusted-sender';

/** The part of Electron's ipcMain the shell uses (a fake in tests). */
export type IpcMainLike = {
  readonly handle: (
    channel: string,
    listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ) => void;
  readonly removeHandler: (channel: string) => void;
};

export type BridgeLog = (line: string) => void;

/**
 * Every bridge message over Electron IPC goes through here: first the sender is checked
 * (trusted-sender.ts), then shared/bridge/bridge-dispatch.ts checks the channel, the payload
 * against the channel's request schema and the handler's answer against its response schema,
 * exactly as for the browser-mode device host. Every refusal is `{ok: false, error}` naming
 * what was wrong, and no handler runs, so a refused message changes nothing.
 */
export async function handleBridgeMessage(
  handlers: BridgeHandlers,
  checkSender: SenderCheck,
  event: IpcInvokeEvent,
  channel: unknown,
  payload: unknown,
  log: BridgeLog = () => undefined,
): Promise<BridgeResult<unknown>> {
  const refusal = checkSender(event);
  if (refusal !== null) {
    log(`terminal bridge: ${refusal}`);
    return { ok: false, error: refusal };
  }
  const answer = await dispatchBridgeRequest(handlers, channel, payload);
  // A device service answering outside the contract is a bug: say so where engineers look.
  if (!answer.ok && answer.error.includes(' answered outside the contract: '))
    log(`terminal bridge: ${answer.error}`);
  return answer;
}

/**
 * Registers the bridge on `ipc` (Electron's ipcMain in main.ts) on its one IPC channel.
 * Returns the function that removes it again.
 */
export function registerBridgeHandlers(
  ipc: IpcMainLike,
  handlers: BridgeHandlers,
  checkSender: SenderCheck,
  log?: BridgeLog,
): () => void {
  ipc.handle(BRIDGE_REQUEST_IPC, (event, channel, payload) =>
    handleBridgeMessage(handlers, checkSender, event, channel, payload, log),
  );
  return () => {
    ipc.removeHandler(BRIDGE_REQUEST_IPC);
  };
}
