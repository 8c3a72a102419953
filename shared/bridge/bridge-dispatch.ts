import { BRIDGE_CHANNELS, parseBridgeRequest } from './terminal-bridge';
import type { BridgeChannel, BridgeRequest, BridgeResponse, BridgeResult } from './terminal-bridge';

/**
 * The device side of the bridge contract, whatever carries the messages (Electron IPC, the
 * browser-mode device host's WebSocket, the page itself): one handler per channel, and one
 * dispatcher that checks everything from outside before a handler sees it.
 *
 * Invariants, each tested:
 * - a channel that is not in the contract, or a payload its request schema refuses, is
 *   answered `{ok: false, error}` naming the problem, and no handler runs;
 * - a handler's answer is checked against the channel's response schema before it leaves
 *   (a device service that breaks the contract is a bug to see, not data for the UI);
 * - a handler that throws or returns `{ok: false}` is answered `{ok: false, error}` with its
 *   message: the caller always gets an answer.
 */
export type BridgeHandlers = {
  readonly [C in BridgeChannel]: (
    request: BridgeRequest<C>,
  ) => Promise<BridgeResult<BridgeResponse<C>>> | BridgeResult<BridgeResponse<C>>;
};

/** Handlers that answer every channel with `error`: a base for sides that have few devices. */
export function unavailableHandlers(error: string): BridgeHandlers {
  const refuse = () => ({ ok: false as const, error });
  return Object.fromEntries(
    Object.keys(BRIDGE_CHANNELS).map((channel) => [channel, refuse]),
  ) as unknown as BridgeHandlers;
}

export function isBridgeChannel(channel: unknown): channel is BridgeChannel {
  return typeof channel === 'string' && Object.hasOwn(BRIDGE_CHANNELS, channel);
}

export async function dispatchBridgeRequest(
  handlers: BridgeHandlers,
  channel: unknown,
  payload: unknown,
): Promise<BridgeResult<unknown>> {
  if (!isBridgeChannel(channel))
    return { ok: false, error: `unknown bridge channel ${JSON.stringify(channel)}` };
  const request = parseBridgeRequest(channel, payload);
  if (!request.ok) return request;
  let answer: BridgeResult<unknown>;
  try {
    // The handler map is indexed by the channel just checked; TypeScript cannot correlate
    // the two type parameters, so the call goes through one widened signature.
    const handler = handlers[channel] as (request: unknown) => unknown;
    answer = (await handler(request.value)) as BridgeResult<unknown>;
  } catch (error) {
    return { ok: false, error: `${channel} failed: ${errorText(error)}` };
  }
  if (!answer.ok) return answer;
  const response = BRIDGE_CHANNELS[channel].response.safeParse(answer.value);
  return response.success
    ? { ok: true, value: response.data }
    : {
        ok: false,
        error: `${channel} answered outside the contract: ${response.error.issues
          .map((i) => i.message)
          .join('; ')}`,
      };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
