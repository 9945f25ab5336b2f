/**
 * Chunk bitmaps: bit i = chunk i, least significant bit first within each byte, as advertised in
 * inventories and held by stores. Plain functions over `Uint8Array`; knows nothing about adapters.
 */

/** Bytes needed for a bitmap of `count` chunks. */
export function bitmapBytes(count: number): number {
  return (count + 7) >>> 3;
}

export function emptyBitmap(count: number): Uint8Array {
  return new Uint8Array(bitmapBytes(count));
}

/** A bitmap with the first `count` bits set (and no bit beyond). */
export function fullBitmap(count: number): Uint8Array {
  const b = new Uint8Array(bitmapBytes(count));
  b.fill(0xff);
  const rest = count & 7;
  if (rest !== 0) b[b.length - 1] = (1 << rest) - 1;
  return b;
}

export function hasBit(b: Uint8Array, i: number): boolean {
  return (((b[i >>> 3] ?? 0) >>> (i & 7)) & 1) === 1;
}

export function setBit(b: Uint8Array, i: number): void {
  b[i >>> 3] = (b[i >>> 3] ?? 0) | (1 << (i & 7));
}

/** Number of set bits. */
export function countBits(b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    let x = b[i]!;
    while (x !== 0) { x &= x - 1; n++; }
  }
  return n;
}

/** Indices in [0, count) whose bit is clear, ascending. */
export function missingIndices(b: Uint8Array, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (!hasBit(b, i)) out.push(i);
  return out;
}

/** Indices in [0, count) whose bit is set, ascending. */
export function presentIndices(b: Uint8Array, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (hasBit(b, i)) out.push(i);
  return out;
}

/** True when `a` holds some chunk in [0, count) that `b` lacks. */
export function hasAnyNotIn(a: Uint8Array, b: Uint8Array, count: number): boolean {
  const full = count >>> 3;
  for (let k = 0; k < full; k++) if (((a[k] ?? 0) & ~(b[k] ?? 0) & 0xff) !== 0) return true;
  for (let i = full << 3; i < count; i++) if (hasBit(a, i) && !hasBit(b, i)) return true;
  return false;
}

/** True when any bit is set. */
export function anyBit(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return true;
  return false;
}
