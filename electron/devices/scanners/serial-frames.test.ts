import { describe, expect, it } from 'vitest';
import type { SerialFrameOutput, SerialFramerOptions, SerialFramerState } from './serial-frames';
import {
  DEFAULT_SERIAL_FRAMER_OPTIONS,
  EMPTY_SERIAL_FRAMER,
  describeSerialFrameError,
  serialChunk,
} from './serial-frames';

function run(chunks: readonly (string | number[])[], options: SerialFramerOptions) {
  let state: SerialFramerState = EMPTY_SERIAL_FRAMER;
  const outputs: SerialFrameOutput[] = [];
  for (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : Uint8Array.from(chunk);
    const step = serialChunk(options, state, bytes);
    state = step.state;
    outputs.push(...step.outputs);
  }
  return { state, outputs };
}

const show = (outputs: readonly SerialFrameOutput[]) =>
  outputs.map((o) =>
    o.kind === 'frame'
      ? o.symbology === undefined
        ? `frame ${o.code}`
        : `frame ${o.code} ${o.symbology}`
      : `error ${o.error.kind}`,
  );

describe('serial framer: the worked example of serial-frames.ts', () => {
  const options = { maxFrameBytes: 256, aimPrefix: true };
  it.each([
    [['4607001234565\r\n'], ['frame 4607001234565']],
    [['46070012', '34565\r'], ['frame 4607001234565']],
    [['\0\x074607001234565\n'], ['frame 4607001234565']],
    [[']E04607001234565\r'], ['frame 4607001234565 ]E0']],
    [['A\rB\nC\r\n'], ['frame A', 'frame B', 'frame C']],
    [['9'.repeat(300), '123\r'], ['error too-long']],
  ] as const)('%j → %j', (chunks, expected) => {
    expect(show(run(chunks, options).outputs)).toEqual(expected);
  });
});

describe('serial framer edge cases', () => {
  const options = DEFAULT_SERIAL_FRAMER_OPTIONS;

  it('splits CR and LF across chunks into one frame, never an empty one', () => {
    expect(show(run(['123\r', '\n456\r', '\n'], options).outputs)).toEqual([
      'frame 123',
      'frame 456',
    ]);
    expect(show(run(['\r\n\r\n\n\r'], options).outputs)).toEqual([]);
  });

  it('keeps an unterminated frame for the next chunk', () => {
    const { state, outputs } = run(['1234'], options);
    expect(outputs).toEqual([]);
    expect(state).toEqual({ kind: 'collecting', bytes: [0x31, 0x32, 0x33, 0x34] });
  });

  it('drops every control byte and DEL, keeps printable and UTF-8', () => {
    const noise = [0x00, 0x01, 0x02, 0x03, 0x07, 0x1b, 0x1d, 0x7f];
    const word = [...Buffer.from('Ёлка', 'utf8')];
    expect(show(run([[...noise, 0x31, ...noise, ...word, 0x0d]], options).outputs)).toEqual([
      'frame 1Ёлка',
    ]);
  });

  it('reports an AIM identifier with no code, and leaves `]` codes alone when AIM is off', () => {
    expect(show(run([']E0\r'], options).outputs)).toEqual(['error symbology-only']);
    const noAim = { ...options, aimPrefix: false };
    expect(show(run([']E01234\r'], noAim).outputs)).toEqual(['frame ]E01234']);
  });

  it('skips the whole over-long frame, even when its end comes chunks later, and only once', () => {
    const small = { maxFrameBytes: 8, aimPrefix: false };
    const { state, outputs } = run(['123456789', 'abcdef', 'ghij\r', 'ok\r'], small);
    expect(show(outputs)).toEqual(['error too-long', 'frame ok']);
    expect(state).toEqual(EMPTY_SERIAL_FRAMER);
    expect(outputs[0]?.kind === 'error' && describeSerialFrameError(outputs[0].error)).toMatch(
      /more than 8 bytes/,
    );
  });

  it('accepts a frame of exactly the maximum', () => {
    const small = { maxFrameBytes: 8, aimPrefix: false };
    expect(show(run(['12345678\r'], small).outputs)).toEqual(['frame 12345678']);
  });
});
