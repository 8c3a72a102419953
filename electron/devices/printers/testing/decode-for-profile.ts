import type { CyrillicCodePage, PrinterProfile } from '../escpos/printer-profiles';
import { assertNever } from '../../../../shared/util/assert-never';
import { decodeEscPos } from './escpos-decoder';
import type { DecodedEscPos, DecoderCodePage } from './escpos-decoder';

/**
 * Decodes bytes made for `profile` the way that printer reads them: its `ESC t n` number
 * means its Cyrillic code page, and no other number is known. The decoder reads the page
 * with the platform's own TextDecoder, not the encoder library's tables, so a wrong mapping
 * in either shows up as wrong Russian text.
 */
export function decodeForProfile(bytes: Uint8Array, profile: PrinterProfile): DecodedEscPos {
  return decodeEscPos(bytes, { codePages: { [profile.escT]: decoderCodePage(profile.codePage) } });
}

function decoderCodePage(page: CyrillicCodePage): DecoderCodePage {
  switch (page) {
    case 'cp866':
      return 'ibm866';
    case 'windows1251':
      return 'windows-1251';
    default:
      return assertNever(page, 'code page');
  }
}
