import { commands } from 'vitest/browser';

declare module 'vitest/browser' {
  // Module augmentation needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface BrowserCommands {
    startSyncServer: () => Promise<{ url: string }>;
    newTerminalCode: (storeId: string, terminalId: string) => Promise<string>;
    serverRows: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
  }
}

/** The real central server that tests/support/sync-server-commands.ts runs for browser tests. */
export const testSyncServer = {
  url: async (): Promise<string> => (await commands.startSyncServer()).url,
  newTerminalCode: (storeId: string, terminalId: string): Promise<string> =>
    commands.newTerminalCode(storeId, terminalId),
  rows: (text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> =>
    commands.serverRows(text, params),
};
