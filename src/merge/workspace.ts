/**
 * Reusable scratch buffers for one merge run: named Float32Arrays that grow to the largest module
 * seen and are reused for every later module, so merging 168 modules allocates the big buffers
 * a handful of times instead of 168 × (K + 2) times. One workspace per merge (never shared
 * between concurrent merges; no module-level state). Knows nothing about merge methods.
 */
export class MergeWorkspace {
  private readonly buffers = new Map<string, Float32Array>();

  /** A Float32Array of exactly `n` values for `key` (contents unspecified). */
  f32(key: string, n: number): Float32Array {
    let buf = this.buffers.get(key);
    if (!buf || buf.length < n) {
      buf = new Float32Array(n);
      this.buffers.set(key, buf);
    }
    return buf.subarray(0, n);
  }

  /** Bytes currently held. */
  get bytes(): number {
    let total = 0;
    for (const b of this.buffers.values()) total += b.byteLength;
    return total;
  }
}
