/**
 * Element-wise merging of task tensors (flat arrays of equal length), following PEFT's
 * `merge_utils` so results compare like for like with the published merges:
 * - linear: Σ_k w_k·t_k (optionally divided by Σ_k w_k: a weighted average);
 * - ties: trim each t_k to its floor(d·n) largest magnitudes; elect the sign of Σ_k t_k per entry
 *   (the sum of the trimmed, unweighted tensors; a zero sum counts as +); the result is the sum of
 *   w_k·t_k over the tasks whose entry is nonzero with the elected sign, divided by how many
 *   such tasks there are (0 where none agree) — the disjoint mean;
 * - dare-linear / dare-ties: instead of trimming, keep each entry with probability d (a seeded
 *   Bernoulli mask, one stream per task, drawn in index order) and rescale kept entries by 1/d;
 *   then linear or the TIES sign election and disjoint mean.
 * For speed on large tensors the work runs in cache-sized blocks (each task is read once after
 * its trim threshold is known); inputs are never modified. Knows nothing about LoRA or files.
 */
import { keepCount, topKCut, topKScratch, type TopKScratch } from './top-k.ts';
import type { SeededStream } from './seeded-stream.ts';

export type TaskMethod = 'linear' | 'ties' | 'dare-linear' | 'dare-ties';
export const TASK_METHODS: readonly TaskMethod[] = ['linear', 'ties', 'dare-linear', 'dare-ties'];

export interface TaskMergeOptions {
  readonly method: TaskMethod;
  /** Fraction kept by ties (top-d by magnitude) and dare (keep probability); ignored by linear. */
  readonly density: number;
  /** One weight per task. */
  readonly weights: readonly number[];
  /** linear / dare-linear: divide by the sum of the weights (default false, as PEFT). */
  readonly normalize?: boolean;
  /** dare-*: the keep-mask stream of task k. */
  readonly random?: (task: number) => SeededStream;
  readonly scratch?: TopKScratch;
}

const BLOCK = 4096;

/** Applies a seeded DARE keep-mask with probability `density` and 1/density rescale, in place. */
export function dareMask(t: Float32Array, density: number, stream: SeededStream): void {
  const f = dareFilter(density, stream);
  const tmp = new Float32Array(Math.min(BLOCK, t.length));
  for (let s = 0; s < t.length; s += BLOCK) {
    const e = Math.min(t.length, s + BLOCK);
    f(t, s, e, tmp);
    t.set(tmp.subarray(0, e - s), s);
  }
}

/** Writes the filtered values of src[start, end) into dst[0, end - start); called in index order. */
type Filter = (src: Float32Array, start: number, end: number, dst: Float32Array) => void;

function dareFilter(density: number, stream: SeededStream): Filter {
  if (!(density >= 0 && density <= 1)) throw new RangeError(`density must be in [0, 1], got ${density}`);
  const limit = density * 4294967296;
  const rescale = density === 0 ? 0 : 1 / density;
  let draws = new Uint32Array(0);
  return (src, start, end, dst) => {
    if (draws.length < end - start) draws = new Uint32Array(end - start);
    const r = draws.subarray(0, end - start);
    stream.fillU32(r);
    for (let i = start, j = 0; i < end; i++, j++) dst[j] = (r[j] as number) < limit ? (src[i] as number) * rescale : 0;
  };
}

function tiesFilter(t: Float32Array, k: number, scratch: TopKScratch): Filter {
  const cut = topKCut(t, k, scratch);
  const bits = new Uint32Array(t.buffer, t.byteOffset, t.length);
  const threshold = cut.bits;
  let quota = cut.equalQuota;
  return (src, start, end, dst) => {
    let q = quota; // a local in the loop: a captured variable would live in the closure's context
    for (let i = start, j = 0; i < end; i++, j++) {
      const b = (bits[i] as number) & 0x7fffffff;
      if (b > threshold) dst[j] = src[i] as number;
      else if (b === threshold && q > 0) {
        q -= 1;
        dst[j] = src[i] as number;
      } else dst[j] = 0;
    }
    quota = q;
  };
}

const copyFilter: Filter = (src, start, end, dst) => {
  dst.set(src.subarray(start, end));
};

/** Merges `tasks` into `out` (all the same length). */
export function mergeTasks(tasks: readonly Float32Array[], o: TaskMergeOptions, out: Float32Array): void {
  const n = out.length;
  const K = tasks.length;
  if (o.weights.length !== K) throw new RangeError(`${K} tasks but ${o.weights.length} weights`);
  for (const t of tasks) if (t.length !== n) throw new RangeError(`task of length ${t.length}, expected ${n}`);
  if (K === 0) {
    out.fill(0);
    return;
  }
  let filters: Filter[];
  if (o.method === 'ties') {
    const scratch = o.scratch ?? topKScratch();
    const k = keepCount(n, o.density);
    filters = tasks.map((t) => tiesFilter(t, k, scratch));
  } else if (o.method === 'dare-linear' || o.method === 'dare-ties') {
    const random = o.random;
    if (!random) throw new RangeError(`${o.method} needs a seeded random stream per task`);
    filters = tasks.map((_, k) => dareFilter(o.density, random(k)));
  } else {
    filters = tasks.map(() => copyFilter);
  }
  const linear = o.method === 'linear' || o.method === 'dare-linear';
  let weights = o.weights;
  if (linear && o.normalize) {
    const wsum = weights.reduce((a, b) => a + b, 0);
    weights = weights.map((w) => (wsum === 0 ? 0 : w / wsum));
  }
  const blocks = tasks.map(() => new Float32Array(Math.min(BLOCK, n)));
  const sum = new Float32Array(Math.min(BLOCK, n));
  const count = new Uint16Array(Math.min(BLOCK, n));
  if (K > 65535) throw new RangeError(`at most 65535 tasks, got ${K}`);
  for (let s = 0; s < n; s += BLOCK) {
    const e = Math.min(n, s + BLOCK);
    const len = e - s;
    for (let k = 0; k < K; k++) (filters[k] as Filter)(tasks[k] as Float32Array, s, e, blocks[k] as Float32Array);
    if (linear) linearBlock(blocks, weights, out, s, len);
    else disjointBlock(blocks, weights, out, s, len, sum, count);
  }
}

function linearBlock(blocks: readonly Float32Array[], w: readonly number[], out: Float32Array, s: number, len: number): void {
  const b0 = blocks[0] as Float32Array;
  const w0 = w[0] as number;
  for (let j = 0; j < len; j++) out[s + j] = w0 * (b0[j] as number);
  for (let k = 1; k < blocks.length; k++) {
    const b = blocks[k] as Float32Array;
    const wk = w[k] as number;
    for (let j = 0; j < len; j++) out[s + j] = (out[s + j] as number) + wk * (b[j] as number);
  }
}

/**
 * TIES sign election (sum of the unweighted filtered tasks, ≥ 0 → +) and the disjoint mean of
 * the agreeing entries, for one block.
 */
function disjointBlock(blocks: readonly Float32Array[], w: readonly number[], out: Float32Array, s: number, len: number, sum: Float32Array, count: Uint16Array): void {
  sum.set((blocks[0] as Float32Array).subarray(0, len));
  for (let k = 1; k < blocks.length; k++) {
    const b = blocks[k] as Float32Array;
    for (let j = 0; j < len; j++) sum[j] = (sum[j] as number) + (b[j] as number);
  }
  for (let j = 0; j < len; j++) out[s + j] = 0;
  count.fill(0, 0, len);
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k] as Float32Array;
    const wk = w[k] as number;
    for (let j = 0; j < len; j++) {
      const v = b[j] as number;
      if (v === 0) continue;
      if (v > 0 === (sum[j] as number) >= 0) {
        out[s + j] = (out[s + j] as number) + wk * v;
        count[j] = (count[j] as number) + 1;
      }
    }
  }
  for (let j = 0; j < len; j++) {
    const c = count[j] as number;
    if (c > 1) out[s + j] = (out[s + j] as number) / c;
  }
}
