import { describe, expect, it, vi } from 'vitest';
import { publishBridgeEvent } from './bridge-events';
import type { EventTarget } from './bridge-events';

function fakeWebContents(destroyed = false) {
  const send = vi.fn<(channel: string, ...args: unknown[]) => void>();
  const target: EventTarget = { send, isDestroyed: () => destroyed };
  return { target, send };
}

const scan = { code: '2900010000015', source: 'hid', at: 1_764_000_000_000 } as const;

describe('scan events to the terminal window', () => {
  it('sends a valid scan on the scan event channel', () => {
    const { target, send } = fakeWebContents();
    expect(publishBridgeEvent(target, 'scan', scan)).toEqual({ ok: true, value: undefined });
    expect(send).toHaveBeenCalledWith('terminal-bridge:event:scan', scan);
  });

  it.each([
    { ...scan, code: '' },
    { ...scan, source: 'telepathy' },
    { ...scan, extra: true },
    'just text',
  ])('does not send %j (outside the contract)', (bad) => {
    const { target, send } = fakeWebContents();
    expect(publishBridgeEvent(target, 'scan', bad)).toMatchObject({ ok: false });
    expect(send).not.toHaveBeenCalled();
  });

  it('skips a closed window or no window', () => {
    const closed = fakeWebContents(true);
    expect(publishBridgeEvent(closed.target, 'scan', scan)).toMatchObject({ ok: false });
    expect(closed.send).not.toHaveBeenCalled();
    expect(publishBridgeEvent(null, 'scan', scan)).toMatchObject({ ok: false });
  });
});
