/**
 * Picking the kernels of a merge: WebAssembly SIMD when the runtime has it ('auto', the default),
 * or plain JavaScript (the reference; also what 'auto' falls back to). Knows nothing else.
 */
import { jsKernels, type MergeKernels } from './merge-kernels.ts';
import { simdKernels } from './wasm/simd-kernels.ts';

export function createKernels(backend: 'auto' | 'js' | 'wasm-simd'): MergeKernels {
  if (backend === 'js') return jsKernels();
  const simd = simdKernels();
  if (simd) return simd;
  if (backend === 'wasm-simd') throw new RangeError('WebAssembly SIMD is not available in this runtime; use the js backend');
  return jsKernels();
}
