import { describe, expect, it, vi } from 'vitest';
import type { DeviceStatus } from '../../shared/bridge/terminal-bridge';
import { unavailableHandlers } from '../../shared/bridge/bridge-dispatch';
import type { BridgeHandlers } from '../../shared/bridge/bridge-dispatch';
import { handleBridgeMessage, registerBridgeHandlers } from './bridge-handlers';
import type { IpcMainLike } from './bridge-handlers';
import { BRIDGE_REQUEST_IPC } from './ipc-channels';
import { trustedSenderCheck } from './trusted-sender';
import type { IpcFrame, IpcInvokeEvent } from './trusted-sender';

const WINDOW_ID = 7;
const scanner: DeviceStatus = {
  id: 'hid:0c2e:0b61',
  kind: 'scanner',
  transport: 'hid',
  name: 'Honeywell Voyager 1470g',
  state: 'ready',
};

/** A fake ipcMain: keeps the registered handlers and lets a test invoke them as a frame would. */
function fakeIpcMain() {
  const handlers = new Map<
    string,
    (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>
  >();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      handlers.delete(channel);
    },
  };
  const invoke = (event: IpcInvokeEvent, ...args: unknown[]): Promise<unknown> => {
    const handler = handlers.get(BRIDGE_REQUEST_IPC);
    if (!handler) throw new Error(`No handler registered for '${BRIDGE_REQUEST_IPC}'`);
    return handler(event, ...args);
  };
  return { ipc, invoke, registered: () => [...handlers.keys()] };
}

/** A full handler map (other channels answer "not wired") with one handler under test. */
function withHandler(
  channel: 'devices.list',
  handler: BridgeHandlers['devices.list'],
): BridgeHandlers {
  return { ...unavailableHandlers('not in this test'), [channel]: handler };
}

const mainFrame: IpcFrame = { url: 'app://terminal/index.html?db=t1', parent: null };
const fromTerminal: IpcInvokeEvent = { sender: { id: WINDOW_ID }, senderFrame: mainFrame };

function setUp() {
  const deviceStatuses = vi.fn(() => ({ ok: true as const, value: [scanner] }));
  const handlers = withHandler('devices.list', deviceStatuses);
  const log = vi.fn<(line: string) => void>();
  const fake = fakeIpcMain();
  const unregister = registerBridgeHandlers(
    fake.ipc,
    handlers,
    trustedSenderCheck(() => WINDOW_ID),
    log,
  );
  return { ...fake, deviceStatuses, log, unregister };
}

describe('bridge IPC: a good request from the terminal window is answered', () => {
  it('answers devices.list from the device-status source', async () => {
    const { invoke, deviceStatuses } = setUp();
    await expect(invoke(fromTerminal, 'devices.list', {})).resolves.toEqual({
      ok: true,
      value: [scanner],
    });
    expect(deviceStatuses).toHaveBeenCalledTimes(1);
  });

  it('registers one IPC channel and removes it again', () => {
    const { registered, unregister } = setUp();
    expect(registered()).toEqual([BRIDGE_REQUEST_IPC]);
    unregister();
    expect(registered()).toEqual([]);
  });
});

describe('bridge IPC: a message from a wrong sender is refused and changes nothing', () => {
  const cases: readonly [string, IpcInvokeEvent, RegExp][] = [
    [
      'another window',
      { sender: { id: WINDOW_ID + 1 }, senderFrame: mainFrame },
      /does not come from the terminal window/,
    ],
    [
      'a subframe of the terminal window',
      {
        sender: { id: WINDOW_ID },
        senderFrame: { url: 'app://terminal/frame.html', parent: mainFrame },
      },
      /from a subframe/,
    ],
    [
      'the window navigated to a remote page',
      {
        sender: { id: WINDOW_ID },
        senderFrame: { url: 'https://evil.example/x?q=1', parent: null },
      },
      /from https:\/\/evil\.example, not from the terminal's own pages/,
    ],
    [
      'a look-alike host',
      {
        sender: { id: WINDOW_ID },
        senderFrame: { url: 'app://terminal.evil/index.html', parent: null },
      },
      /from app:\/\/terminal\.evil/,
    ],
    [
      'a file:// page',
      { sender: { id: WINDOW_ID }, senderFrame: { url: 'file:///tmp/x.html', parent: null } },
      /from file:\/\//,
    ],
    [
      'a frame that is already gone',
      { sender: { id: WINDOW_ID }, senderFrame: null },
      /frame no longer exists/,
    ],
  ];

  it.each(cases)('%s', async (_name, event, message) => {
    const { invoke, deviceStatuses, log } = setUp();
    const answer = await invoke(event, 'devices.list', {});
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(message) as unknown });
    expect(deviceStatuses).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^terminal bridge: refused: /));
  });

  it('refuses everything while the terminal window does not exist', async () => {
    const deviceStatuses = vi.fn(() => ({ ok: true as const, value: [scanner] }));
    const answer = await handleBridgeMessage(
      withHandler('devices.list', deviceStatuses),
      trustedSenderCheck(() => null),
      fromTerminal,
      'devices.list',
      {},
    );
    expect(answer).toMatchObject({
      ok: false,
      error: expect.stringMatching(/terminal window/) as unknown,
    });
    expect(deviceStatuses).not.toHaveBeenCalled();
  });
});

describe('bridge IPC: a bad payload or unknown channel is refused and changes nothing', () => {
  it.each([null, 'list', { extra: 1 }, [], 42])(
    'devices.list with %j is refused, naming the channel',
    async (payload) => {
      const { invoke, deviceStatuses } = setUp();
      const answer = await invoke(fromTerminal, 'devices.list', payload);
      expect(answer).toEqual({
        ok: false,
        error: expect.stringMatching(/^bad devices\.list request: /) as unknown,
      });
      expect(deviceStatuses).not.toHaveBeenCalled();
    },
  );

  it.each([
    ['printer.formatDisk', /^unknown bridge channel "printer\.formatDisk"$/],
    ['printer.print ', /^unknown bridge channel "printer\.print "$/],
    ['__proto__', /^unknown bridge channel "__proto__"$/],
    ['toString', /^unknown bridge channel "toString"$/],
    [42, /^unknown bridge channel 42$/],
    [undefined, /^unknown bridge channel undefined$/],
  ])('channel %j is refused', async (channel, message) => {
    const { invoke, deviceStatuses } = setUp();
    const answer = await invoke(fromTerminal, channel, {});
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(message) as unknown });
    expect(deviceStatuses).not.toHaveBeenCalled();
  });

  it('checks the sender before the channel: a stranger learns nothing about channels', async () => {
    const { invoke } = setUp();
    const stranger: IpcInvokeEvent = {
      sender: { id: 99 },
      senderFrame: { url: 'https://evil.example/', parent: null },
    };
    const answer = await invoke(stranger, 'printer.formatDisk', {});
    expect(answer).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^refused: /) as unknown,
    });
  });
});

describe('bridge IPC: handler failures and answers outside the contract', () => {
  it('a handler that throws is answered with its message', async () => {
    const answer = await handleBridgeMessage(
      withHandler('devices.list', () => {
        throw new Error('USB bus not readable');
      }),
      trustedSenderCheck(() => WINDOW_ID),
      fromTerminal,
      'devices.list',
      {},
    );
    expect(answer).toEqual({ ok: false, error: 'devices.list failed: USB bus not readable' });
  });

  it('an answer that breaks the response schema never reaches the renderer', async () => {
    const log = vi.fn<(line: string) => void>();
    const answer = await handleBridgeMessage(
      withHandler('devices.list', () => ({
        ok: true,
        value: [{ ...scanner, kind: 'toaster' } as unknown as DeviceStatus],
      })),
      trustedSenderCheck(() => WINDOW_ID),
      fromTerminal,
      'devices.list',
      {},
      log,
    );
    expect(answer).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^devices\.list answered outside the contract: /) as unknown,
    });
    expect(log).toHaveBeenCalledTimes(1);
  });
});
