import type { Reporter } from 'vitest/node';
import { stopTestDeviceHosts } from './device-host-commands';
import { stopSyncServer } from './sync-server-commands';

/**
 * Stops the servers the browser tests' commands started in Vitest's own process (the
 * central server on PGlite, the device hosts), once every test has run, so that nothing
 * keeps the process alive ("close timed out … something prevents the main process from
 * exiting"). A reporter, because it is the one hook that lives in the same module instance
 * as the commands (a globalSetup file is loaded apart from the config).
 */
export class StopTestServers implements Reporter {
  async onTestRunEnd(): Promise<void> {
    await Promise.all([stopSyncServer(), stopTestDeviceHosts()]);
  }
}
