import { describe, expect, it } from 'vitest';
import type { HidPosAssembly, HidPosOutput } from './hid-pos-assembler';
import {
  DEFAULT_HID_POS_ASSEMBLER_OPTIONS,
  IDLE_HID_POS,
  describeHidPosAssemblyError,
  hidPosDeadline,
  hidPosReport,
  hidPosTick,
} from './hid-pos-assembler';
import {
  ACCESS_IS_LSR118_BOARDING_PASS,
  HID_POS_FIXTURES,
  HONEYWELL_LAYOUT_EAN13,
  VOYAGER_1602G_REVINF,
  hexToBytes,
} from './hid-pos-fixtures';
import { parseHidPosReport } from './hid-pos-report';

const options = DEFAULT_HID_POS_ASSEMBLER_OPTIONS;

/** Feeds reports 5 ms apart, as a full-speed device sends them. */
function feed(reports: readonly Uint8Array[], start = 1_000, gapMs = 5) {
  let state: HidPosAssembly = IDLE_HID_POS;
  const outputs: HidPosOutput[] = [];
  reports.forEach((bytes, i) => {
    const step = hidPosReport(options, state, bytes, start + i * gapMs);
    state = step.state;
    outputs.push(...step.outputs);
  });
  return { state, outputs };
}

const hex = (list: readonly string[]) => list.map(hexToBytes);
const scans = (outputs: readonly HidPosOutput[]) =>
  outputs.flatMap((o) => (o.kind === 'scan' ? [{ code: o.code, symbology: o.symbology }] : []));
/** Error kinds, a bad report's by what was wrong with it. */
const errorKinds = (outputs: readonly HidPosOutput[]) =>
  outputs.flatMap((o) =>
    o.kind !== 'error' ? [] : [o.error.kind === 'bad-report' ? o.error.error.kind : o.error.kind],
  );

function withByte(bytes: Uint8Array, index: number, value: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = value;
  return copy;
}

describe('HID POS reports of real scanner models', () => {
  it.each(HID_POS_FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const { state, outputs } = feed(hex(fixture.reports));
    expect(errorKinds(outputs)).toEqual([]);
    expect(scans(outputs)).toEqual(fixture.scans);
    expect(state).toEqual(IDLE_HID_POS);
  });

  it('reads the fields of one recorded report', () => {
    const first = parseHidPosReport(hexToBytes(VOYAGER_1602G_REVINF.reports[0]!));
    expect(first.ok && first.value.symbology).toBe(']X0');
    expect(first.ok && first.value.data.length).toBe(56);
    expect(first.ok && first.value.continued).toBe(true);
    expect(first.ok && first.value.vendorCodeId).toBe(0x3f);
  });

  it('stamps the scan with the time of its last report', () => {
    const { outputs } = feed(hex(ACCESS_IS_LSR118_BOARDING_PASS.reports), 5_000, 7);
    expect(outputs).toEqual([expect.objectContaining({ kind: 'scan', at: 5_007 })]);
  });

  it('joins the bytes before decoding, so a UTF-8 character split between reports survives', () => {
    // "Ж" is d0 96: d0 ends the first report, 96 starts the second.
    const first = new Uint8Array(64);
    first.set([0x02, 56, 0x5d, 0x51, 0x31]);
    first.fill(0x41, 5, 60);
    first[60] = 0xd0;
    first[63] = 1;
    const second = new Uint8Array(64);
    second.set([0x02, 1, 0x5d, 0x51, 0x31, 0x96]);
    const { outputs } = feed([first, second]);
    expect(scans(outputs)).toEqual([{ code: 'A'.repeat(55) + 'Ж', symbology: ']Q1' }]);
  });
});

describe('HID POS garbage', () => {
  const ean = hexToBytes(HONEYWELL_LAYOUT_EAN13.reports[0]!);
  const [head, tail] = hex(ACCESS_IS_LSR118_BOARDING_PASS.reports) as [Uint8Array, Uint8Array];

  it.each([
    ['an unknown report id', withByte(ean, 0, 0x04), 'unknown-report-id'],
    ['a report of 8 bytes (a keyboard report)', ean.slice(0, 8), 'short-report'],
    ['a length larger than the data field', withByte(ean, 1, 57), 'length-exceeds-report'],
    ['an empty report', new Uint8Array(0), 'unknown-report-id'],
  ] as const)('refuses %s and changes nothing', (_what, bytes, kind) => {
    const step = hidPosReport(options, IDLE_HID_POS, bytes, 1_000);
    expect(step.state).toBe(IDLE_HID_POS);
    expect(errorKinds(step.outputs)).toEqual([kind]);
    const [output] = step.outputs;
    expect(output?.kind === 'error' && describeHidPosAssemblyError(output.error)).toMatch(/\w/);
  });

  it('lets a code in progress complete past a garbage report', () => {
    const { outputs } = feed([head, withByte(ean, 0, 0x07), tail]);
    expect(errorKinds(outputs)).toEqual(['unknown-report-id']);
    expect(scans(outputs)).toEqual(ACCESS_IS_LSR118_BOARDING_PASS.scans);
  });

  it('reports a zero-length code instead of an empty scan', () => {
    expect(errorKinds(feed([withByte(ean, 1, 0)]).outputs)).toEqual(['empty-scan']);
  });

  it('drops a continuation that never finishes, after the timeout and not before', () => {
    const start = feed([head], 1_000).state;
    const deadline = hidPosDeadline(options, start)!;
    expect(deadline).toBe(1_000 + options.continuationTimeoutMs);
    expect(hidPosTick(options, start, deadline).outputs).toEqual([]);
    const late = hidPosTick(options, start, deadline + 1);
    expect(late.state).toEqual(IDLE_HID_POS);
    expect(errorKinds(late.outputs)).toEqual(['continuation-timeout']);
    // The tail arriving later is a scan of its own, not glued to a head that was dropped.
    const after = hidPosReport(options, late.state, tail, deadline + 50);
    expect(scans(after.outputs)).toEqual([{ code: ' 100', symbology: ']Q0' }]);
  });

  it('notices a lost tail when the next report is late, even without a tick', () => {
    const { outputs } = feed([head, ean], 1_000, options.continuationTimeoutMs + 1);
    expect(errorKinds(outputs)).toEqual(['continuation-timeout']);
    expect(scans(outputs)).toEqual(HONEYWELL_LAYOUT_EAN13.scans);
  });

  it('drops a code cut off by a report of another symbology, and reads the new one', () => {
    const { outputs } = feed([head, ean]);
    expect(errorKinds(outputs)).toEqual(['continuation-interrupted']);
    expect(scans(outputs)).toEqual(HONEYWELL_LAYOUT_EAN13.scans);
  });

  it('bounds a code that keeps continuing, and skips its tail', () => {
    const max = options.maxBytes;
    const reportsToOverflow = Math.ceil((max + 1) / 56);
    const endless = Array.from({ length: reportsToOverflow + 3 }, () => head);
    const { state, outputs } = feed([...endless, tail, ean]);
    expect(errorKinds(outputs)).toEqual(['too-long']);
    // The tail of the over-long code is swallowed; the next scan is read normally.
    expect(scans(outputs)).toEqual(HONEYWELL_LAYOUT_EAN13.scans);
    expect(state).toEqual(IDLE_HID_POS);
  });
});
