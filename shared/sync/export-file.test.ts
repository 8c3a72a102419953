import { describe, expect, it } from 'vitest';
import { VECTOR_FILE, VECTOR_SIGNATURE, VECTOR_SIGNED_TEXT } from '../testing/export-file-vector';
import { exportFileText, parseExportFile, signedText } from './export-file';

const signed = { ...VECTOR_FILE, signature: VECTOR_SIGNATURE };
const goodText = exportFileText(signed);

/** The file's JSON value with `change` applied, as text. */
function changed(change: (file: Record<string, unknown>) => void): string {
  const file = JSON.parse(goodText) as Record<string, unknown>;
  change(file);
  return JSON.stringify(file);
}

function problemsOf(text: string) {
  const parsed = parseExportFile(text);
  if (parsed.ok) throw new Error('expected the file to be refused');
  return parsed.error;
}

describe('export file', () => {
  it('reads back what the terminal writes, with the text its signature covers', () => {
    const parsed = parseExportFile(goodText);
    expect(parsed).toEqual({ ok: true, value: { file: signed, signedText: VECTOR_SIGNED_TEXT } });
  });

  it('signs the same text whatever the order of members in the file', () => {
    const reordered = JSON.stringify(
      Object.fromEntries(Object.entries(JSON.parse(goodText) as object).reverse()),
    );
    expect(parseExportFile(reordered)).toMatchObject({
      ok: true,
      value: { signedText: VECTOR_SIGNED_TEXT },
    });
    expect(signedText(VECTOR_FILE)).toBe(VECTOR_SIGNED_TEXT);
  });

  it('covers what the file holds, not what the schema makes of it (names are trimmed)', () => {
    const text = changed((file) => {
      const [message] = file['messages'] as { customers: { name: string }[] }[];
      message!.customers[0]!.name = ' Анна Петрова ';
    });
    const parsed = parseExportFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.value.file.messages[0]?.customers[0]?.name).toBe('Анна Петрова');
    expect(parsed.value.signedText).not.toBe(VECTOR_SIGNED_TEXT);
  });

  it.each([
    ['not JSON', 'outbox of T1', '(json)', /^is not JSON: /],
    ['half a file', goodText.slice(0, 200), '(json)', /^is not JSON/],
    ['an array', '[]', '(value)', /must be a JSON object/],
    ['null', 'null', '(value)', /must be a JSON object/],
    [
      'a program file',
      changed((f) => (f['format'] = 'loyalty-program')),
      'format',
      /must be "loyalty-outbox" \(got "loyalty-program"\)/,
    ],
    [
      'no format',
      changed((f) => delete f['format']),
      'format',
      /must be "loyalty-outbox" \(got nothing\)/,
    ],
    ['a newer version', changed((f) => (f['version'] = 2)), 'version', /must be 1 \(got 2\)/],
    ['version as text', changed((f) => (f['version'] = '1')), 'version', /must be 1 \(got "1"\)/],
  ])('refuses %s with one problem naming the field', (_what, text, field, message) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe(field);
    expect(problems[0]?.message).toMatch(message);
  });

  it('names every missing or wrong field', () => {
    const problems = problemsOf(
      changed((f) => {
        delete f['terminalId'];
        delete f['signature'];
        f['exportedAt'] = -5;
        f['storeId'] = 'S 1';
        f['extra'] = true;
      }),
    );
    expect(problems.map((p) => p.field).sort()).toEqual([
      'exportedAt',
      'extra',
      'signature',
      'storeId',
      'terminalId',
    ]);
    expect(problems.find((p) => p.field === 'extra')?.message).toBe('is not a known field');
  });

  it('refuses a file without messages, or with a message that fails the outbox schema', () => {
    expect(problemsOf(changed((f) => (f['messages'] = [])))).toEqual([
      { field: 'messages', message: 'must hold at least one message' },
    ]);
    const problems = problemsOf(
      changed((f) => {
        const [message] = f['messages'] as Record<string, unknown>[];
        message!['operation'] = 'theft';
        (message!['entries'] as Record<string, unknown>[])[0]!['points'] = -200;
        message!['note'] = 'x';
      }),
    );
    expect(problems.map((p) => p.field).sort()).toEqual([
      'messages[0].entries[0].points',
      'messages[0].note',
      'messages[0].operation',
    ]);
  });

  it('refuses a signature that is not 43 base64url characters', () => {
    expect(problemsOf(changed((f) => (f['signature'] = `${VECTOR_SIGNATURE}=`)))).toEqual([
      { field: 'signature', message: 'must be 43 base64url characters (HMAC-SHA256)' },
    ]);
  });
});
