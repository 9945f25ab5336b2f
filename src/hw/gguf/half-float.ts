/**
 * IEEE half (f16) and bfloat16 conversions for weight files, in bulk: f32 → f16 bits with
 * round-to-nearest-even (overflow → ±inf, subnormals kept), f16 bits → f32, bf16 bits → f32
 * (exact). Node 20 has no Float16Array. No shared scratch buffers (no module state).
 * Knows nothing about files.
 */

function halfOfBits(b: number): number {
  const sign = (b >>> 16) & 0x8000;
  const exp = (b >>> 23) & 0xff;
  let mant = b & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant !== 0 ? 0x200 : 0); // inf / nan
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00; // overflow
  if (e <= 0) {
    if (e < -10) return sign; // underflow to zero
    mant |= 0x800000; // implicit bit
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    const rest = mant & ((1 << shift) - 1);
    let m = mant >>> shift;
    if (rest > half || (rest === half && (m & 1) === 1)) m += 1;
    return sign | m;
  }
  let m = mant >>> 13;
  const rest = mant & 0x1fff;
  let ee = e;
  if (rest > 0x1000 || (rest === 0x1000 && (m & 1) === 1)) {
    m += 1;
    if (m === 0x400) {
      m = 0;
      ee += 1;
      if (ee >= 0x1f) return sign | 0x7c00;
    }
  }
  return sign | (ee << 10) | m;
}

/** f16 bits of each value of `src` into `dst` (same length). */
export function f32ToHalf(src: Float32Array, dst: Uint16Array): void {
  const bits = new Uint32Array(src.buffer, src.byteOffset, src.length);
  for (let i = 0; i < src.length; i++) dst[i] = halfOfBits(bits[i] as number);
}

/** f16 bits of one number. */
export function toHalfBits(x: number): number {
  return halfOfBits(new Uint32Array(new Float32Array([x]).buffer)[0] as number);
}

/** The number an f16 bit pattern holds. */
export function fromHalfBits(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant === 0 ? sign * Infinity : NaN;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** f16 bits → f32 values. */
export function halfToF32(src: Uint16Array, dst: Float32Array): void {
  for (let i = 0; i < src.length; i++) dst[i] = fromHalfBits(src[i] as number);
}

/** bf16 bits → f32 values (exact: bf16 is the top half of an f32). */
export function bf16ToF32(src: Uint16Array, dst: Float32Array): void {
  const bits = new Uint32Array(dst.buffer, dst.byteOffset, dst.length);
  for (let i = 0; i < src.length; i++) bits[i] = ((src[i] as number) << 16) >>> 0;
}
