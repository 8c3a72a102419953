import { assertNever } from '../../shared/util/assert-never';
import type { Translate } from '../i18n/messages';
import type { SlipPrinting } from '../state/terminal-store';

/** What became of the slip at the printer, in the cashier's words (under the slip on screen). */
export function slipPrintingText(printing: SlipPrinting | null, t: Translate): string {
  if (!printing) return '';
  switch (printing.state) {
    case 'sending':
      return t('slip.printSending');
    case 'printed':
      return t('slip.printed');
    case 'queued':
      // The printer's state in the cashier's language; the device's own detail (English,
      // technical) is for the settings screen.
      if (printing.printerState === 'ready')
        return printing.waiting <= 1
          ? t('slip.printQueued')
          : t('slip.printWaiting', { waiting: printing.waiting });
      return `${t('slip.printWaiting', { waiting: printing.waiting })} ${t('slip.printerIs', {
        state: t(`devices.state.${printing.printerState}`),
      })}`;
    case 'failed':
      return t('slip.printFailed', { error: printing.error });
    default:
      return assertNever(printing, 'slip printing');
  }
}
