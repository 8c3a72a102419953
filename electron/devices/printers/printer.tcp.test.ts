import { Socket, createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPrinterPeer } from '../testing/printer-peer';
import type { PrinterPeer } from '../testing/printer-peer';
import { createTcpPrinter } from './printer.tcp';
import { PrinterError } from './printer-transport';
import type { PrinterTransport } from './printer-transport';

/** A network printer played by a net server on 127.0.0.1, port 0 (any free port). */
type FakeNetworkPrinter = {
  readonly port: number;
  readonly peer: PrinterPeer;
  readonly connections: () => number;
  /** Drops every open connection (the printer was power-cycled). */
  readonly dropConnections: () => void;
  readonly close: () => Promise<void>;
};

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fakePrinter(): Promise<FakeNetworkPrinter> {
  const sockets = new Set<Socket>();
  let count = 0;
  let current: Socket | undefined;
  const peer = createPrinterPeer((bytes) => current?.write(bytes));
  const server: Server = createServer((socket) => {
    count += 1;
    sockets.add(socket);
    current = socket;
    socket.on('data', (chunk) => peer.receive(chunk));
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined); // a reset by the client is part of these tests
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = async (): Promise<void> => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  cleanups.push(close);
  return {
    port: (server.address() as AddressInfo).port,
    peer,
    connections: () => count,
    dropConnections: () => {
      for (const socket of sockets) socket.destroy();
    },
    close,
  };
}

function tcp(port: number): PrinterTransport {
  const printer = createTcpPrinter({
    host: '127.0.0.1',
    port,
    connectTimeoutMs: 2000,
    replyTimeoutMs: 300,
  });
  cleanups.push(() => printer.close());
  return printer;
}

async function failureOf(run: () => Promise<unknown>): Promise<PrinterError> {
  const failure = await run().then(
    () => new Error('expected a failure'),
    (error: unknown) => error,
  );
  if (!(failure instanceof PrinterError)) throw failure;
  return failure;
}

describe('TCP (port 9100) printer', () => {
  it('prints the bytes and reads the status replies', async () => {
    const fake = await fakePrinter();
    const printer = tcp(fake.port);
    await printer.open();
    const slip = new TextEncoder().encode('\x1b@Slip 0100\n');
    await printer.write(slip);
    await expect.poll(() => fake.peer.printed().length).toBe(slip.length);
    expect(fake.peer.printed()).toEqual(slip);
    expect((await printer.requestStatus()).condition).toBe('ready');
    fake.peer.setCondition('cover-open');
    expect((await printer.requestStatus()).condition).toBe('cover-open');
  });

  it('says the connection was refused when nothing listens on the port', async () => {
    const fake = await fakePrinter();
    await fake.close();
    const failure = await failureOf(() => tcp(fake.port).open());
    expect(failure.problem).toEqual({
      kind: 'connection-refused',
      target: `127.0.0.1:${fake.port}`,
    });
    expect(failure.message).toMatch(/refused the connection/);
  });

  it('times out when the printer accepts but never answers a status request', async () => {
    const fake = await fakePrinter();
    fake.peer.setSilent(true);
    const printer = tcp(fake.port);
    await printer.open();
    const failure = await failureOf(() => printer.requestStatus());
    expect(failure.problem.kind).toBe('timed-out');
  });

  it('reports a dropped connection, then reconnects on open', async () => {
    const fake = await fakePrinter();
    const printer = tcp(fake.port);
    await printer.open();
    fake.dropConnections();
    await expect.poll(() => printer.isOpen()).toBe(false);
    const failure = await failureOf(() => printer.write(Uint8Array.of(0x41)));
    expect(['disconnected', 'io-error']).toContain(failure.problem.kind);
    await printer.open();
    expect(fake.connections()).toBe(2);
    expect((await printer.requestStatus()).condition).toBe('ready');
  });

  it('says disconnected, and reconnects, in the moment a broken socket has not closed yet', async () => {
    const fake = await fakePrinter();
    const printer = tcp(fake.port);
    const connect = vi.spyOn(Socket.prototype, 'connect');
    try {
      await printer.open();
      const socket = connect.mock.contexts[0] as Socket;
      // Destroyed now; its 'close' event comes on a later turn of the event loop.
      socket.destroy();
      const failure = await failureOf(() => printer.write(Uint8Array.of(0x41)));
      expect(failure.problem.kind).toBe('disconnected');
      await printer.open();
      expect(printer.isOpen()).toBe(true);
    } finally {
      connect.mockRestore();
    }
    expect((await printer.requestStatus()).condition).toBe('ready');
    expect(fake.connections()).toBe(2);
  });
});
