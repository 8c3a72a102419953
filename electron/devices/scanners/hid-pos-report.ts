import { assertNever } from '../../../shared/util/assert-never';
import type { Result } from '../../../shared/util/result';
import { err, ok } from '../../../shared/util/result';

/**
 * The Scanned Data Report of a USB HID POS bar code scanner (usage page 0x8C, "HID Point of
 * Sale Usage Tables" 1.02), as Honeywell (Hand Held Products / Metrologic) documents it and
 * as node-hid delivers it on Linux hidraw and Windows: 64 bytes, the report id first.
 *
 * | byte  | content                                      | usage (page:id)                 |
 * |-------|----------------------------------------------|---------------------------------|
 * | 0     | report id, 0x02                              | Scanned Data Report (8C:12)     |
 * | 1     | number of valid bytes in 5..60 (0–56)        | Byte Count (01:3B)              |
 * | 2–4   | AIM symbology identifier, e.g. `]E0`, `]Q1`  | Symbology Identifier 1–3 (8C:FB–FD) |
 * | 5–60  | decoded data, NUL padded                     | Decoded Data (8C:FE)            |
 * | 61    | Honeywell's own code id (e.g. `d` EAN-13)    | vendor specific                 |
 * | 62    | reserved                                     |                                 |
 * | 63    | bit 0 set: more of this code follows         | Decode Data Continued (8C:FF)   |
 *
 * Sources: Hand Held Products "USB Interfaces User's Guide", HID POS Interface, "Getting
 * Scanned Data"; Access-IS LSR116/LSR118/ATR110 product manuals, appendix "HID reports"
 * (same layout, with a two-report example); the usage ids as Itp.HidBarcodeScanner reads
 * them through Windows' HidP_* calls. Recorded reports: hid-pos-fixtures.ts.
 *
 * A code longer than 56 bytes comes as several reports, each with its AIM id, each but the
 * last with the continued bit. Bytes are joined first and decoded once (UTF-8, lenient), so
 * a multi-byte character split between reports survives.
 */
export const HID_POS_SCANNED_DATA_REPORT_ID = 0x02;
export const HID_POS_REPORT_SIZE = 64;
export const HID_POS_DATA_OFFSET = 5;
export const HID_POS_DATA_CAPACITY = 56;
const VENDOR_CODE_ID_OFFSET = 61;
const CONTINUED_OFFSET = 63;

/** One scanned-data report, checked. */
export type HidPosReport = {
  /** The AIM identifier, or undefined when the device sent none (three NULs or no `]`). */
  readonly symbology: string | undefined;
  readonly data: Uint8Array;
  readonly continued: boolean;
  /** Byte 61 (Honeywell code id), 0 when absent; kept for logs only. */
  readonly vendorCodeId: number;
};

export type HidPosReportError =
  | { readonly kind: 'unknown-report-id'; readonly reportId: number }
  | { readonly kind: 'short-report'; readonly length: number }
  | { readonly kind: 'length-exceeds-report'; readonly declared: number };

export function parseHidPosReport(bytes: Uint8Array): Result<HidPosReport, HidPosReportError> {
  const reportId = bytes[0];
  if (reportId !== HID_POS_SCANNED_DATA_REPORT_ID) {
    return err({ kind: 'unknown-report-id', reportId: reportId ?? -1 });
  }
  if (bytes.length < HID_POS_REPORT_SIZE)
    return err({ kind: 'short-report', length: bytes.length });
  const declared = bytes[1] ?? 0;
  if (declared > HID_POS_DATA_CAPACITY) return err({ kind: 'length-exceeds-report', declared });
  return ok({
    symbology: aimIdentifier(bytes.subarray(2, 5)),
    data: bytes.slice(HID_POS_DATA_OFFSET, HID_POS_DATA_OFFSET + declared),
    continued: ((bytes[CONTINUED_OFFSET] ?? 0) & 0x01) === 1,
    vendorCodeId: bytes[VENDOR_CODE_ID_OFFSET] ?? 0,
  });
}

/** `]` then two printable characters (ISO/IEC 15424); anything else means "not reported". */
function aimIdentifier(bytes: Uint8Array): string | undefined {
  const [flag, code, modifier] = bytes;
  if (flag !== 0x5d || code === undefined || modifier === undefined) return undefined;
  if (!isPrintable(code) || !isPrintable(modifier)) return undefined;
  return String.fromCharCode(flag, code, modifier);
}

function isPrintable(byte: number): boolean {
  return byte > 0x20 && byte < 0x7f;
}

export function describeHidPosReportError(error: HidPosReportError): string {
  switch (error.kind) {
    case 'unknown-report-id':
      return `ignored a HID report with id ${error.reportId} (scanned data is report 2)`;
    case 'short-report':
      return `a HID scanned-data report of ${error.length} bytes is shorter than ${HID_POS_REPORT_SIZE}`;
    case 'length-exceeds-report':
      return `a HID report claims ${error.declared} data bytes, more than the ${HID_POS_DATA_CAPACITY} it can hold`;
    default:
      return assertNever(error, 'HID report error');
  }
}
