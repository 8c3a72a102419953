import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The store's link to the central server, as a switch: an HTTP relay on 127.0.0.1 in front of
 * the server. While it is down every connection is cut, for the page and its workers alike
 * (the browser's own offline emulation does not reach a dedicated worker's requests).
 */
export type SwitchableLink = {
  readonly url: string;
  setUp(up: boolean): void;
  close(): Promise<void>;
};

export async function switchableLink(target: string): Promise<SwitchableLink> {
  let up = true;
  const to = new URL(target);
  const relay = createServer((incoming, outgoing) => {
    if (!up) {
      incoming.socket.destroy();
      return;
    }
    const forward = request(
      {
        host: to.hostname,
        port: to.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on('error', () => incoming.socket.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    setUp(value) {
      up = value;
      if (!value) relay.closeAllConnections();
    },
    close: () =>
      new Promise((resolve) => {
        relay.closeAllConnections();
        relay.close(() => resolve());
      }),
  };
}
