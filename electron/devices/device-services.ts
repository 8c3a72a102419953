import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BridgeHandlers } from '../../shared/bridge/bridge-dispatch';
import type { DeviceSettings } from '../../shared/bridge/device-settings';
import type { DeviceStatus, PrintJobAnswer } from '../../shared/bridge/terminal-bridge';
import type { ScanEvent } from '../../shared/devices/scan-event';
import type { Lang } from '../../shared/i18n/lang';
import { sampleSaleReceipt } from '../../shared/receipts/sample-receipts';
import { listDeviceCandidates } from './device-candidates';
import type { CandidateSources } from './device-candidates';
import { loadDeviceSettings, saveDeviceSettings } from './device-settings-file';
import { printerFromSettings } from './printer-from-settings';
import type { ConfiguredPrinter } from './printer-from-settings';
import { renderReceipt } from './printers/escpos/escpos-encoder';
import { createPrintQueue } from './printers/print-queue';
import type { PrintQueue } from './printers/print-queue';
import { printerDeviceStatus } from './printers/print-queue-state';
import type { SimulatedPrinter } from './printers/printer.simulated';
import { startScanners } from './scanners/start-scanners';
import type { RunningScanners, ScannerSources } from './scanners/start-scanners';
import { systemTimers } from './timers';
import type { Timers } from './timers';

/**
 * Every device of one terminal behind the bridge contract: the same object serves the
 * Electron main process (over IPC) and the browser-mode device host (over a WebSocket).
 *
 * - Settings come from `dataDir/device-settings.json` and change through the bridge; a
 *   change closes the devices and opens them again with the new settings.
 * - Slips go to a persistent queue in `dataDir/print-queue`, whichever printer is chosen:
 *   slips waiting for a printer that was replaced print on the new one.
 * - While the queue is empty the printer is asked for its status every `statusPollMs`, so
 *   the screen shows a printer switched off before the next sale needs it.
 */
export type DeviceServicesOptions = {
  readonly dataDir: string;
  readonly log: (message: string) => void;
  readonly timers?: Timers;
  readonly statusPollMs?: number;
  readonly scannerSources?: ScannerSources;
  readonly candidateSources?: CandidateSources;
};

export type DeviceServices = {
  readonly handlers: BridgeHandlers;
  readonly onScan: (listener: (scan: ScanEvent) => void) => () => void;
  /** The simulated printer, when the settings chose one (the demo shows what it printed). */
  readonly simulatedPrinter: () => SimulatedPrinter | null;
  readonly stop: () => Promise<void>;
};

const NO_PRINTER = 'No printer is set up: choose one in Settings (F9).';

type Printing = { readonly printer: ConfiguredPrinter; readonly queue: PrintQueue };

export async function startDeviceServices(options: DeviceServicesOptions): Promise<DeviceServices> {
  const timers = options.timers ?? systemTimers;
  const queueDir = path.join(options.dataDir, 'print-queue');
  await mkdir(queueDir, { recursive: true });
  const loaded = await loadDeviceSettings(options.dataDir);
  if (loaded.problem) options.log(loaded.problem);
  const listeners = new Set<(scan: ScanEvent) => void>();

  let settings: DeviceSettings = loaded.settings;
  let printing: Printing | null = null;
  let printerProblem: string | null = null;
  let scanners: RunningScanners | null = null;
  let cancelPoll: (() => void) | undefined;
  // Each opening of the devices has its own poll loop; a loop whose opening was closed stops
  // at its next step (a refresh still running when `close` came must not schedule another).
  let opening = 0;

  const pollStatus = (mine: number): void => {
    cancelPoll = timers.setTimeout(() => {
      const current = printing;
      const next = (): void => {
        if (mine === opening) pollStatus(mine);
      };
      if (current && current.queue.state().pending === 0)
        void current.queue.refreshStatus().then(next, next);
      else next();
    }, options.statusPollMs ?? 5_000);
  };

  const close = async (): Promise<void> => {
    opening += 1;
    cancelPoll?.();
    await Promise.all([printing?.queue.stop(), scanners?.stop()]);
    printing = null;
    scanners = null;
  };

  const open = async (next: DeviceSettings): Promise<void> => {
    settings = next;
    const printer = printerFromSettings(next.printer);
    printerProblem = printer.ok ? null : printer.error;
    if (printer.ok && printer.value) {
      const queue = createPrintQueue({
        dir: queueDir,
        printer: printer.value.transport,
        timers,
        log: options.log,
      });
      await queue.start();
      printing = { printer: printer.value, queue };
    }
    scanners = startScanners(next, {
      timers,
      log: options.log,
      onScan: (scan) => {
        for (const listener of listeners) listener(scan);
      },
      sources: options.scannerSources,
    });
    pollStatus(opening);
  };

  await open(settings);

  const enqueue = async (receipt: unknown, lang: Lang, label: string) => {
    const current = printing;
    if (!current)
      return {
        ok: false as const,
        error: printerProblem ?? NO_PRINTER,
      };
    const bytes = renderReceipt(receipt, { profile: current.printer.profile, lang });
    if (!bytes.ok) return { ok: false as const, error: bytes.error.message };
    const job = await current.queue.enqueue({ bytes: bytes.value, label });
    return { ok: true as const, value: jobAnswer(job.id, current) };
  };

  const handlers: BridgeHandlers = {
    'devices.list': () => {
      const list: DeviceStatus[] = [...(scanners?.statuses() ?? [])];
      if (printing) {
        const state = printing.queue.state();
        list.push({
          ...printerDeviceStatus(state, {
            id: 'printer',
            name: printing.printer.profile.name,
            transport: printing.printer.transport.transport,
          }),
          waiting: state.pending,
        });
      } else if (printerProblem) {
        list.push({
          id: 'printer',
          kind: 'printer',
          transport: settings.printer.transport,
          name: 'Printer',
          state: 'error',
          detail: printerProblem.slice(0, 500),
        });
      }
      return { ok: true, value: list };
    },
    'devices.candidates': async () => ({
      ok: true,
      value: await listDeviceCandidates(options.candidateSources),
    }),
    'devices.settings.get': () => ({ ok: true, value: settings }),
    'devices.settings.set': async (next) => {
      const printer = printerFromSettings(next.printer);
      if (!printer.ok) return printer;
      await saveDeviceSettings(options.dataDir, next);
      await close();
      await open(next);
      return { ok: true, value: settings };
    },
    'printer.print': ({ receipt, lang }) => enqueue(receipt, lang, receipt.header.receiptNumber),
    'printer.reprintLast': async () => {
      const current = printing;
      if (!current)
        return { ok: false, error: 'No printer is set up: choose one in Settings (F9).' };
      const job = await current.queue.reprintLast();
      return job
        ? { ok: true, value: jobAnswer(job.id, current) }
        : { ok: false, error: 'Nothing has been printed yet on this terminal.' };
    },
    'printer.testPrint': ({ lang }) => {
      const sample = sampleSaleReceipt();
      const receipt = {
        ...sample,
        header: { ...sample.header, receiptNumber: 'TEST', at: timers.now() },
      };
      return enqueue(receipt, lang, 'test print');
    },
  };

  return {
    handlers,
    onScan: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    simulatedPrinter: () => printing?.printer.simulated ?? null,
    stop: close,
  };
}

/** What a print request answers: the job, the queue's length and the printer's state. */
function jobAnswer(jobId: string, { queue, printer }: Printing): PrintJobAnswer {
  const state = queue.state();
  return {
    jobId,
    waiting: state.pending,
    printerState: state.printer.state,
    columns: printer.profile.columns,
  };
}
