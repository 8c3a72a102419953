/**
 * Turns ESC/POS bytes back into printed lines, for test assertions. It knows the commands
 * our encoder sends and nothing else: an unknown command, a stray control byte, a byte with
 * no meaning in the selected code page or text left unprinted at the end is an error naming
 * the offset, so a test can never pass over bytes it did not understand.
 *
 * | bytes                     | command                        | effect here                   |
 * |---------------------------|--------------------------------|-------------------------------|
 * | 1B 40                     | ESC @ initialise               | styles reset, code page 0     |
 * | 1B 74 n                   | ESC t select code page         | n looked up in `codePages`    |
 * | 1B 61 n                   | ESC a justification            | line's align (0/1/2, 48–50)   |
 * | 1B 45 n                   | ESC E emphasis                 | bold = n & 1                  |
 * | 1B 4D 00                  | ESC M font A                   | (font B or C: error)          |
 * | 1C 2E                     | FS . cancel Kanji mode         | none                          |
 * | 1D 21 n                   | GS ! character size            | width (n>>4)+1, height (n&15)+1 |
 * | 1D 28 6B pL pH 31 fn …    | GS ( k QR code                 | fn 80 stores, fn 81 prints `[QR:payload]` |
 * | 1D 56 m [n]               | GS V cut                       | `[CUT]`                       |
 * | 0A                        | LF                             | ends the line                 |
 * | 20–7E                     | text                           | ASCII in every code page      |
 * | 80–FF                     | text                           | decoded in the code page      |
 */

export type DecodedAlign = 'left' | 'center' | 'right';

export type DecodedLine = {
  readonly text: string;
  /**
   * Justification (ESC a) when the line was printed. The encoder library centres and
   * right-aligns text by padding it with spaces, so text lines read `left` with leading
   * spaces; QR codes are centred with ESC a.
   */
  readonly align: DecodedAlign;
  /** True if any visible (non-space) character of the line was printed emphasised. */
  readonly bold: boolean;
  /** Character magnification (GS !) of the first visible character: 1–8. */
  readonly width: number;
  readonly height: number;
};

export type DecodedEscPos = {
  readonly lines: readonly DecodedLine[];
  /** The text of each line, `[QR:…]` and `[CUT]` included: what most assertions need. */
  readonly text: readonly string[];
  /** The `n` of every `ESC t n`, in order. */
  readonly codePageSelections: readonly number[];
};

/** The code pages the decoder can read (WHATWG encoding names, decoded by TextDecoder). */
export type DecoderCodePage = 'ibm866' | 'windows-1251';

export type DecodeOptions = {
  /**
   * What each `ESC t n` means on the printer the bytes were made for: the numbers differ by
   * model (printer-profiles.ts), so the test says which model it decodes for. Page 0 (PC437
   * after ESC @) is ASCII only here.
   */
  readonly codePages: Readonly<Record<number, DecoderCodePage>>;
};

export class EscPosDecodeError extends Error {
  readonly offset: number;
  constructor(offset: number, message: string) {
    super(`ESC/POS byte ${offset}: ${message}`);
    this.name = 'EscPosDecodeError';
    this.offset = offset;
  }
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;

type Style = { align: DecodedAlign; bold: boolean; width: number; height: number };

export function decodeEscPos(bytes: Uint8Array, options: DecodeOptions): DecodedEscPos {
  // Bytes 0x80–0xFF of each page; null where TextDecoder refuses the byte.
  const tables = new Map<DecoderCodePage, (string | null)[]>();
  const upperHalf = (page: DecoderCodePage): (string | null)[] => {
    let table = tables.get(page);
    if (!table) {
      const decoder = new TextDecoder(page, { fatal: true });
      table = Array.from({ length: 128 }, (_, i) => {
        try {
          return decoder.decode(new Uint8Array([0x80 + i]));
        } catch {
          return null;
        }
      });
      tables.set(page, table);
    }
    return table;
  };

  const lines: DecodedLine[] = [];
  const codePageSelections: number[] = [];
  const initialStyle = (): Style => ({ align: 'left', bold: false, width: 1, height: 1 });
  let style = initialStyle();
  let codePage: DecoderCodePage | null = null;
  let pending = '';
  let pendingStyle: Style = initialStyle();
  let styled = false;
  let storedQr: string | null = null;

  const byteAt = (i: number): number => {
    const b = bytes[i];
    if (b === undefined) throw new EscPosDecodeError(i, 'command cut short by the end of the data');
    return b;
  };
  const endLine = (text: string, lineStyle: Style): void => {
    lines.push({ text, ...lineStyle });
  };
  const requireLineStart = (i: number, what: string): void => {
    if (pending !== '') {
      throw new EscPosDecodeError(i, `${what} in the middle of the line "${pending}"`);
    }
  };

  let i = 0;
  while (i < bytes.length) {
    const b = byteAt(i);
    if (b === LF) {
      endLine(pending, styled ? pendingStyle : style);
      pending = '';
      styled = false;
      i += 1;
    } else if (b >= 0x20 && b !== 0x7f) {
      let char: string;
      if (b < 0x80) {
        char = String.fromCharCode(b);
      } else if (codePage === null) {
        throw new EscPosDecodeError(i, `byte 0x${hex(b)} printed before a known ESC t code page`);
      } else {
        const decoded = upperHalf(codePage)[b - 0x80];
        // WHATWG maps Windows-1251's unassigned 0x98 to the C1 control U+0098: no glyph either.
        if (decoded === null || decoded === undefined || /^\p{Cc}$/u.test(decoded)) {
          throw new EscPosDecodeError(i, `byte 0x${hex(b)} has no character in ${codePage}`);
        }
        char = decoded;
      }
      // The encoder centres text by padding it with unstyled spaces, so a line takes its
      // size from its first visible character, and is bold if any visible character is.
      if (char !== ' ') {
        if (!styled) pendingStyle = { ...style };
        styled = true;
        pendingStyle.bold ||= style.bold;
      }
      pending += char;
      i += 1;
    } else if (b === ESC) {
      const command = byteAt(i + 1);
      if (command === 0x40) {
        // ESC @ clears the printer's line buffer: text before it would silently vanish.
        requireLineStart(i, 'ESC @');
        style = initialStyle();
        codePage = null;
        storedQr = null;
        i += 2;
        continue;
      }
      if (![0x74, 0x61, 0x45, 0x4d].includes(command)) {
        throw new EscPosDecodeError(i, `unknown command ESC 0x${hex(command)}`);
      }
      const n = byteAt(i + 2);
      switch (command) {
        case 0x74: {
          codePageSelections.push(n);
          if (n === 0) {
            codePage = null;
          } else {
            const page = options.codePages[n];
            if (page === undefined) throw new EscPosDecodeError(i, `ESC t ${n}: unknown code page`);
            codePage = page;
          }
          break;
        }
        case 0x61:
          style.align = alignOf(i, n);
          break;
        case 0x45:
          style.bold = (n & 1) === 1;
          break;
        case 0x4d:
          if (n !== 0 && n !== 0x30) throw new EscPosDecodeError(i, `ESC M ${n}: only font A`);
          break;
        default:
          break;
      }
      i += 3;
    } else if (b === FS && byteAt(i + 1) === 0x2e) {
      i += 2;
    } else if (b === GS) {
      const command = byteAt(i + 1);
      if (command === 0x21) {
        const n = byteAt(i + 2);
        style.width = (n >> 4) + 1;
        style.height = (n & 0x0f) + 1;
        i += 3;
      } else if (command === 0x28 && byteAt(i + 2) === 0x6b) {
        const length = byteAt(i + 3) + 256 * byteAt(i + 4);
        const body = bytes.subarray(i + 5, i + 5 + length);
        if (body.length !== length) throw new EscPosDecodeError(i, 'GS ( k cut short');
        const qr = qrCommand(i, body);
        if (qr.kind === 'store') storedQr = qr.payload;
        if (qr.kind === 'print') {
          requireLineStart(i, 'QR code');
          if (storedQr === null) throw new EscPosDecodeError(i, 'QR printed before it was stored');
          endLine(`[QR:${storedQr}]`, style);
        }
        i += 5 + length;
      } else if (command === 0x56) {
        requireLineStart(i, 'cut');
        const m = byteAt(i + 2);
        if (m === 0 || m === 1 || m === 0x30 || m === 0x31) i += 3;
        else if (m === 0x41 || m === 0x42) i += 4;
        else throw new EscPosDecodeError(i, `GS V ${m}: unknown cut`);
        endLine('[CUT]', style);
      } else {
        throw new EscPosDecodeError(i, `unknown command GS 0x${hex(command)}`);
      }
    } else {
      throw new EscPosDecodeError(i, `unexpected control byte 0x${hex(b)}`);
    }
  }
  if (pending !== '') {
    throw new EscPosDecodeError(i, `text "${pending}" is never ended by LF, so it never prints`);
  }
  return { lines, text: lines.map((line) => line.text), codePageSelections };
}

type QrCommand = { kind: 'setting' } | { kind: 'store'; payload: string } | { kind: 'print' };

/** `body` is `cn fn [parameters]` of GS ( k; cn 0x31 is the QR code symbol. */
function qrCommand(offset: number, body: Uint8Array): QrCommand {
  const [cn, fn] = body;
  if (cn !== 0x31 || fn === undefined) {
    throw new EscPosDecodeError(offset, `GS ( k for symbol ${cn}: not a QR code`);
  }
  switch (fn) {
    case 0x41: // model
    case 0x43: // module size
    case 0x45: // error correction level
      return { kind: 'setting' };
    case 0x50: {
      if (body[2] !== 0x30) throw new EscPosDecodeError(offset, 'GS ( k store: m must be 48');
      const data = body.subarray(3);
      if (data.some((byte) => byte < 0x20 || byte > 0x7e)) {
        throw new EscPosDecodeError(offset, 'QR payload is not printable ASCII');
      }
      return { kind: 'store', payload: String.fromCharCode(...data) };
    }
    case 0x51:
      return { kind: 'print' };
    default:
      throw new EscPosDecodeError(offset, `GS ( k QR function ${fn}: unknown`);
  }
}

function alignOf(offset: number, n: number): DecodedAlign {
  switch (n) {
    case 0:
    case 0x30:
      return 'left';
    case 1:
    case 0x31:
      return 'center';
    case 2:
    case 0x32:
      return 'right';
    default:
      throw new EscPosDecodeError(offset, `ESC a ${n}: unknown justification`);
  }
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
