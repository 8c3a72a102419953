import { z } from 'zod';

/**
 * One scan, whatever produced it: a keyboard-wedge scanner (detected by key timing in the
 * renderer), a HID POS scanner or a serial scanner (device drivers), or a number typed by the
 * cashier. Every source emits this same event; the terminal handles scans one at a time.
 * `code` is the raw text as the device sent it: parseCardCode cleans and checks it.
 */
export const SCAN_SOURCES = ['keyboard-wedge', 'hid', 'serial', 'manual'] as const;
export type ScanSource = (typeof SCAN_SOURCES)[number];

export const scanEventSchema = z.strictObject({
  code: z.string().min(1).max(4_096),
  /** The AIM symbology identifier (e.g. `]E0`) when the device reported one separately. */
  symbology: z.string().max(8).optional(),
  source: z.enum(SCAN_SOURCES),
  /** Epoch ms when the scan completed. */
  at: z.int().min(0),
});

export type ScanEvent = z.output<typeof scanEventSchema>;
