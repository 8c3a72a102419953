import { describe, expect, it, vi } from 'vitest';
import { deviceHostUrl } from './page-bridge';

describe('the device host address from the page address', () => {
  it('accepts a device host on this machine', () => {
    expect(deviceHostUrl('ws://127.0.0.1:5182/bridge')).toBe('ws://127.0.0.1:5182/bridge');
    expect(deviceHostUrl('ws://localhost:5182/bridge')).toBe('ws://localhost:5182/bridge');
    expect(deviceHostUrl(null)).toBe(null);
  });

  it.each([
    'not an address',
    'wss://127.0.0.1:5182/bridge',
    'ws://evil.example:5182/bridge',
    'ws://127.0.0.1:5182/other',
    'ws://127.0.0.1:5182/bridge?token=x',
    'http://127.0.0.1:5182/bridge',
  ])('refuses %s, with a warning', (text) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(deviceHostUrl(text)).toBe(null);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
