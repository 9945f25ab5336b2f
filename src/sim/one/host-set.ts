/**
 * A set of host addresses as a bitset that is walked in ascending address order, with its size
 * kept so "nothing to do" costs one comparison. The engine uses it for the hosts whose next
 * update may change something. Knows nothing about hosts beyond their addresses.
 */
export class HostSet {
  private readonly words: Uint32Array;
  private count = 0;

  constructor(capacity: number) {
    this.words = new Uint32Array(Math.max(1, Math.ceil(capacity / 32)));
  }

  get size(): number {
    return this.count;
  }

  add(i: number): void {
    const w = i >>> 5;
    const bit = 1 << (i & 31);
    const word = this.words[w] as number;
    if ((word & bit) === 0) {
      this.words[w] = word | bit;
      this.count++;
    }
  }

  delete(i: number): void {
    const w = i >>> 5;
    const bit = 1 << (i & 31);
    const word = this.words[w] as number;
    if ((word & bit) !== 0) {
      this.words[w] = word & ~bit;
      this.count--;
    }
  }

  has(i: number): boolean {
    return ((this.words[i >>> 5] as number) & (1 << (i & 31))) !== 0;
  }

  /** The smallest member ≥ `from`, or -1. */
  next(from: number): number {
    const words = this.words;
    let w = from >>> 5;
    if (w >= words.length) return -1;
    let word = (words[w] as number) & ((0xffffffff << (from & 31)) >>> 0);
    while (word === 0) {
      w++;
      if (w >= words.length) return -1;
      word = words[w] as number;
    }
    return (w << 5) + 31 - Math.clz32(word & -word);
  }
}
