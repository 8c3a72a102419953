import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/messages';
import type { SlipPrinting } from '../state/terminal-store';
import { slipPrintingText } from './slip-printing-text';

const ru = translator('ru');
const en = translator('en');
const queued = (waiting: number, printerState: 'ready' | 'disconnected' | 'paper-out') =>
  ({ receiptId: 'R1', state: 'queued', waiting, printerState }) as const satisfies SlipPrinting;

describe('what the slip says about the printer', () => {
  it('says "printing" for the only slip of a ready printer, "waiting" behind others', () => {
    expect(slipPrintingText(queued(1, 'ready'), ru)).toBe('Чек печатается.');
    expect(slipPrintingText(queued(3, 'ready'), ru)).toBe(
      'Чек ждёт принтер (в очереди: 3) и напечатается, как только принтер будет готов.',
    );
  });

  it("says why the printer cannot print, in the cashier's language (never the device's English)", () => {
    expect(slipPrintingText(queued(1, 'paper-out'), ru)).toBe(
      'Чек ждёт принтер (в очереди: 1) и напечатается, как только принтер будет готов. Принтер: нет бумаги.',
    );
    expect(slipPrintingText(queued(2, 'disconnected'), en)).toBe(
      'The receipt waits for the printer (2 in the queue) and prints as soon as it is ready. Printer: not connected.',
    );
  });

  it('says printed, sending, not printed (with the reason), or nothing without a slip', () => {
    expect(slipPrintingText({ receiptId: 'R1', state: 'printed' }, ru)).toBe('Чек напечатан.');
    expect(slipPrintingText({ receiptId: 'R1', state: 'sending' }, en)).toMatch(/printer/);
    expect(slipPrintingText({ receiptId: 'R1', state: 'failed', error: 'boom' }, ru)).toBe(
      'Чек не напечатан: boom',
    );
    expect(slipPrintingText(null, ru)).toBe('');
  });
});
