/**
 * The kernel set a weight-delta merge runs on, as one interface with two implementations: plain
 * JavaScript (kernels.ts, top-k.ts, task-merge.ts; always available, the reference) and
 * WebAssembly SIMD (wasm/simd-kernels.ts; several times faster, float32 accumulation). A kernel
 * set also hands out the big per-module buffers, because the SIMD kernels need them inside their
 * own memory. Knows nothing about files or LoRA naming.
 */
import { lowRankProduct, rowDots, transpose } from './kernels.ts';
import type { LoraFactors } from './layout.ts';
import { mergeTasks } from './task-merge.ts';
import { topKScratch, trimToTopK } from './top-k.ts';
import { MergeWorkspace } from './workspace.ts';

export interface ModuleBuffers {
  /** `count` tensors of `length` floats each. */
  readonly tasks: readonly Float32Array[];
  readonly merged: Float32Array;
  readonly transposed: Float32Array;
}

/** What one module needs: task tensors, and staging for the SVD's vectors and the factors. */
export interface ModuleSpec {
  /** Task tensors and their length in floats (the merged tensor and its transpose are as long). */
  readonly count: number;
  readonly length: number;
  /** Up to `vectors` vectors of up to `vectorLength` floats go through `rowDots`. */
  readonly vectorLength: number;
  readonly vectors: number;
  /** Floats of one adapter's factors (rank × (in + out)). */
  readonly factorFloats: number;
}

export interface MergeKernels {
  readonly name: 'js' | 'wasm-simd';
  /** Buffers for one module; valid until the next call (contents unspecified). */
  moduleBuffers(spec: ModuleSpec): ModuleBuffers;
  /** out [outDim × inDim] = scale · B · A. */
  delta(f: LoraFactors, out: Float32Array): void;
  /** Zeroes all but the k largest magnitudes of x, in place (ties: lowest index first). */
  trimToTopK(x: Float32Array, k: number): void;
  /** TIES sign election and disjoint mean of (already trimmed or masked) tasks into out. */
  disjointMerge(tasks: readonly Float32Array[], weights: readonly number[], out: Float32Array): void;
  /** out[c · rows + i] = X[i, :] · V[c, :]. */
  rowDots(x: Float32Array, rows: number, k: number, v: Float32Array, count: number, out: Float64Array): void;
}

export function jsKernels(): MergeKernels {
  const ws = new MergeWorkspace();
  const scratch = topKScratch();
  return {
    name: 'js',
    moduleBuffers({ count, length }) {
      return {
        tasks: Array.from({ length: count }, (_, i) => ws.f32(`task${i}`, length)),
        merged: ws.f32('merged', length),
        transposed: ws.f32('transposed', length),
      };
    },
    delta(f, out) {
      const at = ws.f32('at', f.rank * f.inDim);
      transpose(f.a, f.rank, f.inDim, at);
      lowRankProduct(f.b, at, f.scale, f.outDim, f.inDim, f.rank, out);
    },
    trimToTopK: (x, k) => trimToTopK(x, k, scratch),
    disjointMerge: (tasks, weights, out) => mergeTasks(tasks, { method: 'ties', density: 1, weights }, out),
    rowDots,
  };
}
