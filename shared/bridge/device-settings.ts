import { z } from 'zod';

/**
 * Which devices the terminal uses, as the manager picks them on the settings screen. Stored
 * by the device side (the Electron main process or the device host) and read back through
 * this schema, like everything that crosses the bridge.
 *
 * A printer model is an id of the device side's printer profiles (its Cyrillic code page
 * and columns); the device side refuses one it does not know, naming the models it has.
 */
const devicePath = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters');
const baudRate = z.int().min(1_200).max(921_600);
const printerModel = z.string().min(1).max(40);

export const printerSettingsSchema = z.discriminatedUnion('transport', [
  z.strictObject({ transport: z.literal('none') }),
  /** A printer in memory (demo, tests): shows what would print, can be "switched off". */
  z.strictObject({ transport: z.literal('simulated'), model: printerModel }),
  z.strictObject({
    transport: z.literal('serial'),
    path: devicePath,
    baudRate,
    model: printerModel,
  }),
  /** A USB printer class device file, e.g. /dev/usb/lp0. */
  z.strictObject({ transport: z.literal('usb'), path: devicePath, model: printerModel }),
  /** A network printer's raw port (9100 by custom). */
  z.strictObject({
    transport: z.literal('tcp'),
    host: z
      .string()
      .min(1)
      .max(253)
      .regex(/^[A-Za-z0-9.\-:]+$/, 'must be a host name or an IP address'),
    port: z.int().min(1).max(65_535),
    model: printerModel,
  }),
]);
export type PrinterSettings = z.output<typeof printerSettingsSchema>;

export const deviceSettingsSchema = z.strictObject({
  printer: printerSettingsSchema,
  /** Serial and USB-CDC scanners: each port with its speed. */
  serialScanners: z
    .array(z.strictObject({ path: devicePath, baudRate }))
    .max(4)
    .refine(
      (list) => new Set(list.map((s) => s.path)).size === list.length,
      'a port is listed twice',
    ),
  /** Whether HID POS scanners (usage page 0x8C) are looked for and opened. */
  hidScanners: z.boolean(),
});
export type DeviceSettings = z.output<typeof deviceSettingsSchema>;

export const DEFAULT_DEVICE_SETTINGS: DeviceSettings = {
  printer: { transport: 'none' },
  serialScanners: [],
  hidScanners: true,
};
