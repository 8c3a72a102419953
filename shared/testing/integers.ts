/** Every number inside `value` (deeply) that is not a safe integer, with its path. */
export function nonIntegers(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((item, i) => nonIntegers(item, `${path}[${i}]`));
  if (value instanceof Map)
    return [...value].flatMap(([k, v]) => nonIntegers(v, `${path}.get(${String(k)})`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => nonIntegers(v, `${path}.${k}`));
  }
  return [];
}

/** A deterministic shuffle (Fisher–Yates driven by xorshift32 from `seed`). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
