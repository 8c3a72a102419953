import { describe, expect, it } from 'vitest';
import { dispatchBridgeRequest, unavailableHandlers } from './bridge-dispatch';
import type { BridgeHandlers } from './bridge-dispatch';

const ready = {
  id: 'wedge',
  kind: 'scanner',
  transport: 'keyboard-wedge',
  name: 'Wedge',
  state: 'ready',
} as const;

function handlers(list: BridgeHandlers['devices.list']): BridgeHandlers {
  return { ...unavailableHandlers('not in this test'), 'devices.list': list };
}

describe('dispatchBridgeRequest', () => {
  it('answers a good request with the handler’s value', async () => {
    const answer = await dispatchBridgeRequest(
      handlers(() => ({ ok: true, value: [ready] })),
      'devices.list',
      {},
    );
    expect(answer).toEqual({ ok: true, value: [ready] });
  });

  it.each([
    ['an unknown channel', 'printer.melt', {}, /unknown bridge channel "printer.melt"/],
    ['a key every object has', 'toString', {}, /unknown bridge channel/],
    ['the prototype', '__proto__', {}, /unknown bridge channel/],
    ['a channel that is not text', 42, {}, /unknown bridge channel 42/],
    ['a payload with extra fields', 'devices.list', { all: true }, /bad devices.list request/],
    ['no payload', 'devices.list', undefined, /bad devices.list request/],
  ])('refuses %s without calling a handler', async (_name, channel, payload, error) => {
    let called = false;
    const answer = await dispatchBridgeRequest(
      handlers(() => {
        called = true;
        return { ok: true, value: [] };
      }),
      channel,
      payload,
    );
    expect(answer.ok ? null : answer.error).toMatch(error);
    expect(called).toBe(false);
  });

  it('answers a throwing handler with its message', async () => {
    const answer = await dispatchBridgeRequest(
      handlers(() => {
        throw new Error('printer port /dev/ttyS0 is gone');
      }),
      'devices.list',
      {},
    );
    expect(answer).toEqual({
      ok: false,
      error: 'devices.list failed: printer port /dev/ttyS0 is gone',
    });
  });

  it('passes a handler’s refusal on', async () => {
    const answer = await dispatchBridgeRequest(
      handlers(() => Promise.resolve({ ok: false, error: 'no printer chosen' })),
      'devices.list',
      {},
    );
    expect(answer).toEqual({ ok: false, error: 'no printer chosen' });
  });

  it('does not let an answer outside the contract through', async () => {
    const answer = await dispatchBridgeRequest(
      handlers(() => ({ ok: true, value: [{ ...ready, state: 'on fire' }] as never })),
      'devices.list',
      {},
    );
    expect(answer.ok ? null : answer.error).toMatch(/devices.list answered outside the contract/);
  });
});
