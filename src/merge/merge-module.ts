/**
 * Merging one target module (one base weight) across K adapters. Adapters that do not adapt the
 * module count as a zero delta (weight-delta methods) or are skipped (factor-wise methods, as
 * PEFT does). Weight-delta methods:
 * - linear: the weighted average Σ w_k ΔW_k / Σ w_k is a sum of rank-r_k terms, so its SVD is
 *   computed exactly from the factors (factored-svd.ts) without forming ΔW;
 * - ties / dare-*: each ΔW_k is formed (m × n floats, one module at a time, in reused buffers),
 *   trimmed or masked, merged element-wise, and re-factored by randomized SVD.
 * Factor-wise methods merge the A's and the B's separately (see methods.ts).
 * Knows nothing about files; never holds more than one module's deltas.
 */
import { svdOfSum } from './factored-svd.ts';
import { transpose } from './kernels.ts';
import { checkFactors, type LoraFactors } from './layout.ts';
import { jsKernels, type MergeKernels } from './merge-kernels.ts';
import { isFactorMethod, taskMethodOf, type MergeOptions } from './methods.ts';
import { randomizedSvd } from './randomized-svd.ts';
import { svdToLora } from './refactor.ts';
import { seededStream } from './seeded-stream.ts';
import { dareMask, mergeTasks } from './task-merge.ts';
import { keepCount } from './top-k.ts';

export interface MergedModule extends LoraFactors {
  /** ‖merged ΔW‖_F² and the part the rank-r factors keep (NaN for factor-wise methods). */
  readonly totalEnergy: number;
  readonly keptEnergy: number;
}

/** Merges `inputs` (one entry per adapter, undefined where the adapter lacks the module). */
export function mergeModule(name: string, inputs: readonly (LoraFactors | undefined)[], o: MergeOptions, kernels: MergeKernels = jsKernels()): MergedModule {
  const weights = o.weights ?? inputs.map(() => 1);
  if (weights.length !== inputs.length) throw new RangeError(`${inputs.length} adapters but ${weights.length} weights`);
  const present = inputs.flatMap((f, k) => (f === undefined ? [] : [k]));
  const first = present.length > 0 ? (inputs[present[0] as number] as LoraFactors) : undefined;
  if (!first) throw new RangeError(`${name}: no adapter has this module`);
  for (const k of present) {
    const f = inputs[k] as LoraFactors;
    checkFactors(f, `${name} (adapter ${k + 1})`);
    if (f.inDim !== first.inDim || f.outDim !== first.outDim) {
      throw new RangeError(`${name}: adapter ${k + 1} has ΔW [${f.outDim} × ${f.inDim}], adapter ${present[0] as number + 1} has [${first.outDim} × ${first.inDim}]`);
    }
  }
  const seed = o.seed ?? '1';
  if (isFactorMethod(o.method)) return factorWise(name, inputs, present, weights, o, seed);

  const m = first.outDim;
  const n = first.inDim;
  const rank = o.rank ?? Math.max(...present.map((k) => (inputs[k] as LoraFactors).rank));
  const method = taskMethodOf(o.method);
  let wsum = 0;
  for (const w of weights) wsum += w;

  if (method === 'linear') {
    // Σ_k c_k B_k A_k with c_k = w_k s_k / Σ w: terms x = columns of c_k B_k, y = rows of A_k.
    const terms = present.reduce((t, k) => t + (inputs[k] as LoraFactors).rank, 0);
    const x = new Float64Array(terms * m);
    const y = new Float64Array(terms * n);
    let t = 0;
    for (const k of present) {
      const f = inputs[k] as LoraFactors;
      const c = wsum === 0 ? 0 : ((weights[k] as number) * f.scale) / wsum;
      for (let r = 0; r < f.rank; r++, t++) {
        for (let i = 0; i < m; i++) x[t * m + i] = c * (f.b[i * f.rank + r] as number);
        for (let j = 0; j < n; j++) y[t * n + j] = f.a[r * n + j] as number;
      }
    }
    const svd = svdOfSum(x, y, terms, m, n, false, rank);
    let kept = 0;
    for (let i = 0; i < svd.k; i++) kept += (svd.s[i] as number) ** 2;
    return { ...svdToLora(svd, rank), totalEnergy: svd.totalEnergy, keptEnergy: kept };
  }

  const oversample = o.oversample ?? 8;
  const buffers = kernels.moduleBuffers({
    count: present.length,
    length: m * n,
    vectorLength: Math.max(m, n),
    vectors: Math.min(rank + oversample, m, n),
    factorFloats: Math.max(...present.map((k) => (inputs[k] as LoraFactors).rank)) * (m + n),
  });
  const tasks = present.map((k, i) => {
    const d = buffers.tasks[i] as Float32Array;
    kernels.delta(inputs[k] as LoraFactors, d);
    return d;
  });
  const merged = buffers.merged;
  if (method === 'ties') {
    const keep = keepCount(m * n, o.density);
    for (const t of tasks) kernels.trimToTopK(t, keep);
  } else {
    tasks.forEach((t, i) => dareMask(t, o.density, seededStream(seed, `dare/${name}/${present[i] as number}`)));
  }
  if (method === 'dare-linear') {
    // a weighted average over every adapter (absent ones are zero deltas)
    mergeTasks(tasks, { method: 'linear', density: 1, weights: present.map((k) => (wsum === 0 ? 0 : (weights[k] as number) / wsum)) }, merged);
  } else {
    kernels.disjointMerge(tasks, present.map((k) => weights[k] as number), merged);
  }
  transpose(merged, m, n, buffers.transposed);
  const svd = randomizedSvd(merged, m, n, {
    rank,
    oversample,
    stream: seededStream(seed, `svd/${name}`),
    transposed: buffers.transposed,
    rowDots: kernels.rowDots,
    ...(o.powerIterations !== undefined ? { powerIterations: o.powerIterations } : {}),
  });
  return { ...svdToLora(svd, rank), totalEnergy: svd.totalEnergy, keptEnergy: svd.keptEnergy };
}

function factorWise(
  name: string, inputs: readonly (LoraFactors | undefined)[], present: readonly number[], weights: readonly number[],
  o: MergeOptions, seed: string,
): MergedModule {
  const first = inputs[present[0] as number] as LoraFactors;
  const rank = first.rank;
  for (const k of present) {
    const f = inputs[k] as LoraFactors;
    if (f.rank !== rank) throw new RangeError(`${name}: ${o.method} needs equal ranks (PEFT's rule), but adapter ${k + 1} has rank ${f.rank} and adapter ${present[0] as number + 1} has rank ${rank}`);
  }
  const factorWeights = present.map((k) => {
    const v = (weights[k] as number) * (inputs[k] as LoraFactors).scale;
    if (!(v >= 0)) throw new RangeError(`${name}: ${o.method} takes √(weight · alpha / r), so weight · scale must be ≥ 0 (adapter ${k + 1} has ${v})`);
    return Math.sqrt(v);
  });
  const method = taskMethodOf(o.method);
  const merge = (part: 'a' | 'b', length: number): Float32Array => {
    const tasks = present.map((k) => (inputs[k] as LoraFactors)[part]);
    const out = new Float32Array(length);
    mergeTasks(tasks, {
      method, density: o.density, weights: factorWeights,
      random: (i) => seededStream(seed, `peft-dare/${name}/${part}/${present[i] as number}`),
    }, out);
    return out;
  };
  return {
    a: merge('a', rank * first.inDim),
    b: merge('b', first.outDim * rank),
    rank, inDim: first.inDim, outDim: first.outDim, scale: 1,
    totalEnergy: Number.NaN, keptEnergy: Number.NaN,
  };
}
