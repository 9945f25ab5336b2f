/**
 * Magnitude trimming for TIES: keep exactly the k entries of largest |x| and zero the rest, in
 * place, in O(n) with no sorting. The k-th largest magnitude is found by a two-level radix select
 * on the IEEE-754 bit patterns (for non-negative floats the bit pattern orders like the value):
 * a histogram of the high 16 bits of |x|, then of the low 16 bits inside the bin that holds the
 * k-th entry (`topKCut`). Entries equal to the threshold are kept in index order until k are kept (PEFT's
 * `torch.topk` keeps exactly k as well; which of several equal entries it keeps is unspecified).
 * NaN is treated as larger than every number. Knows nothing about LoRA or merge methods.
 */

/** Reusable histograms (pass one to avoid two allocations per call). */
export interface TopKScratch {
  readonly high: Uint32Array;
  readonly low: Uint32Array;
}

export function topKScratch(): TopKScratch {
  return { high: new Uint32Array(1 << 15), low: new Uint32Array(1 << 16) };
}

/** Number of entries TIES keeps at density d: floor(d · n), as PEFT's `int(density * numel)`. */
export function keepCount(n: number, density: number): number {
  if (!(density >= 0 && density <= 1)) throw new RangeError(`density must be in [0, 1], got ${density}`);
  return Math.min(n, Math.floor(density * n + 1e-9));
}

/**
 * Where the top-k cut falls: entries with |x| bits above `bits` are kept, and of the entries
 * whose |x| bits equal `bits`, the first `equalQuota` in index order are kept.
 */
export interface TopKCut {
  readonly bits: number;
  readonly equalQuota: number;
}

/** The cut that keeps exactly the `k` largest magnitudes of `x` (x is not modified). */
export function topKCut(x: Float32Array, k: number, scratch: TopKScratch = topKScratch()): TopKCut {
  const n = x.length;
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
  if (k >= n) return { bits: 0, equalQuota: n }; // everything is ≥ 0 and at most n entries equal 0
  if (k === 0) return { bits: 0xffffffff, equalQuota: 0 }; // above every 31-bit magnitude
  const bits = new Uint32Array(x.buffer, x.byteOffset, n);
  const high = scratch.high;
  high.fill(0);
  for (let i = 0; i < n; i++) {
    const j = ((bits[i] as number) & 0x7fffffff) >>> 16;
    high[j] = (high[j] as number) + 1;
  }
  // Walk down from the largest bin until k entries are covered.
  let above = 0;
  let h = high.length - 1;
  for (; h >= 0; h--) {
    const c = high[h] as number;
    if (above + c >= k) break;
    above += c;
  }
  const low = scratch.low;
  low.fill(0);
  for (let i = 0; i < n; i++) {
    const b = (bits[i] as number) & 0x7fffffff;
    if (b >>> 16 === h) low[b & 0xffff] = (low[b & 0xffff] as number) + 1;
  }
  let l = low.length - 1;
  for (; l >= 0; l--) {
    const c = low[l] as number;
    if (above + c >= k) break;
    above += c;
  }
  return { bits: ((h << 16) | l) >>> 0, equalQuota: k - above };
}

/** Zeroes every entry of `x` except the `k` of largest magnitude (ties: lowest index first). */
export function trimToTopK(x: Float32Array, k: number, scratch: TopKScratch = topKScratch()): void {
  const cut = topKCut(x, k, scratch);
  const bits = new Uint32Array(x.buffer, x.byteOffset, x.length);
  let quota = cut.equalQuota;
  for (let i = 0; i < x.length; i++) {
    const b = (bits[i] as number) & 0x7fffffff;
    if (b > cut.bits) continue;
    if (b === cut.bits && quota > 0) {
      quota -= 1;
      continue;
    }
    x[i] = 0;
  }
}
