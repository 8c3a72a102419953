import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSyncApi } from './sync-api';
import type { SyncApiDeps } from './sync-api';

export type RunningServer = { readonly url: string; close(): Promise<void> };

/** Serves the sync API on `host:port` (port 0: any free port). Loopback unless told otherwise. */
export async function listenSyncApi(
  deps: SyncApiDeps,
  options: { readonly port?: number; readonly host?: string } = {},
): Promise<RunningServer> {
  const server = createServer(createSyncApi(deps));
  // A terminal that vanishes mid-request must not keep sockets open for ever.
  server.requestTimeout = 60_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${String(port)}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
