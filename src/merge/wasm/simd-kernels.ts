/**
 * `MergeKernels` on WebAssembly SIMD (simd-module.ts). The module's memory holds, per merged
 * module, the K task tensors, the merged tensor and its transpose, staging space for the vector
 * blocks of the randomized SVD and for the LoRA factors, and small tables; it grows only inside
 * `moduleBuffers` (growing detaches earlier views, so views are valid until the next call).
 * Any call whose arrays are not in that memory, are too large for the staging space, or have
 * lengths the SIMD loops do not handle, runs the JavaScript kernel instead (same results up to
 * float32 rounding). One instance per merge (no module-level state).
 * Knows nothing about files or LoRA naming.
 */
import { lowRankProduct, rowDots as jsRowDots, transpose } from '../kernels.ts';
import type { LoraFactors } from '../layout.ts';
import type { MergeKernels, ModuleSpec } from '../merge-kernels.ts';
import { mergeTasks } from '../task-merge.ts';
import { topKScratch, trimToTopK } from '../top-k.ts';
import { HIGH_COPIES, simdModuleBytes, type SimdExports } from './simd-module.ts';

const PAGE = 65536;

/** The part of the WebAssembly JS API used here (the project's TS lib has no DOM typings). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
const align16 = (n: number) => Math.ceil(n / 16) * 16;

/** Whether this runtime runs WebAssembly SIMD. */
export function simdSupported(): boolean {
  try {
    return wasm.validate(simdModuleBytes());
  } catch {
    return false;
  }
}

interface Layout {
  tasks: Float32Array[];
  merged: Float32Array;
  transposed: Float32Array;
  vin: Float32Array;
  vout: Float64Array;
  factors: Float32Array;
  high: Uint32Array;
  highSum: Uint32Array;
  low: Uint32Array;
  table: Int32Array;
  weights: Float32Array;
}

const MAX_TASKS = 4096;

/** SIMD kernels, or undefined where WebAssembly SIMD is unavailable. */
export function simdKernels(): MergeKernels | undefined {
  if (!simdSupported()) return undefined;
  const memory = new wasm.Memory({ initial: 1 });
  const instance = new wasm.Instance(new wasm.Module(simdModuleBytes()), { env: { memory } });
  const k = instance.exports as unknown as SimdExports;
  const jsScratch = topKScratch();
  let layout: Layout | undefined;
  let transposeScratch = new Float32Array(0);

  const inMemory = (x: { buffer: ArrayBufferLike }) => x.buffer === memory.buffer;

  function allocate(spec: ModuleSpec): Layout {
    let offset = 16;
    const take = (bytes: number) => {
      const at = offset;
      offset = align16(offset + bytes);
      return at;
    };
    const taskAt = Array.from({ length: spec.count }, () => take(spec.length * 4));
    const mergedAt = take(spec.length * 4);
    const transposedAt = take(spec.length * 4);
    const vinAt = take(spec.vectors * spec.vectorLength * 4);
    const voutAt = take(spec.vectors * spec.vectorLength * 8);
    const factorsAt = take(spec.factorFloats * 4);
    const highAt = take(HIGH_COPIES * (1 << 15) * 4);
    const lowAt = take((1 << 16) * 4);
    const tableAt = take(MAX_TASKS * 4);
    const weightsAt = take(MAX_TASKS * 4);
    if (offset > memory.buffer.byteLength) memory.grow(Math.ceil((offset - memory.buffer.byteLength) / PAGE));
    const buf = memory.buffer;
    return {
      tasks: taskAt.map((at) => new Float32Array(buf, at, spec.length)),
      merged: new Float32Array(buf, mergedAt, spec.length),
      transposed: new Float32Array(buf, transposedAt, spec.length),
      vin: new Float32Array(buf, vinAt, spec.vectors * spec.vectorLength),
      vout: new Float64Array(buf, voutAt, spec.vectors * spec.vectorLength),
      factors: new Float32Array(buf, factorsAt, spec.factorFloats),
      high: new Uint32Array(buf, highAt, HIGH_COPIES * (1 << 15)),
      highSum: new Uint32Array(1 << 15),
      low: new Uint32Array(buf, lowAt, 1 << 16),
      table: new Int32Array(buf, tableAt, MAX_TASKS),
      weights: new Float32Array(buf, weightsAt, MAX_TASKS),
    };
  }

  function trimWasm(x: Float32Array, kk: number, l: Layout): void {
    const n = x.length;
    if (kk >= n) return;
    if (kk === 0) {
      x.fill(0);
      return;
    }
    l.high.fill(0);
    k.histHigh(x.byteOffset, n, l.high.byteOffset);
    const bins = 1 << 15;
    for (let i = 0; i < bins; i++) {
      let c = 0;
      for (let copy = 0; copy < HIGH_COPIES; copy++) c += l.high[copy * bins + i] as number;
      l.highSum[i] = c;
    }
    let above = 0;
    let h = bins - 1;
    for (; h >= 0; h--) {
      const c = l.highSum[h] as number;
      if (above + c >= kk) break;
      above += c;
    }
    l.low.fill(0);
    k.histLow(x.byteOffset, n, h, l.low.byteOffset);
    let lo = l.low.length - 1;
    for (; lo >= 0; lo--) {
      const c = l.low[lo] as number;
      if (above + c >= kk) break;
      above += c;
    }
    const threshold = ((h << 16) | lo) >>> 0;
    const quota = kk - above;
    const equal = l.low[lo] as number;
    k.trimBelow(x.byteOffset, n * 4, threshold | 0);
    if (threshold !== 0 && equal > quota) {
      // more entries equal the threshold than may be kept: keep the first `quota` in index order
      const bits = new Uint32Array(x.buffer, x.byteOffset, n);
      let seen = 0;
      for (let i = 0; i < n; i++) {
        if (((bits[i] as number) & 0x7fffffff) === threshold) {
          seen += 1;
          if (seen > quota) x[i] = 0;
        }
      }
    }
  }

  return {
    name: 'wasm-simd',
    moduleBuffers(spec) {
      layout = allocate(spec);
      return { tasks: layout.tasks, merged: layout.merged, transposed: layout.transposed };
    },
    delta(f: LoraFactors, out: Float32Array) {
      const l = layout;
      const floats = f.rank * (f.inDim + f.outDim);
      if (!l || !inMemory(out) || f.inDim % 4 !== 0 || floats > l.factors.length) {
        if (transposeScratch.length < f.rank * f.inDim) transposeScratch = new Float32Array(f.rank * f.inDim);
        transpose(f.a, f.rank, f.inDim, transposeScratch);
        lowRankProduct(f.b, transposeScratch, f.scale, f.outDim, f.inDim, f.rank, out);
        return;
      }
      l.factors.set(f.a, 0);
      l.factors.set(f.b, f.a.length);
      const base = l.factors.byteOffset;
      k.delta(base + f.a.length * 4, base, out.byteOffset, f.outDim, f.inDim, f.rank, f.scale);
    },
    trimToTopK(x, kk) {
      if (!layout || !inMemory(x) || x.length % 4 !== 0) return trimToTopK(x, kk, jsScratch);
      trimWasm(x, kk, layout);
    },
    disjointMerge(tasks, weights, out) {
      const l = layout;
      if (!l || tasks.length > MAX_TASKS || !inMemory(out) || out.length % 4 !== 0 || tasks.some((t) => !inMemory(t) || t.length !== out.length)) {
        return mergeTasks(tasks, { method: 'ties', density: 1, weights }, out);
      }
      tasks.forEach((t, i) => {
        l.table[i] = t.byteOffset;
        l.weights[i] = weights[i] as number;
      });
      k.disjoint(l.table.byteOffset, tasks.length, l.weights.byteOffset, out.length * 4, out.byteOffset);
    },
    rowDots(x, rows, kk, v, count, out) {
      const l = layout;
      if (!l || !inMemory(x) || kk % 4 !== 0 || count * kk > l.vin.length || count * rows > l.vout.length) {
        return jsRowDots(x, rows, kk, v, count, out);
      }
      l.vin.set(v.subarray(0, count * kk));
      k.rowDots(x.byteOffset, rows, kk, l.vin.byteOffset, count, l.vout.byteOffset);
      out.set(l.vout.subarray(0, count * rows));
    },
  };
}
