import { commands } from 'vitest/browser';

declare module 'vitest/browser' {
  // Module augmentation needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface BrowserCommands {
    startTestDeviceHost: (origin: string) => Promise<{ url: string; token: string }>;
    emitHostScan: (code: string) => Promise<number>;
    stopTestDeviceHost: () => Promise<void>;
    startRogueHost: (reply: string) => Promise<{ url: string }>;
  }
}

/** The real device host that tests/support/device-host-commands.ts runs for browser tests. */
export const testDeviceHost = {
  start: (): Promise<{ url: string; token: string }> =>
    commands.startTestDeviceHost(location.origin),
  /** Makes the host's simulated serial scanner read `code`; resolves with the listeners. */
  scan: (code: string): Promise<number> => commands.emitHostScan(code),
  stop: (): Promise<void> => commands.stopTestDeviceHost(),
  startRogue: (reply: string): Promise<{ url: string }> => commands.startRogueHost(reply),
};
