import { describe, expect, it } from 'vitest';
import { PrinterError, describePrinterProblem, toPrinterError } from './printer-transport';

function systemError(code: string): Error {
  return Object.assign(new Error(`${code}: failed`), { code });
}

describe('toPrinterError', () => {
  it.each([
    ['ENOENT', 'not-found'],
    ['EACCES', 'permission-denied'],
    ['EPERM', 'permission-denied'],
    ['ECONNREFUSED', 'connection-refused'],
    ['EHOSTUNREACH', 'unreachable'],
    ['ETIMEDOUT', 'timed-out'],
    ['EBUSY', 'busy'],
    ['ENODEV', 'disconnected'],
    ['EIO', 'disconnected'],
    ['EWHATEVER', 'io-error'],
  ])('errno %s → %s', (code, kind) => {
    expect(toPrinterError(systemError(code), '/dev/usb/lp0', 'opening').problem.kind).toBe(kind);
  });

  it("reads serialport's strerror text, which has no code", () => {
    const cases = [
      ['Error: No such file or directory, cannot open /dev/ttyUSB9', 'not-found'],
      ['Error: Permission denied, cannot open /dev/ttyS0', 'permission-denied'],
      ['Error Resource temporarily unavailable Cannot lock port', 'busy'],
    ] as const;
    for (const [message, kind] of cases) {
      expect(toPrinterError(new Error(message), '/dev/tty', 'opening').problem.kind).toBe(kind);
    }
  });

  it('keeps the cause and says what to do', () => {
    const cause = systemError('EACCES');
    const error = toPrinterError(cause, '/dev/usb/lp0', 'opening');
    expect(error.cause).toBe(cause);
    expect(error.message).toMatch(/No permission.*\/dev\/usb\/lp0.*group/);
    expect(toPrinterError(error, 'x', 'y')).toBe(error);
  });

  it('describes an unknown failure with what was being done', () => {
    const error = toPrinterError('odd', '10.0.0.5:9100', 'writing');
    expect(error).toBeInstanceOf(PrinterError);
    expect(describePrinterProblem(error.problem)).toMatch(/10\.0\.0\.5:9100.*writing: odd/);
  });
});
