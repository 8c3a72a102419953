import type { PrinterSettings } from '../../shared/bridge/device-settings';
import { assertNever } from '../../shared/util/assert-never';
import {
  isPrinterModelId,
  PRINTER_MODEL_IDS,
  PRINTER_PROFILES,
} from './printers/escpos/printer-profiles';
import type { PrinterProfile } from './printers/escpos/printer-profiles';
import { createSerialPrinter } from './printers/printer.serial';
import { createSimulatedPrinter } from './printers/printer.simulated';
import type { SimulatedPrinter } from './printers/printer.simulated';
import { createTcpPrinter } from './printers/printer.tcp';
import type { PrinterTransport } from './printers/printer-transport';
import { createUsbPrinter } from './printers/printer.usb';

/** The printer a manager's settings describe: its transport and its model's profile. */
export type ConfiguredPrinter = {
  readonly transport: PrinterTransport;
  readonly profile: PrinterProfile;
  /** Set when the transport is the simulated printer (demo, tests). */
  readonly simulated?: SimulatedPrinter;
};

/**
 * The only place that picks a printer variant (CONVENTIONS: variants side by side, chosen
 * at start-up). `none` is null; an unknown model is an error naming the models we have.
 */
export function printerFromSettings(
  settings: PrinterSettings,
): { ok: true; value: ConfiguredPrinter | null } | { ok: false; error: string } {
  if (settings.transport === 'none') return { ok: true, value: null };
  if (!isPrinterModelId(settings.model))
    return {
      ok: false,
      error: `unknown printer model "${settings.model}"; known: ${PRINTER_MODEL_IDS.join(', ')}`,
    };
  const profile = PRINTER_PROFILES[settings.model];
  switch (settings.transport) {
    case 'simulated': {
      const simulated = createSimulatedPrinter(`${profile.name} (simulated)`);
      return { ok: true, value: { transport: simulated, profile, simulated } };
    }
    case 'serial':
      return {
        ok: true,
        value: {
          transport: createSerialPrinter({ path: settings.path, baudRate: settings.baudRate }),
          profile,
        },
      };
    case 'usb':
      return { ok: true, value: { transport: createUsbPrinter({ path: settings.path }), profile } };
    case 'tcp':
      return {
        ok: true,
        value: {
          transport: createTcpPrinter({ host: settings.host, port: settings.port }),
          profile,
        },
      };
    default:
      return assertNever(settings, 'printer transport');
  }
}
