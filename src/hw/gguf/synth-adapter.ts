/**
 * `gossip adapter synth`: a random LoRA adapter GGUF for a base model, deterministic from a seed:
 * rank r on the chosen targets (q, k, v, o, gate, up, down) of every layer. A has entries of std
 * 1/√in (so A·x has unit scale), B has small nonzero entries (std 0.01; a freshly initialised PEFT
 * adapter has B = 0 and would change nothing), stored as F16 (default) or F32.
 * Knows nothing about llama.cpp.
 */
import { GgmlType } from './ggml-types.ts';
import type { GgufFile } from './gguf-reader.ts';
import { asString } from './gguf-value.ts';
import { tensorFromBytes, writeGguf, type TensorSource } from './gguf-writer.ts';
import { f32ToHalf } from './half-float.ts';
import { loraMetadata } from './lora-adapter.ts';
import { ModelFileError } from './model-file-error.ts';
import { LORA_TARGETS, type LoraTarget } from './qwen2-shapes.ts';
import { seededBytes, uniformValues } from './random-weights.ts';

export const LORA_B_SIGMA = 0.01;

export interface SynthAdapterOptions {
  readonly base: GgufFile;
  readonly rank: number;
  readonly targets: readonly LoraTarget[];
  readonly alpha: number;
  readonly seed: string;
  readonly out: string;
  readonly type: 'f16' | 'f32';
  readonly name?: string;
}

export interface SynthAdapterResult {
  readonly bytes: number;
  readonly parameters: number;
  readonly pairs: number;
}

export function matrixTensor(name: string, ne: readonly [number, number], values: Float32Array, type: 'f16' | 'f32'): TensorSource {
  if (type === 'f32') return tensorFromBytes(name, ne, GgmlType.F32, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  const h = new Uint16Array(values.length);
  f32ToHalf(values, h);
  return tensorFromBytes(name, ne, GgmlType.F16, new Uint8Array(h.buffer));
}

export function synthAdapter(o: SynthAdapterOptions): SynthAdapterResult {
  if (!Number.isInteger(o.rank) || o.rank < 1) throw new RangeError(`rank must be a positive integer, got ${o.rank}`);
  const arch = asString(o.base.metadata.get('general.architecture'));
  if (arch === undefined) throw new ModelFileError('model/missing-key', `${o.base.path}: no general.architecture; not a model GGUF`);
  const stems = new Set(o.targets.map((t) => LORA_TARGETS[t]));
  const tensors: TensorSource[] = [];
  let parameters = 0;
  for (const w of o.base.tensors) {
    const m = /^blk\.\d+\.([a-z_]+)\.weight$/.exec(w.name);
    if (!m || !stems.has(m[1] as (typeof LORA_TARGETS)[LoraTarget]) || w.ne.length !== 2) continue;
    const [inDim, outDim] = w.ne as [number, number];
    const a = uniformValues(seededBytes(o.seed, `lora/${w.name}.lora_a`), inDim * o.rank, 1 / Math.sqrt(inDim));
    const b = uniformValues(seededBytes(o.seed, `lora/${w.name}.lora_b`), o.rank * outDim, LORA_B_SIGMA);
    tensors.push(matrixTensor(`${w.name}.lora_a`, [inDim, o.rank], a, o.type), matrixTensor(`${w.name}.lora_b`, [o.rank, outDim], b, o.type));
    parameters += a.length + b.length;
  }
  if (tensors.length === 0) throw new ModelFileError('adapter/missing-tensor', `${o.base.path}: no layer weights match the targets ${o.targets.join(', ')}`);
  const name = o.name ?? `synthetic rank-${o.rank} adapter (seed ${o.seed})`;
  const bytes = writeGguf(o.out, loraMetadata(arch, o.alpha, name), tensors);
  return { bytes, parameters, pairs: tensors.length / 2 };
}
