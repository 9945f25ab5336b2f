/**
 * Public API of src/merge: merging LoRA adapters — correct merges in weight-delta space (linear,
 * TIES, DARE) re-factored to rank r by truncated SVD with the kept energy reported, and the
 * published factor-wise PEFT merges for like-for-like comparison — plus the GGUF edge that reads
 * adapters and writes the merged one. Everything except gguf-adapters.ts is pure arithmetic.
 */
export { loraScale, factorNe, checkFactors, type LoraFactors } from './layout.ts';
export { keepCount, topKCut, trimToTopK, topKScratch, type TopKCut, type TopKScratch } from './top-k.ts';
export { seededStream, type SeededStream } from './seeded-stream.ts';
export { mergeTasks, dareMask, TASK_METHODS, type TaskMethod, type TaskMergeOptions } from './task-merge.ts';
export { lowRankProduct, rowDots, transpose, sumSquares } from './kernels.ts';
export { orthonormalize, type Orthonormal } from './orthonormalize.ts';
export { jacobiSvd, type SmallSvd } from './jacobi-svd.ts';
export { svdOfSum, energyOf, type Svd } from './factored-svd.ts';
export { randomizedSvd, type RandomizedSvdOptions, type TruncatedSvd } from './randomized-svd.ts';
export { svdToLora } from './refactor.ts';
export { MergeWorkspace } from './workspace.ts';
export { jsKernels, type MergeKernels, type ModuleBuffers, type ModuleSpec } from './merge-kernels.ts';
export { simdKernels, simdSupported } from './wasm/simd-kernels.ts';
export { createKernels } from './create-kernels.ts';
export {
  MERGE_METHODS, isFactorMethod, methodLabel, taskMethodOf, usesDensity,
  type DeltaMethod, type FactorMethod, type MergeMethod, type MergeOptions,
} from './methods.ts';
export { mergeModule, type MergedModule } from './merge-module.ts';
export { mergeAdapters, moduleUnion, type MergeInput, type MergeReport, type MergedAdapter, type ModuleInfo, type ModuleReport } from './merge-adapters.ts';
export { openAdapterForMerge, checkMergeInputs, writeMergedAdapter, type AdapterForMerge, type WriteMergedOptions } from './gguf-adapters.ts';
export { mergeAdapterFiles, type MergeFilesOptions, type MergeFilesResult } from './merge-files.ts';
