// The bits of a float64, read through a shared typed array (little-endian: Node runs on x64
// and arm64): exponents and powers of two without logarithms.
const FLOAT = new Float64Array(1);
const BITS = new Uint32Array(FLOAT.buffer);

/**
 * The top 12 bits of `value`: its sign (bit 11) and biased exponent (bits 0–10), so
 * `binade(v) === binade(w)` when `v` and `w` have the same sign and power of two.
 */
export function binade(value: number): number {
  FLOAT[0] = value;
  return BITS[1] >>> 20;
}

/** The unbiased exponent of `value` (> 0, normal): `2^e <= value < 2^(e+1)`. */
export function exponentOf(value: number): number {
  FLOAT[0] = value;
  return ((BITS[1] >>> 20) & 0x7ff) - 1023;
}

/** True when `value` (> 0, normal) is an exact power of two (its mantissa bits are zero). */
export function isPowerOfTwo(value: number): boolean {
  FLOAT[0] = value;
  return (BITS[1] & 0xfffff) === 0 && BITS[0] === 0;
}
