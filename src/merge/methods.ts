/**
 * The merge methods and their options. Two families:
 * - weight-delta methods (`linear`, `ties`, `dare-ties`, `dare-linear`): the correct merge, on
 *   ΔW_k = (alpha_k / r_k) · B_k · A_k per module, re-factored to a rank-r LoRA by truncated SVD
 *   with the kept energy reported;
 * - factor-wise methods (`peft-linear`, `peft-ties`, `peft-dare-ties`): the published merge
 *   (PEFT `add_weighted_adapter`), which merges the A matrices and the B matrices separately with
 *   weights √(w_k · alpha_k / r_k) and writes alpha = r, so the product holds cross terms
 *   B_i · A_j. Kept only to compare with published numbers like for like.
 * Knows nothing about files.
 */
import type { TaskMethod } from './task-merge.ts';

export type DeltaMethod = 'linear' | 'ties' | 'dare-ties' | 'dare-linear';
export type FactorMethod = 'peft-linear' | 'peft-ties' | 'peft-dare-ties';
export type MergeMethod = DeltaMethod | FactorMethod;

export const MERGE_METHODS: readonly MergeMethod[] = ['ties', 'dare-ties', 'dare-linear', 'linear', 'peft-ties', 'peft-dare-ties', 'peft-linear'];

export interface MergeOptions {
  readonly method: MergeMethod;
  /** Fraction kept by TIES trimming / DARE keep probability (ignored by linear methods). */
  readonly density: number;
  /** One weight per input adapter (default 1 each). */
  readonly weights?: readonly number[];
  /** Output rank of weight-delta methods (default: the largest input rank). Factor-wise methods keep the input rank. */
  readonly rank?: number;
  /** Seed of DARE masks and of the randomized SVD (default "1"). */
  readonly seed?: string;
  /** Randomized SVD: extra vectors (default 8) and power iterations (default 1). */
  readonly oversample?: number;
  readonly powerIterations?: number;
  /** Kernels: WebAssembly SIMD when available (default 'auto'), or plain JavaScript. */
  readonly backend?: 'auto' | 'js' | 'wasm-simd';
}

export function isFactorMethod(m: MergeMethod): m is FactorMethod {
  return m.startsWith('peft-');
}

/** The element-wise method a merge method applies (to ΔW, or to each factor). */
export function taskMethodOf(m: MergeMethod): TaskMethod {
  switch (m) {
    case 'linear': case 'peft-linear': return 'linear';
    case 'ties': case 'peft-ties': return 'ties';
    case 'dare-ties': case 'peft-dare-ties': return 'dare-ties';
    case 'dare-linear': return 'dare-linear';
  }
}

/** Whether the method uses `density`. */
export function usesDensity(m: MergeMethod): boolean {
  return taskMethodOf(m) !== 'linear';
}

/** A short label such as `ties-d0.5` or `linear` (file names, table rows). */
export function methodLabel(m: MergeMethod, density: number): string {
  return usesDensity(m) ? `${m}-d${density}` : m;
}
