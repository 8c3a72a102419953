import type { DeviceStatus } from '../../../shared/bridge/terminal-bridge';
import type { Result } from '../../../shared/util/result';
import type { Timers } from '../timers';

/**
 * Keeps one device open across unplugging: opens it, notices when it goes, and tries again
 * until it is back, without the app restarting and without the owner recreating anything.
 *
 * States (DeviceStatus.state): `ready` while open; `disconnected` while the device is absent
 * (not plugged in, port gone, unplugged mid-use); `error` while it is present but cannot be
 * opened (permissions, held by another program) or failed in a way a retry may not fix.
 * Both non-ready states retry: after `retryMinMs`, doubling per failed attempt up to
 * `retryMaxMs` (bounded backoff: a scanner plugged back in is found within `retryMaxMs`).
 * A connection lost after working retries after `retryMinMs` again.
 *
 * Invariants: at most one connection open and at most one attempt or retry pending at any
 * time; a connection that reports its loss after being replaced or stopped changes nothing.
 */
export type Connection = {
  /** Closes the device; must not throw for a device that is already gone. */
  readonly close: () => Promise<void>;
};

export type ConnectFailure = {
  readonly state: 'disconnected' | 'error';
  readonly detail: string;
};

/** Opens the device once. Calls `lost` (any number of times) when an open device goes away. */
export type Connector = (
  lost: (detail: string) => void,
) => Promise<Result<Connection, ConnectFailure>>;

export type SupervisedDevice = {
  readonly id: string;
  readonly status: () => DeviceStatus;
  /** Starts opening (and re-opening) the device; a second call does nothing. */
  readonly start: () => void;
  /** Closes the device and stops retrying; the status becomes disconnected. */
  readonly stop: () => Promise<void>;
};

export type SupervisorOptions = {
  readonly identity: Omit<DeviceStatus, 'state' | 'detail'>;
  readonly timers: Timers;
  readonly retryMinMs: number;
  readonly retryMaxMs: number;
  readonly onStatus: (status: DeviceStatus) => void;
};

export const DEFAULT_RETRY = { retryMinMs: 250, retryMaxMs: 5_000 } as const;

export function superviseDevice(connect: Connector, options: SupervisorOptions): SupervisedDevice {
  const { identity, timers } = options;
  let status: DeviceStatus = { ...identity, state: 'disconnected', detail: 'not opened yet' };
  let running = false;
  /** Bumped by every attempt and by stop: callbacks of older generations are ignored. */
  let generation = 0;
  let connection: Connection | undefined;
  let cancelRetry: (() => void) | undefined;
  let failures = 0;

  const setStatus = (state: DeviceStatus['state'], detail: string | undefined) => {
    const next: DeviceStatus =
      detail === undefined ? { ...identity, state } : { ...identity, state, detail };
    if (next.state === status.state && next.detail === status.detail) return;
    status = next;
    options.onStatus(status);
  };

  const scheduleRetry = (ms: number) => {
    cancelRetry?.();
    cancelRetry = timers.setTimeout(() => {
      cancelRetry = undefined;
      void attempt();
    }, ms);
  };

  const backoffMs = () =>
    Math.min(options.retryMaxMs, options.retryMinMs * 2 ** Math.min(failures - 1, 30));

  const attempt = async (): Promise<void> => {
    if (!running) return;
    const mine = ++generation;
    const lost = (detail: string) => {
      if (mine !== generation || !running || connection === undefined) return;
      const gone = connection;
      connection = undefined;
      failures = 0;
      setStatus('disconnected', detail);
      void gone.close().catch(() => undefined);
      scheduleRetry(options.retryMinMs);
    };
    let result: Result<Connection, ConnectFailure>;
    try {
      result = await connect(lost);
    } catch (e) {
      result = { ok: false, error: { state: 'error', detail: messageOf(e) } };
    }
    if (mine !== generation) {
      // Stopped (stop bumps the generation) while opening: the late connection must not stay open.
      if (result.ok) await result.value.close().catch(() => undefined);
      return;
    }
    if (result.ok) {
      connection = result.value;
      failures = 0;
      setStatus('ready', undefined);
      return;
    }
    failures += 1;
    setStatus(result.error.state, result.error.detail);
    scheduleRetry(backoffMs());
  };

  return {
    id: identity.id,
    status: () => status,
    start: () => {
      if (running) return;
      running = true;
      void attempt();
    },
    stop: async () => {
      running = false;
      generation += 1;
      cancelRetry?.();
      cancelRetry = undefined;
      const open = connection;
      connection = undefined;
      if (open !== undefined) await open.close().catch(() => undefined);
      setStatus('disconnected', 'stopped');
    },
  };
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
