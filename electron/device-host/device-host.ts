import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { dispatchBridgeRequest } from '../../shared/bridge/bridge-dispatch';
import type { BridgeHandlers } from '../../shared/bridge/bridge-dispatch';
import {
  bridgeRequestFrameSchema,
  MAX_BRIDGE_FRAME_BYTES,
  parseFrame,
} from '../../shared/bridge/bridge-wire';
import type { BridgeHostFrame } from '../../shared/bridge/bridge-wire';
import type { ScanEvent } from '../../shared/devices/scan-event';

/**
 * The device host of browser mode: the same device services as the Electron main process,
 * offered to a terminal running in a browser over a WebSocket on 127.0.0.1.
 *
 * Who may connect: a page that knows this run's token (random, 256 bits, handed to the page
 * in its start URL), from an allowed origin when the client names one (browsers always do,
 * so another web page open on this machine is refused even if it guessed the port). Every
 * frame is parsed (bridge-wire.ts) and every request checked against the contract
 * (bridge-dispatch.ts) before a device sees it; garbage is answered with a `refused` frame,
 * and nothing changes.
 */
export type DeviceHostOptions = {
  readonly handlers: BridgeHandlers;
  /** Scans from the host's devices, sent to every connected page. */
  readonly onScan: (listener: (scan: ScanEvent) => void) => () => void;
  /** Origins a browser may connect from, e.g. `http://127.0.0.1:5180`. */
  readonly allowedOrigins: readonly string[];
  /** This run's token; a fresh random one when absent. */
  readonly token?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
};

export type RunningDeviceHost = {
  /** `ws://127.0.0.1:PORT/bridge`, without the token. */
  readonly url: string;
  readonly token: string;
  readonly connections: () => number;
  readonly close: () => Promise<void>;
};

export const DEVICE_HOST_PATH = '/bridge';

export function newDeviceHostToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function startDeviceHost(options: DeviceHostOptions): Promise<RunningDeviceHost> {
  const token = options.token ?? newDeviceHostToken();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_BRIDGE_FRAME_BYTES });
  const http = createServer((_request, response) => {
    response.writeHead(426, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('The device host speaks WebSocket only.\n');
  });

  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = refusalOf(request, token, options.allowedOrigins);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      serve(ws, options.handlers);
    });
  });

  const send = (ws: WebSocket, frame: BridgeHostFrame): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const unsubscribe = options.onScan((scan) => {
    for (const ws of sockets.clients) send(ws, { type: 'event', event: 'scan', data: scan });
  });

  function serve(ws: WebSocket, handlers: BridgeHandlers): void {
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        send(ws, { type: 'refused', error: 'bridge frames are text (JSON), not binary' });
        return;
      }
      const frame = parseFrame(bridgeRequestFrameSchema, rawText(data));
      if (!frame.ok) {
        send(ws, { type: 'refused', error: frame.error });
        return;
      }
      const { id, channel, payload } = frame.value;
      void dispatchBridgeRequest(handlers, channel, payload).then((result) => {
        send(ws, { type: 'response', id, result });
      });
    });
    // A frame above maxPayload closes the socket (ws sends 1009); the page reconnects.
    ws.on('error', () => ws.terminate());
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${String(port)}${DEVICE_HOST_PATH}`,
    token,
    connections: () => sockets.clients.size,
    close: async () => {
      unsubscribe();
      for (const ws of sockets.clients) ws.terminate();
      await new Promise<void>((resolve) => {
        sockets.close(() => {
          resolve();
        });
      });
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** Why an upgrade is refused (an HTTP status line), or null when it may connect. */
function refusalOf(
  request: IncomingMessage,
  token: string,
  allowedOrigins: readonly string[],
): string | null {
  const url = new URL(request.url ?? '/', 'ws://127.0.0.1');
  if (url.pathname !== DEVICE_HOST_PATH) return '404 Not Found';
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedOrigins.includes(origin)) return '403 Forbidden';
  if (!sameSecret(url.searchParams.get('token') ?? '', token)) return '401 Unauthorized';
  return null;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (data instanceof ArrayBuffer ? Buffer.from(data) : data).toString('utf8');
}
