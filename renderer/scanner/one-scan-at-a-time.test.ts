import { describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../shared/devices/scan-event';
import { oneScanAtATime } from './one-scan-at-a-time';

const scan = (code: string): ScanEvent => ({ code, source: 'serial', at: 0 });

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('oneScanAtATime', () => {
  it('handles a scan only after the previous one has finished, in order', async () => {
    const log: string[] = [];
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const push = oneScanAtATime(async (s) => {
      log.push(`start ${s.code}`);
      const gate = deferred();
      gates.set(s.code, gate);
      await gate.promise;
      log.push(`end ${s.code}`);
    });
    push(scan('A'));
    push(scan('B'));
    await Promise.resolve();
    expect(log).toEqual(['start A']);
    gates.get('A')?.resolve();
    await expect.poll(() => log).toEqual(['start A', 'end A', 'start B']);
    gates.get('B')?.resolve();
    await expect.poll(() => log).toContain('end B');
  });

  it('drops scans beyond the waiting bound and says which', async () => {
    const gate = deferred();
    const handled: string[] = [];
    const dropped: string[] = [];
    const push = oneScanAtATime(
      async (s) => {
        handled.push(s.code);
        await gate.promise;
      },
      { maxWaiting: 2, onDropped: (s) => dropped.push(s.code) },
    );
    for (const code of ['1', '2', '3', '4', '5']) push(scan(code));
    // '1' is being handled, '2' and '3' wait, '4' and '5' find the queue full.
    expect(dropped).toEqual(['4', '5']);
    gate.resolve();
    await expect.poll(() => handled).toEqual(['1', '2', '3']);
  });

  it('goes on after a handler throws, reporting the error', async () => {
    const errors: string[] = [];
    const handled: string[] = [];
    const push = oneScanAtATime(
      (s) => {
        if (s.code === 'bad') return Promise.reject(new Error('unreadable row'));
        handled.push(s.code);
        return Promise.resolve();
      },
      { onError: (error) => errors.push(String(error)) },
    );
    push(scan('bad'));
    push(scan('good'));
    await expect.poll(() => handled).toEqual(['good']);
    expect(errors).toEqual(['Error: unreadable row']);
  });
});
