import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  VECTOR_EXPORT_KEY,
  VECTOR_FILE,
  VECTOR_SIGNATURE,
  VECTOR_SIGNED_TEXT,
} from '../testing/export-file-vector';
import { exportFileText, parseExportFile } from './export-file';
import type { ParsedExportFile } from './export-file';
import { exportSignatureValid, signExportFile } from './export-signature';

/** Node's Web Crypto, as the server passes it. Chromium's: renderer/sync/export-outbox. */
const subtle = webcrypto.subtle;
const OTHER_KEY = 'A'.repeat(42) + 'Q';

function parsed(text: string): ParsedExportFile {
  const result = parseExportFile(text);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('export signature (Node)', () => {
  it('gives the known answer computed with Python and openssl', async () => {
    const file = await signExportFile(subtle, VECTOR_FILE, VECTOR_EXPORT_KEY);
    expect(file.signature).toBe(VECTOR_SIGNATURE);
    const read = parsed(exportFileText(file));
    expect(read.signedText).toBe(VECTOR_SIGNED_TEXT);
    expect(await exportSignatureValid(subtle, read, VECTOR_EXPORT_KEY)).toBe(true);
  });

  it('fails with another key', async () => {
    const file = await signExportFile(subtle, VECTOR_FILE, VECTOR_EXPORT_KEY);
    expect(await exportSignatureValid(subtle, parsed(exportFileText(file)), OTHER_KEY)).toBe(false);
  });

  it('fails when any one character of the signed part changes', async () => {
    const text = exportFileText(await signExportFile(subtle, VECTOR_FILE, VECTOR_EXPORT_KEY));
    const changes: [string, string][] = [
      ['"points":200', '"points":201'],
      ['"exportedAt":1767603840000', '"exportedAt":1767603840001'],
      ['Анна', 'Анны'],
      ['"storeId":"S1"', '"storeId":"S2"'],
    ];
    for (const [from, to] of changes) {
      expect(text).toContain(from);
      const tampered = parsed(text.replace(from, to));
      expect(
        await exportSignatureValid(subtle, tampered, VECTOR_EXPORT_KEY),
        `${from} → ${to}`,
      ).toBe(false);
    }
  });

  it('fails for the right MAC written a second way (non-zero leftover bits)', async () => {
    const read = parsed(exportFileText({ ...VECTOR_FILE, signature: VECTOR_SIGNATURE }));
    expect(await exportSignatureValid(subtle, read, VECTOR_EXPORT_KEY)).toBe(true);
    // The last of 43 characters carries 4 bits of the MAC and 2 zero bits: 'c' = 011100.
    expect(VECTOR_SIGNATURE.at(-1)).toBe('c');
    const twin = `${VECTOR_SIGNATURE.slice(0, -1)}d`;
    const altered = { ...read, file: { ...read.file, signature: twin } };
    expect(await exportSignatureValid(subtle, altered, VECTOR_EXPORT_KEY)).toBe(false);
  });

  it('refuses to sign or check with a key that is not 43 base64url characters', async () => {
    await expect(signExportFile(subtle, VECTOR_FILE, 'short')).rejects.toThrow(RangeError);
  });
});
