import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonical JSON', () => {
  it.each([
    [{ b: 1, a: [true, null] }, '{"a":[true,null],"b":1}'],
    [{ name: 'Анна', x: undefined }, '{"name":"\\u0410\\u043d\\u043d\\u0430"}'],
    ['tab\t"q"\\', '"tab\\t\\"q\\"\\\\"'],
    [{ B: 0, a: 0, _: 0, '1': 0 }, '{"1":0,"B":0,"_":0,"a":0}'],
    [{ nested: { z: { y: 1, x: 2 } } }, '{"nested":{"z":{"x":2,"y":1}}}'],
    [[], '[]'],
    [{}, '{}'],
    [-0, '0'],
    [1767603840000, '1767603840000'],
    ['\u007f€😀', '"\\u007f\\u20ac\\ud83d\\ude00"'],
    ['\ud800', '"\\ud800"'],
  ])('writes %j as %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('is printable ASCII, means the same value, and ignores member order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(text).toMatch(/^[\x20-\x7e]*$/);
        // JSON.parse reads -0 as -0; canonical JSON (like JSON.stringify) writes it 0.
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        const reversed: unknown = JSON.parse(JSON.stringify(value), (_key, member: unknown) =>
          typeof member === 'object' && member !== null && !Array.isArray(member)
            ? Object.fromEntries(Object.entries(member).reverse())
            : member,
        );
        expect(canonicalJson(reversed)).toBe(text);
      }),
    );
  });

  it.each([
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [undefined],
    [[undefined]],
    [10n],
    [new Date(0)],
    [() => 1],
  ])('refuses %s, which is not JSON', (value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});
