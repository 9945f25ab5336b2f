/**
 * Test helpers for weight files: a minimal safetensors writer and a PEFT adapter folder writer
 * (`adapter_config.json` + `adapter_model.safetensors`), as PEFT's `save_pretrained` lays them
 * out. Used by unit tests here and by test/llm; not part of the public API.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { f32ToHalf } from './half-float.ts';

export interface TestTensor {
  readonly name: string;
  /** Torch shape, outermost first. */
  readonly shape: readonly number[];
  readonly values: Float32Array;
  readonly dtype?: 'F32' | 'F16' | 'BF16';
}

function encode(t: TestTensor): Uint8Array {
  const dtype = t.dtype ?? 'F32';
  if (dtype === 'F32') return new Uint8Array(t.values.buffer.slice(t.values.byteOffset, t.values.byteOffset + t.values.byteLength));
  const h = new Uint16Array(t.values.length);
  if (dtype === 'F16') f32ToHalf(t.values, h);
  else {
    const bits = new Uint32Array(t.values.buffer, t.values.byteOffset, t.values.length);
    for (let i = 0; i < h.length; i++) h[i] = (bits[i] as number) >>> 16; // truncation: tests use bf16-exact values
  }
  return new Uint8Array(h.buffer);
}

/** Bytes of a safetensors file holding `tensors` (in order). */
export function safetensorsBytes(tensors: readonly TestTensor[], metadata: Record<string, string> = { format: 'pt' }): Buffer {
  const header: Record<string, unknown> = { __metadata__: metadata };
  const bodies: Uint8Array[] = [];
  let at = 0;
  for (const t of tensors) {
    const b = encode(t);
    header[t.name] = { dtype: t.dtype ?? 'F32', shape: t.shape, data_offsets: [at, at + b.length] };
    bodies.push(b);
    at += b.length;
  }
  let json = JSON.stringify(header);
  while ((8 + Buffer.byteLength(json)) % 8 !== 0) json += ' ';
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(Buffer.byteLength(json)));
  return Buffer.concat([len, Buffer.from(json), ...bodies]);
}

export function writePeftFolder(dir: string, config: Record<string, unknown>, tensors: readonly TestTensor[]): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'adapter_config.json'), JSON.stringify({ peft_type: 'LORA', task_type: 'CAUSAL_LM', ...config }, null, 2));
  writeFileSync(join(dir, 'adapter_model.safetensors'), safetensorsBytes(tensors));
}

/** PEFT's tensor name for a module of layer `layer` ('q_proj', 'gate_proj', ...). */
export function peftName(layer: number, module: string, ab: 'A' | 'B'): string {
  const group = module.endsWith('_proj') && ['gate_proj', 'up_proj', 'down_proj'].includes(module) ? 'mlp' : 'self_attn';
  return `base_model.model.model.layers.${layer}.${group}.${module}.lora_${ab}.weight`;
}
