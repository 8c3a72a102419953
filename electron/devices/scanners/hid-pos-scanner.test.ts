import { describe, expect, it } from 'vitest';
import { loadNodeHidBackend } from './hid-pos-scanner';

describe('node-hid backend', () => {
  it('loads node-hid with the hidraw driver and lists this machine’s HID devices', async () => {
    // No HID POS scanner exists here (nor virtual HID devices): this checks that the native
    // module loads from ESM and that listing works, which is all that can run without one.
    const backend = await loadNodeHidBackend();
    const devices = await backend.devices();
    expect(Array.isArray(devices)).toBe(true);
    await expect(backend.open('/dev/hidraw-that-does-not-exist')).rejects.toThrow();
  });
});
