import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../shared/bridge/terminal-bridge';
import type { ConnectFailure, Connection } from './device-supervisor';
import { superviseDevice } from './device-supervisor';
import type { Result } from '../../../shared/util/result';
import { createManualTimers } from '../timers';

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** A device whose presence the test switches; records every open and close. */
function fakeDevice() {
  let outcome: Result<true, ConnectFailure> = {
    ok: false,
    error: { state: 'disconnected', detail: 'absent' },
  };
  let lost: ((detail: string) => void) | undefined;
  const log: string[] = [];
  let attempts = 0;
  return {
    log,
    attempts: () => attempts,
    set: (next: Result<true, ConnectFailure>) => (outcome = next),
    unplug: (detail: string) => lost?.(detail),
    connect: (onLost: (detail: string) => void): Promise<Result<Connection, ConnectFailure>> => {
      attempts += 1;
      if (!outcome.ok) return Promise.resolve(outcome);
      lost = onLost;
      const n = attempts;
      log.push(`open ${n}`);
      return Promise.resolve({
        ok: true,
        value: {
          close: () => {
            log.push(`close ${n}`);
            return Promise.resolve();
          },
        },
      });
    },
  };
}

function setup() {
  const timers = createManualTimers();
  const device = fakeDevice();
  const statuses: DeviceStatus[] = [];
  const supervised = superviseDevice(device.connect, {
    identity: { id: 'dev', kind: 'scanner', transport: 'serial', name: 'Scanner' },
    timers,
    retryMinMs: 100,
    retryMaxMs: 800,
    onStatus: (s) => statuses.push(s),
  });
  return { timers, device, statuses, supervised };
}

describe('device supervisor', () => {
  it('retries an absent device with doubling delays capped at the maximum', async () => {
    const t = setup();
    t.supervised.start();
    await settle();
    const attemptsAt: number[] = [];
    for (let ms = 0; ms < 4_000; ms += 50) {
      const before = t.device.attempts();
      t.timers.advance(50);
      await settle();
      if (t.device.attempts() > before) attemptsAt.push(ms + 50);
    }
    // Delays 100, 200, 400, 800, 800, ... after the first attempt at 0.
    expect(attemptsAt.slice(0, 6)).toEqual([100, 300, 700, 1_500, 2_300, 3_100]);
    expect(t.supervised.status()).toMatchObject({ state: 'disconnected', detail: 'absent' });
  });

  it('goes ready when the device appears, disconnected when it goes, ready when it returns', async () => {
    const t = setup();
    t.supervised.start();
    await settle();
    t.device.set({ ok: true, value: true });
    t.timers.advance(100);
    await settle();
    expect(t.supervised.status().state).toBe('ready');

    t.device.set({ ok: false, error: { state: 'disconnected', detail: 'absent' } });
    t.device.unplug('cable pulled');
    expect(t.supervised.status()).toMatchObject({ state: 'disconnected', detail: 'cable pulled' });
    t.device.unplug('cable pulled again'); // a second report of the same loss changes nothing
    t.device.set({ ok: true, value: true });
    t.timers.advance(100); // back to the shortest delay after a working connection
    await settle();
    expect(t.supervised.status().state).toBe('ready');
    expect(t.device.log).toEqual(['open 2', 'close 2', 'open 3']);
    expect(t.statuses.map((s) => s.state)).toEqual([
      'disconnected',
      'ready',
      'disconnected',
      'ready',
    ]);
  });

  it('shows a present device that cannot be opened as error, and keeps trying', async () => {
    const t = setup();
    t.device.set({ ok: false, error: { state: 'error', detail: 'no permission' } });
    t.supervised.start();
    await settle();
    expect(t.supervised.status()).toMatchObject({ state: 'error', detail: 'no permission' });
    t.device.set({ ok: true, value: true });
    t.timers.advance(100);
    await settle();
    expect(t.supervised.status().state).toBe('ready');
  });

  it('stops: closes the device, cancels retries, ignores late loss reports', async () => {
    const t = setup();
    t.device.set({ ok: true, value: true });
    t.supervised.start();
    await settle();
    await t.supervised.stop();
    t.device.unplug('after stop');
    t.timers.advance(10_000);
    await settle();
    expect(t.device.log).toEqual(['open 1', 'close 1']);
    expect(t.timers.pending()).toBe(0);
    expect(t.supervised.status()).toMatchObject({ state: 'disconnected', detail: 'stopped' });
  });
});
