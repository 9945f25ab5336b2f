/**
 * Message bit sets: each host owns `words` 32-bit words in a shared Uint32Array, bit i = message i.
 * Knows nothing about what the sets mean.
 */

/** Is bit `i` set in the set starting at word `base`? */
export function hasBit(set: Uint32Array, base: number, i: number): boolean {
  return (((set[base + (i >>> 5)] as number) >>> (i & 31)) & 1) !== 0;
}

export function setBit(set: Uint32Array, base: number, i: number): void {
  const w = base + (i >>> 5);
  set[w] = (set[w] as number) | (1 << (i & 31));
}
