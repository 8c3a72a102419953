import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS, BRIDGE_EVENTS, parseBridgeRequest } from './terminal-bridge';

describe('terminal bridge contract: every message is checked where it arrives', () => {
  it('accepts a well-formed request', () => {
    expect(parseBridgeRequest('devices.list', {})).toEqual({ ok: true, value: {} });
  });

  it.each([null, 'list', { extra: 1 }, []])(
    'refuses devices.list with %j, saying so',
    (payload) => {
      const result = parseBridgeRequest('devices.list', payload);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/^bad devices\.list request: /);
    },
  );

  it('checks device answers and scan events too', () => {
    const response = BRIDGE_CHANNELS['devices.list'].response;
    expect(
      response.safeParse([
        { id: 'x', kind: 'scanner', transport: 'hid', name: 'X', state: 'ready' },
      ]).success,
    ).toBe(true);
    expect(
      response.safeParse([
        { id: 'x', kind: 'toaster', transport: 'hid', name: 'X', state: 'ready' },
      ]).success,
    ).toBe(false);
    expect(
      BRIDGE_EVENTS.scan.safeParse({ code: '2900010000015', source: 'serial', at: 1 }).success,
    ).toBe(true);
    expect(
      BRIDGE_EVENTS.scan.safeParse({ code: '', source: 'serial', at: 1 }).success,
      'an empty scan',
    ).toBe(false);
    expect(BRIDGE_EVENTS.scan.safeParse({ code: 'x', source: 'telepathy', at: 1 }).success).toBe(
      false,
    );
  });
});
