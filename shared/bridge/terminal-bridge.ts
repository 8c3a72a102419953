import { z } from 'zod';
import { scanEventSchema } from '../devices/scan-event';
import { MIN_COLUMNS } from '../receipts/print-blocks';
import { receiptDocumentSchema } from '../receipts/receipt-document';
import { deviceSettingsSchema } from './device-settings';
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
  /** A printer's slips waiting in its queue (they print when it can). */
  waiting: z.int().min(0).optional(),
});
export type DeviceStatus = z.output<typeof deviceStatusSchema>;

const langSchema = z.enum(['ru', 'en']);

/** A slip handed to the print queue: it prints now, or when the printer can. */
export const printJobSchema = z.strictObject({
  jobId: z.string().min(1).max(80),
  /** Slips in the queue after this one was added, this one included until it prints. */
  waiting: z.int().min(0),
  /**
   * The printer's state as last known: not `ready` means the slip waits for it. The UI says
   * why in the cashier's language; the device's technical detail is in `devices.list`.
   */
  printerState: z.enum(DEVICE_STATES),
  /** The printer's line width (font A columns): the slip's on-screen preview wraps to it. */
  columns: z.int().min(MIN_COLUMNS).max(64),
});
export type PrintJobAnswer = z.output<typeof printJobSchema>;

export const deviceCandidatesSchema = z.strictObject({
  /** Serial ports the system lists (scanners and printers alike). */
  serialPorts: z
    .array(z.strictObject({ path: z.string().max(200), name: z.string().max(200) }))
    .max(64),
  /** USB printer device files present, e.g. /dev/usb/lp0. */
  usbPrinters: z.array(z.string().max(200)).max(16),
  /** Printer models with a known Cyrillic code page. */
  printerModels: z
    .array(z.strictObject({ id: z.string().max(40), name: z.string().max(80) }))
    .max(64),
});
export type DeviceCandidates = z.output<typeof deviceCandidatesSchema>;

export const BRIDGE_CHANNELS = {
  'devices.list': { request: z.strictObject({}), response: z.array(deviceStatusSchema).max(64) },
  'devices.candidates': { request: z.strictObject({}), response: deviceCandidatesSchema },
  'devices.settings.get': { request: z.strictObject({}), response: deviceSettingsSchema },
  /** Saves the settings and reopens the devices with them; answers the settings applied. */
  'devices.settings.set': { request: deviceSettingsSchema, response: deviceSettingsSchema },
  /** Prints a receipt in the terminal's language (or queues it while the printer cannot). */
  'printer.print': {
    request: z.strictObject({ receipt: receiptDocumentSchema, lang: langSchema }),
    response: printJobSchema,
  },
  'printer.reprintLast': { request: z.strictObject({}), response: printJobSchema },
  'printer.testPrint': { request: z.strictObject({ lang: langSchema }), response: printJobSchema },
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
