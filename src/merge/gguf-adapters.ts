/**
 * The file edge of src/merge (the rest of the folder is pure arithmetic): opens GGUF LoRA
 * adapters as merge inputs (factors read one module at a time, F32/F16/BF16 → float32), checks
 * that the inputs belong together (one base architecture, equal weight shapes per module, and
 * optionally the base model itself), and writes the merged adapter as a GGUF LoRA for the same
 * base — alpha = rank, the merge recorded under `gossip.merge.*` (llama.cpp ignores those keys).
 * Every problem is a `ModelFileError` naming the file and the tensor.
 */
import { basename } from 'node:path';
import {
  bf16ToF32, checkAdapterAgainstBase, GgmlType, ggmlTypeName, gv, halfToF32, loraMetadata, loraSummary, matrixTensor,
  ModelFileError, readGguf, readTensorBytes, writeGguf, type GgufFile, type GgufTensorInfo, type GgufValue, type LoraSummary,
} from '../hw/gguf/index.ts';
import { factorNe, loraScale, type LoraFactors } from './layout.ts';
import type { MergedAdapter, MergeInput, ModuleInfo } from './merge-adapters.ts';
import { usesDensity } from './methods.ts';

export interface AdapterForMerge {
  readonly path: string;
  readonly file: GgufFile;
  readonly summary: LoraSummary;
  readonly input: MergeInput;
}

function floats(file: GgufFile, t: GgufTensorInfo): Float32Array {
  const bytes = readTensorBytes(file, t);
  const count = t.ne.reduce((a, b) => a * b, 1);
  const copy = new Uint8Array(bytes); // aligned copy
  switch (t.type) {
    case GgmlType.F32: return new Float32Array(copy.buffer, 0, count);
    case GgmlType.F16: { const out = new Float32Array(count); halfToF32(new Uint16Array(copy.buffer, 0, count), out); return out; }
    case GgmlType.BF16: { const out = new Float32Array(count); bf16ToF32(new Uint16Array(copy.buffer, 0, count), out); return out; }
    default:
      throw new ModelFileError('gguf/bad-value', `${file.path}: tensor "${t.name}" is ${ggmlTypeName(t.type)}; merging reads F32, F16 or BF16 LoRA tensors`);
  }
}

/** Opens a GGUF LoRA adapter for merging (reads the index only; factors load per module). */
export function openAdapterForMerge(path: string): AdapterForMerge {
  const file = readGguf(path);
  const summary = loraSummary(file);
  const alpha = summary.alpha;
  const modules: ModuleInfo[] = summary.pairs.map((p) => ({ name: p.target, rank: p.rank, inDim: p.a.ne[0] as number, outDim: p.b.ne[1] as number }));
  const pairs = new Map(summary.pairs.map((p) => [p.target, p]));
  return {
    path,
    file,
    summary,
    input: {
      label: path,
      modules,
      load(name: string): LoraFactors {
        const p = pairs.get(name);
        if (!p) throw new RangeError(`${path}: no LoRA pair for ${name}`);
        return { a: floats(file, p.a), b: floats(file, p.b), rank: p.rank, inDim: p.a.ne[0] as number, outDim: p.b.ne[1] as number, scale: loraScale(alpha, p.rank) };
      },
    },
  };
}

/**
 * Checks that adapters can be merged: one base architecture, and every module that several
 * adapters adapt has one weight shape; with `base`, every adapter is checked against it.
 */
export function checkMergeInputs(adapters: readonly AdapterForMerge[], base?: GgufFile): void {
  const first = adapters[0];
  if (!first) throw new ModelFileError('adapter/not-lora', 'nothing to merge: name at least two adapter files');
  for (const a of adapters) {
    if (a.summary.architecture !== first.summary.architecture) {
      throw new ModelFileError('model/wrong-architecture', `${a.path}: adapter is for architecture "${a.summary.architecture}", but ${first.path} is for "${first.summary.architecture}"; adapters of different bases cannot be merged`);
    }
    if (base) checkAdapterAgainstBase(a.file, base);
  }
  const seen = new Map<string, { path: string; m: ModuleInfo }>();
  for (const a of adapters) {
    for (const m of a.input.modules) {
      const prev = seen.get(m.name);
      if (!prev) {
        seen.set(m.name, { path: a.path, m });
        continue;
      }
      if (prev.m.inDim !== m.inDim || prev.m.outDim !== m.outDim) {
        throw new ModelFileError(
          'adapter/shape-mismatch',
          `${a.path}: "${m.name}" adapts a weight of [out ${m.outDim} × in ${m.inDim}], but ${prev.path} adapts it as [out ${prev.m.outDim} × in ${prev.m.inDim}]; the adapters are not for the same base`,
        );
      }
    }
  }
}

export interface WriteMergedOptions {
  readonly architecture: string;
  readonly type: 'f16' | 'f32';
  /** general.name of the merged adapter. */
  readonly name?: string;
}

/** Writes the merged adapter; returns the file size in bytes. */
export function writeMergedAdapter(out: string, merged: MergedAdapter, o: WriteMergedOptions): number {
  const r = merged.report;
  const name = o.name ?? `${r.method} merge of ${r.inputs.map((p) => basename(p)).join(', ')}`;
  const metadata: [string, GgufValue][] = [
    ...loraMetadata(o.architecture, merged.alpha, name),
    ['gossip.merge.method', gv.str(r.method)],
    ['gossip.merge.inputs', gv.strings(r.inputs.map((p) => basename(p)))],
    ['gossip.merge.weights', gv.f32s([...r.weights])],
    ['gossip.merge.seed', gv.str(r.seed)],
  ];
  if (usesDensity(r.method) && r.density !== null) metadata.push(['gossip.merge.density', gv.f32(r.density)]);
  if (!Number.isNaN(r.keptFraction)) metadata.push(['gossip.merge.kept_energy', gv.f32(r.keptFraction)]);
  const tensors = merged.modules.flatMap((m) => {
    const ne = factorNe(m);
    return [matrixTensor(`${m.name}.lora_a`, ne.a, m.a, o.type), matrixTensor(`${m.name}.lora_b`, ne.b, m.b, o.type)];
  });
  return writeGguf(out, metadata, tensors);
}
