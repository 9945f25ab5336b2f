/**
 * Merging whole LoRA adapters: every target module any input adapts, one module at a time (each
 * input's factors are loaded on demand and dropped after the module is merged), into one adapter
 * of a single rank r with alpha = r (scale 1). Reports, per module and overall, how much of the
 * merged weight delta's energy (‖ΔW‖_F²) the rank-r factors keep.
 * Knows nothing about files (inputs come with a `load` callback).
 */
import type { LoraFactors } from './layout.ts';
import { mergeModule, type MergedModule } from './merge-module.ts';
import { isFactorMethod, usesDensity, type MergeMethod, type MergeOptions } from './methods.ts';
import { createKernels } from './create-kernels.ts';

export interface ModuleInfo {
  /** Base tensor the pair modifies, e.g. `blk.0.attn_q.weight`. */
  readonly name: string;
  readonly rank: number;
  readonly inDim: number;
  readonly outDim: number;
}

export interface MergeInput {
  /** For messages (usually the file path). */
  readonly label: string;
  readonly modules: readonly ModuleInfo[];
  /** The factors of one module (document layout, with its scale). */
  load(module: string): LoraFactors;
}

export interface ModuleReport {
  readonly name: string;
  readonly totalEnergy: number;
  readonly keptEnergy: number;
  /** keptEnergy / totalEnergy (1 for a zero delta; NaN for factor-wise methods). */
  readonly keptFraction: number;
}

export interface MergeReport {
  readonly method: MergeMethod;
  readonly density: number | null;
  readonly rank: number;
  readonly seed: string;
  readonly weights: readonly number[];
  readonly inputs: readonly string[];
  /** Kernels that ran ('js' or 'wasm-simd'). */
  readonly backend: string;
  readonly modules: readonly ModuleReport[];
  /** Σ kept / Σ total over all modules (NaN for factor-wise methods). */
  readonly keptFraction: number;
  /** The module that keeps the smallest fraction. */
  readonly worstModule: ModuleReport | null;
}

export interface MergedAdapter {
  readonly rank: number;
  /** alpha to write (= rank: scale 1). */
  readonly alpha: number;
  readonly modules: readonly (MergedModule & { readonly name: string })[];
  readonly report: MergeReport;
}

/** Module names in first-seen order across the inputs. */
export function moduleUnion(inputs: readonly MergeInput[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const input of inputs) for (const m of input.modules) if (!seen.has(m.name)) { seen.add(m.name); out.push(m.name); }
  return out;
}

export function mergeAdapters(inputs: readonly MergeInput[], o: MergeOptions, onModule?: (done: number, total: number, name: string) => void): MergedAdapter {
  if (inputs.length === 0) throw new RangeError('nothing to merge: no input adapters');
  const weights = o.weights ?? inputs.map(() => 1);
  if (weights.length !== inputs.length) throw new RangeError(`${inputs.length} adapters but ${weights.length} weights`);
  for (const w of weights) if (!Number.isFinite(w)) throw new RangeError(`weights must be finite numbers, got ${w}`);
  if (usesDensity(o.method) && !(o.density > 0 && o.density <= 1)) throw new RangeError(`density must be in (0, 1], got ${o.density}`);
  const ranks = new Set(inputs.flatMap((i) => i.modules.map((m) => m.rank)));
  let rank: number;
  if (isFactorMethod(o.method)) {
    if (ranks.size > 1) throw new RangeError(`${o.method} needs every adapter to have the same rank (PEFT's rule); found ranks ${[...ranks].sort((a, b) => a - b).join(', ')}`);
    if (o.rank !== undefined && o.rank !== [...ranks][0]) throw new RangeError(`${o.method} keeps the input rank ${[...ranks][0]}; --rank ${o.rank} applies to weight-delta methods only`);
    rank = [...ranks][0] as number;
  } else {
    rank = o.rank ?? Math.max(...ranks);
    if (!Number.isInteger(rank) || rank < 1) throw new RangeError(`rank must be a positive integer, got ${rank}`);
  }
  const byName = inputs.map((i) => new Map(i.modules.map((m) => [m.name, m])));
  const names = moduleUnion(inputs);
  const kernels = createKernels(o.backend ?? 'auto');
  const seed = o.seed ?? '1';
  const modules: (MergedModule & { name: string })[] = [];
  names.forEach((name, idx) => {
    const factors = inputs.map((input, k) => (byName[k]?.has(name) ? input.load(name) : undefined));
    const merged = mergeModule(name, factors, { ...o, weights, rank, seed }, kernels);
    modules.push({ ...merged, name });
    onModule?.(idx + 1, names.length, name);
  });
  const reports = modules.map((m) => ({
    name: m.name,
    totalEnergy: m.totalEnergy,
    keptEnergy: m.keptEnergy,
    keptFraction: m.totalEnergy > 0 ? m.keptEnergy / m.totalEnergy : Number.isNaN(m.totalEnergy) ? Number.NaN : 1,
  }));
  let total = 0;
  let kept = 0;
  for (const r of reports) {
    total += r.totalEnergy;
    kept += r.keptEnergy;
  }
  let worst: ModuleReport | null = null;
  for (const r of reports) if (!Number.isNaN(r.keptFraction) && (worst === null || r.keptFraction < worst.keptFraction)) worst = r;
  return {
    rank,
    alpha: rank,
    modules,
    report: {
      method: o.method,
      density: usesDensity(o.method) ? o.density : null,
      rank,
      seed,
      weights,
      inputs: inputs.map((i) => i.label),
      backend: kernels.name,
      modules: reports,
      keptFraction: total > 0 ? kept / total : Number.isNaN(total) ? Number.NaN : 1,
      worstModule: worst,
    },
  };
}
