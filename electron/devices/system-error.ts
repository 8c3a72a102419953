/**
 * What a system error means for a device link, whichever device it is: scanners and printers
 * each say it in their own words (a scanner's state, a printer's problem), from this one
 * reading of the error.
 */
export type SystemErrorKind =
  | 'not-found'
  | 'permission-denied'
  | 'connection-refused'
  | 'unreachable'
  | 'timed-out'
  | 'busy'
  | 'disconnected';

/** System error codes (errno names, as Node sets them on `error.code`). */
const KIND_BY_CODE: Readonly<Record<string, SystemErrorKind>> = {
  ENOENT: 'not-found',
  ENOTDIR: 'not-found',
  ENOTFOUND: 'not-found', // DNS: no such host
  EACCES: 'permission-denied',
  EPERM: 'permission-denied',
  ECONNREFUSED: 'connection-refused',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ETIMEDOUT: 'timed-out',
  EBUSY: 'busy',
  ENXIO: 'disconnected', // device file exists but no device behind it (unplugged)
  ENODEV: 'disconnected',
  EIO: 'disconnected', // a USB device or pty that went away mid-write
  EPIPE: 'disconnected',
  ECONNRESET: 'disconnected',
};

/**
 * serialport's and node-hid's native errors carry `strerror(errno)` text only ("Error: No
 * such file or directory, cannot open /dev/ttyUSB0"), with no `code`; these phrases recover
 * the errno. Checked in this order: on Windows serialport says "Opening COM3: Access denied"
 * for a port another program holds, so that one is `busy` before any "access denied" is read
 * as a permission problem; Windows' own texts are "The system cannot find the file
 * specified." and "Access is denied.".
 */
const KIND_BY_MESSAGE: readonly (readonly [RegExp, SystemErrorKind])[] = [
  [/opening com\d+: access (is )?denied/i, 'busy'],
  [
    /\bENOENT\b|no such file or directory|cannot find the (file|path) specified|file not found/i,
    'not-found',
  ],
  [
    /\bEACCES\b|permission denied|operation not permitted|access (is )?denied/i,
    'permission-denied',
  ],
  [/\bEBUSY\b|resource busy|cannot lock port|\b(already|is) in use\b/i, 'busy'],
  [/no such device|input\/output error/i, 'disconnected'],
];

/** The kind of a thrown system error, or undefined when neither its code nor text says. */
export function systemErrorKind(error: unknown): SystemErrorKind | undefined {
  const code = errorCode(error);
  const byCode = code === undefined ? undefined : KIND_BY_CODE[code];
  if (byCode !== undefined) return byCode;
  const message = error instanceof Error ? error.message : String(error);
  return KIND_BY_MESSAGE.find(([pattern]) => pattern.test(message))?.[1];
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
