import { describe, expect, it } from 'vitest';
import { createHybridClock } from '../../shared/ids/hybrid-logical-clock';
import { createIdGenerator } from '../../shared/ids/uuidv7';
import { demoProgram } from '../../shared/testing/demo-program';
import { dayAt, seededRandomBytes } from '../../shared/testing/test-terminal';
import type { TerminalDatabase } from '../db/terminal-database';
import { TEST_IDENTITY } from '../testing/test-services';
import { formatReceiptNumber } from './receipt-numbers';
import { operationContext, previewContext } from './terminal-services';
import type { TerminalServices } from './terminal-services';

function services(): TerminalServices {
  const now = (): number => dayAt(0);
  return {
    db: null as unknown as TerminalDatabase, // not touched by contexts
    identity: { ...TEST_IDENTITY, terminalId: 'kassa-2' },
    program: demoProgram,
    now,
    newId: createIdGenerator({ now, randomBytes: seededRandomBytes(3) }),
    clock: createHybridClock({ node: 'kassa-2', now, maxForwardDriftMs: 1_000 }),
  };
}

describe('operation contexts', () => {
  it('a preview uses placeholder ids and stamps: the real ones are not used up', () => {
    const previewed = services();
    for (let i = 0; i < 5; i++) {
      const ctx = previewContext(previewed, 'C1');
      ctx.newId();
      ctx.newStamp();
    }
    const untouched = services();
    expect(
      operationContext(previewed, 'C1').newStamp(),
      'five previews later, the same next stamp',
    ).toBe(operationContext(untouched, 'C1').newStamp());
    expect(operationContext(previewed, 'C1').newId()).toBe(
      operationContext(untouched, 'C1').newId(),
    );
  });
});

describe('receipt numbers', () => {
  it('are upper case whatever the terminal id, so a typed number in any case finds them', () => {
    expect(formatReceiptNumber('kassa-2', 42)).toBe('KASSA-2-000042');
    expect(formatReceiptNumber('T1', 1)).toBe('T1-000001');
  });
});
