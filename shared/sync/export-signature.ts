import { decodeBase64url, encodeBase64url } from '../util/base64url';
import { signedText } from './export-file';
import type { ExportFile, ParsedExportFile, UnsignedExportFile } from './export-file';

/**
 * Signing and checking export files (export-file.ts): HMAC-SHA256 by Web Crypto, which
 * browsers and Node 20 both have. shared/ compiles without DOM or Node types, so the caller
 * passes its `crypto.subtle` in (the renderer the browser's, the server `node:crypto`'s
 * `webcrypto.subtle`); everything else — the key's bytes, the signed bytes, the encoding of
 * the signature — is decided here, once, for both sides.
 *
 * - key: the bytes of the terminal's export key *as text* (43 base64url characters, ASCII),
 *   not the 32 bytes they encode; so `openssl dgst -sha256 -hmac "$KEY"` checks a file by
 *   hand;
 * - message: the bytes of `signedText(file)`, which is ASCII (canonical-json.ts);
 * - signature: the 32-byte MAC in base64url without padding (43 characters).
 *
 * Checking uses `subtle.verify`, which compares in constant time.
 */
export type HmacSubtle = {
  importKey(
    format: 'raw',
    keyData: Uint8Array<ArrayBuffer>,
    algorithm: { readonly name: 'HMAC'; readonly hash: 'SHA-256' },
    extractable: false,
    keyUsages: ['sign' | 'verify'],
  ): Promise<object>;
  sign(algorithm: 'HMAC', key: object, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
  verify(
    algorithm: 'HMAC',
    key: object,
    signature: Uint8Array<ArrayBuffer>,
    data: Uint8Array<ArrayBuffer>,
  ): Promise<boolean>;
};

const EXPORT_KEY = /^[A-Za-z0-9_-]{43}$/;

export async function signExportFile(
  subtle: HmacSubtle,
  unsigned: UnsignedExportFile,
  exportKey: string,
): Promise<ExportFile> {
  const key = await hmacKey(subtle, exportKey, 'sign');
  const mac = await subtle.sign('HMAC', key, asciiBytes(signedText(unsigned)));
  return {
    format: unsigned.format,
    version: unsigned.version,
    terminalId: unsigned.terminalId,
    storeId: unsigned.storeId,
    exportedAt: unsigned.exportedAt,
    messages: [...unsigned.messages],
    signature: encodeBase64url(new Uint8Array(mac)),
  };
}

/** True when the file was signed with `exportKey` and not changed since. */
export async function exportSignatureValid(
  subtle: HmacSubtle,
  parsed: ParsedExportFile,
  exportKey: string,
): Promise<boolean> {
  const signature = decodeBase64url(parsed.file.signature);
  if (signature?.length !== 32) return false;
  const key = await hmacKey(subtle, exportKey, 'verify');
  return subtle.verify('HMAC', key, signature, asciiBytes(parsed.signedText));
}

async function hmacKey(
  subtle: HmacSubtle,
  exportKey: string,
  usage: 'sign' | 'verify',
): Promise<object> {
  // A key of another shape is a corrupt row or column, not a file to refuse quietly.
  if (!EXPORT_KEY.test(exportKey))
    throw new RangeError('export key: must be 43 base64url characters');
  return subtle.importKey('raw', asciiBytes(exportKey), { name: 'HMAC', hash: 'SHA-256' }, false, [
    usage,
  ]);
}

/** The bytes of an ASCII text (its UTF-8 encoding); anything else is a bug here. */
function asciiBytes(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit > 0x7f) throw new RangeError('signed text: must be ASCII (see canonical-json.ts)');
    bytes[i] = unit;
  }
  return bytes;
}
