import { z } from 'zod';
import { scanEventSchema } from '../devices/scan-event';
import type { ScanEvent } from '../devices/scan-event';

/**
 * The one contract between the terminal UI and the devices: each request channel maps to a
 * request schema and a response schema, and every answer is `{ok: true, value}` or
 * `{ok: false, error}`. The Electron preload, the browser-mode device host (WebSocket) and the
 * in-page implementation all provide this same shape; each side validates what it receives.
 */

export const DEVICE_KINDS = ['scanner', 'printer'] as const;
export const DEVICE_STATES = ['ready', 'disconnected', 'error', 'paper-out', 'cover-open'] as const;

export const deviceStatusSchema = z.strictObject({
  id: z.string().min(1).max(120),
  kind: z.enum(DEVICE_KINDS),
  /** How the device is attached: keyboard-wedge, hid, serial, usb-printer, tcp. */
  transport: z.string().min(1).max(40),
  name: z.string().min(1).max(120),
  state: z.enum(DEVICE_STATES),
  detail: z.string().max(500).optional(),
});
export type DeviceStatus = z.output<typeof deviceStatusSchema>;

export const BRIDGE_CHANNELS = {
  'devices.list': { request: z.strictObject({}), response: z.array(deviceStatusSchema).max(64) },
} as const;

export type BridgeChannel = keyof typeof BRIDGE_CHANNELS;
export type BridgeRequest<C extends BridgeChannel> = z.input<
  (typeof BRIDGE_CHANNELS)[C]['request']
>;
export type BridgeResponse<C extends BridgeChannel> = z.output<
  (typeof BRIDGE_CHANNELS)[C]['response']
>;
export type BridgeResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Events pushed from the devices to the UI. */
export const BRIDGE_EVENTS = { scan: scanEventSchema } as const;

/** What the UI sees of the devices, whatever the runtime mode. */
export type TerminalBridge = {
  readonly request: <C extends BridgeChannel>(
    channel: C,
    request: BridgeRequest<C>,
  ) => Promise<BridgeResult<BridgeResponse<C>>>;
  /** Subscribes to scans from every source; returns the unsubscribe function. */
  readonly onScan: (listener: (scan: ScanEvent) => void) => () => void;
};

/** Validates a request on the receiving side; a bad payload is refused with the problems named. */
export function parseBridgeRequest<C extends BridgeChannel>(
  channel: C,
  payload: unknown,
): BridgeResult<BridgeRequest<C>> {
  const parsed = BRIDGE_CHANNELS[channel].request.safeParse(payload);
  return parsed.success
    ? { ok: true, value: parsed.data as BridgeRequest<C> }
    : {
        ok: false,
        error: `bad ${channel} request: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
      };
}
