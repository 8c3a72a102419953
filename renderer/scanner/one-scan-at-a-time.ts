import type { ScanEvent } from '../../shared/devices/scan-event';

/**
 * Scans from every source reach the terminal one at a time: a scan waits until the previous
 * one's handling (a card lookup, opening the customer) has finished, so two quick scans never
 * race to fill the screen, and the last one scanned is the one shown.
 *
 * At most `maxWaiting` scans wait; a scan beyond that is dropped and reported (`onDropped`):
 * a scanner stuck in a loop must not queue work for minutes. A handler that throws does not
 * stop the queue: the error goes to `onError` and the next scan is handled.
 */
export function oneScanAtATime(
  handle: (scan: ScanEvent) => Promise<void>,
  options: {
    readonly maxWaiting?: number;
    readonly onDropped?: (scan: ScanEvent) => void;
    readonly onError?: (error: unknown, scan: ScanEvent) => void;
  } = {},
): (scan: ScanEvent) => void {
  const maxWaiting = options.maxWaiting ?? 4;
  const waiting: ScanEvent[] = [];
  let busy = false;

  const drain = async (): Promise<void> => {
    busy = true;
    for (let scan = waiting.shift(); scan !== undefined; scan = waiting.shift()) {
      try {
        await handle(scan);
      } catch (error) {
        options.onError?.(error, scan);
      }
    }
    busy = false;
  };

  return (scan) => {
    if (waiting.length >= maxWaiting) {
      options.onDropped?.(scan);
      return;
    }
    waiting.push(scan);
    if (!busy) void drain();
  };
}
