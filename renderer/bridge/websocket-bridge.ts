import { bridgeHostFrameSchema, parseFrame } from '../../shared/bridge/bridge-wire';
import type { BridgeRequestFrame } from '../../shared/bridge/bridge-wire';
import { BRIDGE_CHANNELS } from '../../shared/bridge/terminal-bridge';
import type {
  BridgeChannel,
  BridgeRequest,
  BridgeResponse,
  BridgeResult,
  TerminalBridge,
} from '../../shared/bridge/terminal-bridge';
import { scanEventSchema } from '../../shared/devices/scan-event';
import type { ScanEvent } from '../../shared/devices/scan-event';

/**
 * The terminal bridge of browser mode: the device host's devices (electron/device-host/),
 * reached over a WebSocket on 127.0.0.1 with this run's token.
 *
 * Never makes the cashier wait: a request while the host is unreachable is answered at once
 * with an error; one the host does not answer within `timeoutMs` is answered with an error;
 * a lost connection answers every open request with an error and is retried with backoff
 * (1 s doubling to 15 s) until `dispose`. What the host sends is parsed before use: a frame,
 * an answer or a scan outside the contract is reported to `onProblem` and dropped.
 */
export type WebSocketBridgeOptions = {
  /** `ws://127.0.0.1:PORT/bridge` */
  readonly url: string;
  readonly token: string;
  readonly timeoutMs?: number;
  readonly onConnection?: (connected: boolean) => void;
  readonly onProblem?: (problem: string) => void;
};

export type WebSocketBridge = TerminalBridge & {
  readonly connected: () => boolean;
  readonly dispose: () => void;
};

const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 15_000;

export function websocketBridge(options: WebSocketBridgeOptions): WebSocketBridge {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const listeners = new Set<(scan: ScanEvent) => void>();
  const pending = new Map<
    number,
    { channel: BridgeChannel; settle: (result: BridgeResult<unknown>) => void }
  >();
  let socket: WebSocket | null = null;
  let open = false;
  let disposed = false;
  let nextId = 1;
  let retryMs = RETRY_FIRST_MS;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const problem = (text: string): void => options.onProblem?.(text);

  const failAll = (error: string): void => {
    for (const [id, request] of pending) {
      pending.delete(id);
      request.settle({ ok: false, error });
    }
  };

  const onFrame = (text: string): void => {
    const frame = parseFrame(bridgeHostFrameSchema, text);
    if (!frame.ok) return problem(`device host: ${frame.error}`);
    const value = frame.value;
    switch (value.type) {
      case 'response': {
        const request = pending.get(value.id);
        if (!request) return problem(`device host answered unknown request ${String(value.id)}`);
        pending.delete(value.id);
        if (!value.result.ok) return request.settle(value.result);
        const parsed = BRIDGE_CHANNELS[request.channel].response.safeParse(value.result.value);
        return request.settle(
          parsed.success
            ? { ok: true, value: parsed.data }
            : { ok: false, error: `the device host's ${request.channel} answer is malformed` },
        );
      }
      case 'event': {
        const scan = scanEventSchema.safeParse(value.data);
        if (!scan.success) return problem('device host sent a malformed scan');
        for (const listener of listeners) listener(scan.data);
        return;
      }
      case 'refused':
        return problem(`device host refused a frame: ${value.error}`);
    }
  };

  const connect = (): void => {
    if (disposed) return;
    const url = `${options.url}?token=${encodeURIComponent(options.token)}`;
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      open = true;
      retryMs = RETRY_FIRST_MS;
      options.onConnection?.(true);
    });
    ws.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (typeof event.data === 'string') onFrame(event.data);
      else problem('device host sent a binary frame');
    });
    ws.addEventListener('close', () => {
      const wasOpen = open;
      open = false;
      socket = null;
      failAll('The device host connection was lost; devices are unavailable for now.');
      if (wasOpen) options.onConnection?.(false);
      if (disposed) return;
      retryTimer = setTimeout(connect, retryMs);
      retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
    });
  };
  connect();

  const request = <C extends BridgeChannel>(
    channel: C,
    payload: BridgeRequest<C>,
  ): Promise<BridgeResult<BridgeResponse<C>>> => {
    const ws = socket;
    if (!open || !ws)
      return Promise.resolve({
        ok: false,
        error: 'The device host is not connected; devices are unavailable for now.',
      });
    const id = nextId++;
    const frame: BridgeRequestFrame = { type: 'request', id, channel, payload };
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (!pending.delete(id)) return;
        resolve({ ok: false, error: `The device host did not answer ${channel} in time.` });
      }, timeoutMs);
      pending.set(id, {
        channel,
        settle: (result) => {
          clearTimeout(timer);
          // Checked against the channel's response schema in onFrame.
          resolve(result as BridgeResult<BridgeResponse<C>>);
        },
      });
      ws.send(JSON.stringify(frame));
    });
  };

  return {
    request,
    onScan: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    connected: () => open,
    dispose: () => {
      disposed = true;
      clearTimeout(retryTimer);
      socket?.close();
      failAll('The terminal is closing.');
    },
  };
}
