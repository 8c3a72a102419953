import { describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../shared/devices/scan-event';
import type { BridgeRequest } from '../../shared/bridge/terminal-bridge';
import { inPageBridge } from './in-page-bridge';

describe('the in-page bridge (browser mode without a device host)', () => {
  it('lists the keyboard-wedge scanner and refuses a malformed request', async () => {
    const bridge = inPageBridge(window);
    expect(await bridge.request('devices.list', {})).toMatchObject({
      ok: true,
      value: [{ id: 'keyboard-wedge', state: 'ready' }],
    });
    const bad = await bridge.request('devices.list', {
      surprise: true,
    } as unknown as BridgeRequest<'devices.list'>);
    expect(bad.ok).toBe(false);
    bridge.dispose();
  });

  it('delivers a keyboard-wedge burst as one scan event', async () => {
    const bridge = inPageBridge(window);
    const scans: ScanEvent[] = [];
    const unsubscribe = bridge.onScan((scan) => scans.push(scan));
    for (const char of '2900010000015') {
      window.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: char,
          code: `Digit${char}`,
          bubbles: true,
          cancelable: true,
        }),
      );
    }
    window.dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'Enter',
        code: 'Enter',
        bubbles: true,
        cancelable: true,
      }),
    );
    await expect
      .poll(() => scans.map((s) => [s.code, s.source]))
      .toEqual([['2900010000015', 'keyboard-wedge']]);
    unsubscribe();
    bridge.dispose();
  });
});
