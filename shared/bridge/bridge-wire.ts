import { z } from 'zod';
import { BRIDGE_EVENTS } from './terminal-bridge';

/**
 * The bridge contract as text frames, for transports that carry bytes (the browser-mode
 * device host's WebSocket). Both ends parse every frame with these schemas; the payloads
 * inside are then checked against the contract's own schemas (bridge-dispatch.ts on the
 * device side, the bridge client on the page's side).
 *
 * | direction      | frame                                                    |
 * |----------------|----------------------------------------------------------|
 * | page → host    | `{type: 'request', id, channel, payload}`                |
 * | host → page    | `{type: 'response', id, result: {ok, value} | {ok, error}}` |
 * | host → page    | `{type: 'event', event: 'scan', data}`                   |
 * | host → page    | `{type: 'refused', error}`: a frame it could not read    |
 *
 * `id` is the page's own request number; answers may come in any order.
 */
export const MAX_BRIDGE_FRAME_BYTES = 256 * 1024;

const requestId = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

export const bridgeRequestFrameSchema = z.strictObject({
  type: z.literal('request'),
  id: requestId,
  channel: z.string().min(1).max(64),
  payload: z.unknown(),
});
export type BridgeRequestFrame = z.output<typeof bridgeRequestFrameSchema>;

export const bridgeResultSchema = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: z.string().max(2_000) }),
]);

const eventNames = Object.keys(BRIDGE_EVENTS) as [keyof typeof BRIDGE_EVENTS];

export const bridgeHostFrameSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('response'), id: requestId, result: bridgeResultSchema }),
  z.strictObject({ type: z.literal('event'), event: z.enum(eventNames), data: z.unknown() }),
  z.strictObject({ type: z.literal('refused'), error: z.string().max(2_000) }),
]);
export type BridgeHostFrame = z.output<typeof bridgeHostFrameSchema>;

/** Parses a frame's text; a frame that is not JSON or not of the schema is an error text. */
export function parseFrame<T>(
  schema: z.ZodType<T>,
  text: string,
): { ok: true; value: T } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'a bridge frame must be JSON' };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : {
        ok: false,
        error: `bad bridge frame: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      };
}
