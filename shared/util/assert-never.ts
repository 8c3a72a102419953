/**
 * Exhaustiveness check for discriminated unions: every `switch` over a domain choice ends in
 * `default: return assertNever(x)`, so adding a variant is a compile error until it is handled.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
