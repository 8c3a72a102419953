import { describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../../shared/devices/scan-event';
import type { ScanDropReason, ScanFunnelOptions } from './scan-funnel';
import { DEFAULT_SCAN_FUNNEL_LIMITS, createScanFunnel, describeScanDrop } from './scan-funnel';
import { createManualTimers } from '../timers';

const scan = (code: string, source: ScanEvent['source'] = 'serial'): ScanEvent => ({
  code,
  source,
  at: 1,
});

type Gate = { readonly promise: Promise<void>; readonly open: () => void };
function gate(): Gate {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open: () => open() };
}

function setup(overrides: Partial<ScanFunnelOptions> = {}) {
  const timers = createManualTimers();
  const log: string[] = [];
  const dropped: ScanDropReason[] = [];
  const problems: string[] = [];
  const gates = new Map<string, Gate>();
  const funnel = createScanFunnel({
    ...DEFAULT_SCAN_FUNNEL_LIMITS,
    timers,
    handle: async (s) => {
      log.push(`start ${s.code}`);
      const g = gates.get(s.code);
      if (g !== undefined) await g.promise;
      if (s.code === 'boom') throw new Error('customer lookup failed');
      log.push(`end ${s.code}`);
    },
    onDropped: (r) => dropped.push(r),
    onHandlerProblem: (_s, detail) => problems.push(detail),
    ...overrides,
  });
  return { timers, log, dropped, problems, gates, funnel };
}

describe('scan funnel', () => {
  it('hands scans over one at a time, in order, across sources', async () => {
    const t = setup();
    const slow = gate();
    t.gates.set('A', slow);
    t.funnel.push(scan('A', 'hid'));
    t.funnel.push(scan('B', 'serial'));
    t.funnel.pushUnknown({ code: 'C', source: 'keyboard-wedge', at: 5 });
    await Promise.resolve();
    expect(t.log).toEqual(['start A']);
    slow.open();
    await t.funnel.idle();
    expect(t.log).toEqual(['start A', 'end A', 'start B', 'end B', 'start C', 'end C']);
  });

  it('goes on after a handler that throws', async () => {
    const t = setup();
    t.funnel.push(scan('boom'));
    t.funnel.push(scan('B'));
    await t.funnel.idle();
    expect(t.problems).toEqual(['customer lookup failed']);
    expect(t.log).toEqual(['start boom', 'start B', 'end B']);
  });

  it('stops waiting for a hung handler after the timeout', async () => {
    const t = setup();
    t.gates.set('A', gate()); // never opens
    t.funnel.push(scan('A'));
    t.funnel.push(scan('B'));
    await Promise.resolve();
    t.timers.advance(DEFAULT_SCAN_FUNNEL_LIMITS.handlerTimeoutMs);
    await t.funnel.idle();
    expect(t.problems).toEqual([expect.stringMatching(/took over 10000 ms/)]);
    expect(t.log).toEqual(['start A', 'start B', 'end B']);
  });

  it.each([
    // [gap before the second scan (ms), second source, outcome]
    [0, 'hid', 'duplicate'],
    [299, 'keyboard-wedge', 'duplicate'],
    [300, 'hid', 'queued'],
    [1_000, 'serial', 'queued'],
  ] as const)('the same code %i ms later from %s is %s', async (gapMs, source, outcome) => {
    const t = setup();
    expect(t.funnel.push(scan('4607001234565', 'hid'))).toBe('queued');
    t.timers.advance(gapMs);
    expect(t.funnel.push(scan('4607001234565', source))).toBe(outcome);
    await t.funnel.idle();
  });

  it('keeps a card held under a presentation scanner one scan, however long it repeats', async () => {
    const t = setup();
    const outcomes = Array.from({ length: 10 }, () => {
      const outcome = t.funnel.push(scan('4607001234565'));
      t.timers.advance(200);
      return outcome;
    });
    expect(outcomes.filter((o) => o === 'queued')).toHaveLength(1);
    await t.funnel.idle();
  });

  it('bounds the queue and says what it dropped', async () => {
    const t = setup({ maxQueue: 2 });
    const first = gate();
    t.gates.set('A', first);
    const outcomes = ['A', 'B', 'C', 'D'].map((code) => t.funnel.push(scan(code)));
    // A is being handled (not queued), B and C wait, D does not fit.
    expect(outcomes).toEqual(['queued', 'queued', 'queued', 'queue-full']);
    expect(t.dropped.map(describeScanDrop)).toEqual(['more than 2 scans waiting; dropped D']);
    first.open();
    await t.funnel.idle();
    expect(t.log.filter((l) => l.startsWith('end'))).toEqual(['end A', 'end B', 'end C']);
  });

  it('refuses a malformed scan from outside and one after closing', async () => {
    const t = setup();
    expect(t.funnel.pushUnknown({ code: '', source: 'keyboard-wedge', at: 1 })).toBe('invalid');
    expect(t.funnel.pushUnknown({ code: '1', source: 'telepathy', at: 1 })).toBe('invalid');
    await t.funnel.close();
    expect(t.funnel.push(scan('A'))).toBe('closed');
    expect(t.log).toEqual([]);
    expect(t.dropped.map((d) => d.kind)).toEqual(['invalid', 'invalid', 'closed']);
  });
});
