import { describe, expect, it } from 'vitest';
import { systemErrorKind } from './system-error';

const withCode = (code: string): Error => Object.assign(new Error(`${code}: something`), { code });

describe('reading a system error for a device link', () => {
  it('goes by the errno code when Node sets one', () => {
    expect(systemErrorKind(withCode('ENOENT'))).toBe('not-found');
    expect(systemErrorKind(withCode('EACCES'))).toBe('permission-denied');
    expect(systemErrorKind(withCode('ECONNREFUSED'))).toBe('connection-refused');
    expect(systemErrorKind(withCode('EBUSY'))).toBe('busy');
    expect(systemErrorKind(withCode('EIO'))).toBe('disconnected');
  });

  it('recovers the errno from the text of native errors that carry none', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['Error: No such file or directory, cannot open /dev/ttyUSB0', 'not-found'],
      ['Opening COM7: File not found', 'not-found'],
      ['Error: Permission denied, cannot open /dev/ttyS0', 'permission-denied'],
      ['Access is denied.', 'permission-denied'],
      ['Opening COM3: Access denied', 'busy'], // Windows: another program holds the port
      ['The system cannot find the file specified.', 'not-found'],
      ['Error: Port is already in use', 'busy'],
      ['Error Resource temporarily unavailable Cannot lock port', 'busy'],
      ['Error: Input/output error', 'disconnected'],
    ];
    for (const [message, kind] of cases)
      expect(systemErrorKind(new Error(message)), message).toBe(kind);
  });

  it('says nothing it cannot tell, and reads non-errors as text', () => {
    expect(systemErrorKind(new Error('the printer caught fire'))).toBeUndefined();
    // A broken install is not a missing device, and "in use" inside a word is not "busy".
    expect(
      systemErrorKind(new Error("Cannot find module '@serialport/bindings-cpp'")),
    ).toBeUndefined();
    expect(systemErrorKind(new Error('no login user for the device'))).toBeUndefined();
    expect(systemErrorKind(withCode('EWHATEVER'))).toBeUndefined();
    expect(systemErrorKind('permission denied')).toBe('permission-denied');
    expect(systemErrorKind(undefined)).toBeUndefined();
    expect(systemErrorKind({ code: 42 })).toBeUndefined();
  });
});
