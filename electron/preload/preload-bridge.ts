import { BRIDGE_CHANNELS, BRIDGE_EVENTS } from '../../shared/bridge/terminal-bridge';
import type {
  BridgeChannel,
  BridgeRequest,
  BridgeResponse,
  BridgeResult,
  TerminalBridge,
} from '../../shared/bridge/terminal-bridge';
import type { ScanEvent } from '../../shared/devices/scan-event';
import { BRIDGE_REQUEST_IPC, bridgeEventIpc } from '../ipc/ipc-channels';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The part of Electron's ipcRenderer the preload uses (a fake in tests). */
export type IpcRendererLike = {
  readonly invoke: (channel: string, ...args: unknown[]) => Promise<unknown>;
  readonly on: (channel: string, listener: IpcListener) => unknown;
  readonly removeListener: (channel: string, listener: IpcListener) => unknown;
};

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The main process's answer, checked against the contract before the page sees it. */
export function parseBridgeAnswer<C extends BridgeChannel>(
  channel: C,
  answer: unknown,
): BridgeResult<BridgeResponse<C>> {
  if (typeof answer === 'object' && answer !== null && 'ok' in answer) {
    if (answer.ok === false && 'error' in answer && typeof answer.error === 'string')
      return { ok: false, error: answer.error };
    if (answer.ok === true && 'value' in answer) {
      const value = BRIDGE_CHANNELS[channel].response.safeParse(answer.value);
      if (value.success) return { ok: true, value: value.data as BridgeResponse<C> };
    }
  }
  return { ok: false, error: `${channel}: the terminal shell answered outside the contract` };
}

/**
 * The terminal bridge the preload exposes as `window.terminalBridge`: exactly the
 * TerminalBridge contract (request + onScan), nothing of Electron. The page never gets
 * ipcRenderer or an IPC event object: listeners receive only the validated scan.
 */
export function createPreloadBridge(ipc: IpcRendererLike) {
  return {
    request: async <C extends BridgeChannel>(
      channel: C,
      request: BridgeRequest<C>,
    ): Promise<BridgeResult<BridgeResponse<C>>> => {
      try {
        return parseBridgeAnswer(channel, await ipc.invoke(BRIDGE_REQUEST_IPC, channel, request));
      } catch (error) {
        return { ok: false, error: `${channel}: ${errorText(error)}` };
      }
    },
    onScan: (listener: (scan: ScanEvent) => void): (() => void) => {
      const onMessage: IpcListener = (_event, payload) => {
        const scan = BRIDGE_EVENTS.scan.safeParse(payload);
        if (scan.success) listener(scan.data);
      };
      ipc.on(bridgeEventIpc('scan'), onMessage);
      return () => {
        ipc.removeListener(bridgeEventIpc('scan'), onMessage);
      };
    },
  } satisfies TerminalBridge;
}
