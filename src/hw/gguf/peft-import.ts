/**
 * `gossip adapter import-peft`: converts a PEFT LoRA folder (`adapter_config.json` +
 * `adapter_model.safetensors`, F32/F16/BF16) into a GGUF LoRA adapter for a given base GGUF.
 * Name map: `[base_model.model.]model.layers.N.self_attn.{q,k,v,o}_proj` → `blk.N.attn_{q,k,v,output}`,
 * `mlp.{gate,up,down}_proj` → `blk.N.ffn_{gate,up,down}`, suffix `.weight.lora_a|b`. No transpose:
 * torch `lora_A.weight` [r, in] row-major is ne = [in, r]; `lora_B.weight` [out, r] is ne = [r, out].
 * Every pair is checked against the base tensor (a mismatch names the tensor and both shapes).
 * rsLoRA (scale alpha/√r) is kept exact by storing alpha·√r, since llama.cpp scales by alpha/r.
 * F16 stays F16; F32 and BF16 become F32 (exact). DoRA, fan_in_fan_out, alpha_pattern and
 * modules_to_save (full weights) are refused with a reason. Knows nothing about llama.cpp.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { GgmlType } from './ggml-types.ts';
import type { GgufFile } from './gguf-reader.ts';
import { asString } from './gguf-value.ts';
import { tensorFromBytes, writeGguf, type TensorSource } from './gguf-writer.ts';
import { loraMetadata } from './lora-adapter.ts';
import { ModelFileError } from './model-file-error.ts';
import { readSafetensorBytes, readSafetensorF32, readSafetensors, type SafetensorsEntry } from './safetensors.ts';

const MODULES: Record<string, string> = {
  q_proj: 'attn_q', k_proj: 'attn_k', v_proj: 'attn_v', o_proj: 'attn_output',
  gate_proj: 'ffn_gate', up_proj: 'ffn_up', down_proj: 'ffn_down',
};
const NAME = /^(?:base_model\.model\.)?model\.layers\.(\d+)\.(?:self_attn|mlp)\.([a-z_]+)\.lora_(A|B)(?:\.[A-Za-z0-9_-]+)?\.weight$/;

export interface PeftConfig {
  readonly r: number;
  readonly alpha: number;
  readonly rslora: boolean;
  readonly baseModel: string | undefined;
  readonly rankPattern: boolean;
}

export function readPeftConfig(dir: string): PeftConfig {
  const path = join(dir, 'adapter_config.json');
  const bad = (m: string) => new ModelFileError('peft/invalid-config', `${path}: ${m}`);
  const unsupported = (m: string) => new ModelFileError('peft/unsupported', `${path}: ${m}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== undefined) throw new ModelFileError('file/unreadable', `${path}: cannot read the PEFT config (${code === 'ENOENT' ? 'no such file; is this a PEFT adapter folder?' : code})`);
    throw bad('not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null) throw bad('not a JSON object');
  const c = raw as Record<string, unknown>;
  if (c.peft_type !== undefined && c.peft_type !== 'LORA') throw unsupported(`peft_type is ${JSON.stringify(c.peft_type)}; only LORA adapters can be imported`);
  if (!Number.isInteger(c.r) || (c.r as number) < 1) throw bad(`"r" must be a positive integer, got ${JSON.stringify(c.r)}`);
  if (typeof c.lora_alpha !== 'number' || !Number.isFinite(c.lora_alpha)) throw bad(`"lora_alpha" must be a number, got ${JSON.stringify(c.lora_alpha)}`);
  if (c.use_dora === true) throw unsupported('use_dora is true; DoRA adapters cannot run as plain LoRA in llama.cpp');
  if (c.fan_in_fan_out === true) throw unsupported('fan_in_fan_out is true (Conv1D layout); Qwen2 adapters use Linear layers');
  if (c.alpha_pattern && typeof c.alpha_pattern === 'object' && Object.keys(c.alpha_pattern).length > 0) throw unsupported('alpha_pattern sets per-module alphas; a GGUF adapter has one alpha');
  if (Array.isArray(c.modules_to_save) && c.modules_to_save.length > 0) throw unsupported(`modules_to_save (${c.modules_to_save.join(', ')}) holds full weights, which a LoRA GGUF cannot carry`);
  const rankPattern = !!c.rank_pattern && typeof c.rank_pattern === 'object' && Object.keys(c.rank_pattern).length > 0;
  return { r: c.r as number, alpha: c.lora_alpha, rslora: c.use_rslora === true, baseModel: typeof c.base_model_name_or_path === 'string' ? c.base_model_name_or_path : undefined, rankPattern };
}

export interface PeftImportResult {
  readonly bytes: number;
  readonly pairs: number;
  readonly rank: number;
  readonly alpha: number;
  readonly parameters: number;
}

const torch = (s: readonly number[]) => `[${s.join(', ')}]`;

export function importPeft(dir: string, base: GgufFile, out: string): PeftImportResult {
  const config = readPeftConfig(dir);
  const stPath = join(dir, 'adapter_model.safetensors');
  if (!existsSync(stPath) && existsSync(join(dir, 'adapter_model.bin'))) {
    throw new ModelFileError('peft/unsupported', `${join(dir, 'adapter_model.bin')}: pickle weights are not read (unsafe); save the adapter with safe_serialization=True`);
  }
  const st = readSafetensors(stPath);
  const arch = asString(base.metadata.get('general.architecture'));
  if (arch === undefined) throw new ModelFileError('model/missing-key', `${base.path}: no general.architecture; not a model GGUF`);

  const pairs = new Map<string, { a?: SafetensorsEntry; b?: SafetensorsEntry }>();
  for (const e of st.entries.values()) {
    const m = NAME.exec(e.name);
    const stem = m ? MODULES[m[2] as string] : undefined;
    if (!m || stem === undefined) {
      throw new ModelFileError('peft/unknown-tensor', `${stPath}: tensor "${e.name}" is not a LoRA A/B matrix of q/k/v/o/gate/up/down_proj in model.layers.N (embedding or lm_head adapters are not supported)`);
    }
    if (e.dtype !== 'F32' && e.dtype !== 'F16' && e.dtype !== 'BF16') throw new ModelFileError('peft/unsupported', `${stPath}: tensor "${e.name}" is ${e.dtype}; expected F32, F16 or BF16`);
    const target = `blk.${m[1]}.${stem}.weight`;
    const p = pairs.get(target) ?? {};
    p[m[3] === 'A' ? 'a' : 'b'] = e;
    pairs.set(target, p);
  }
  if (pairs.size === 0) throw new ModelFileError('peft/unknown-tensor', `${stPath}: no LoRA tensors found`);

  const order = [...pairs.keys()].sort((x, y) => {
    const lx = Number(/^blk\.(\d+)/.exec(x)?.[1]);
    const ly = Number(/^blk\.(\d+)/.exec(y)?.[1]);
    return lx !== ly ? lx - ly : x < y ? -1 : 1;
  });
  const tensors: TensorSource[] = [];
  let parameters = 0;
  for (const target of order) {
    const { a, b } = pairs.get(target)!;
    if (!a || !b) throw new ModelFileError('adapter/unpaired', `${stPath}: ${(a ?? b)!.name} has no matching lora_${a ? 'B' : 'A'} tensor`);
    const w = base.tensorByName.get(target);
    if (!w || w.ne.length !== 2) throw new ModelFileError('adapter/missing-tensor', `${stPath}: ${a.name} maps to "${target}", which the base ${base.path} does not have`);
    const [inDim, outDim] = w.ne as [number, number];
    const r = a.shape[0] as number;
    if (a.shape.length !== 2 || a.shape[1] !== inDim) {
      throw new ModelFileError('adapter/shape-mismatch', `${stPath}: ${a.name} has shape ${torch(a.shape)}, but the base tensor "${target}" has ne [${inDim}, ${outDim}] (in, out), so lora_A must be [r, ${inDim}]`);
    }
    if (b.shape.length !== 2 || b.shape[0] !== outDim || b.shape[1] !== r) {
      throw new ModelFileError('adapter/shape-mismatch', `${stPath}: ${b.name} has shape ${torch(b.shape)}, but the base tensor "${target}" has ne [${inDim}, ${outDim}] (in, out) and lora_A has rank ${r}, so lora_B must be [${outDim}, ${r}]`);
    }
    if (!config.rankPattern && r !== config.r) {
      throw new ModelFileError('adapter/shape-mismatch', `${stPath}: ${a.name} has rank ${r}, but adapter_config.json says r = ${config.r}`);
    }
    for (const [entry, suffix, ne] of [[a, 'lora_a', [inDim, r]], [b, 'lora_b', [r, outDim]]] as const) {
      const name = `${target}.${suffix}`;
      if (entry.dtype === 'F16') tensors.push(tensorFromBytes(name, ne, GgmlType.F16, readSafetensorBytes(st, entry)));
      else {
        const v = readSafetensorF32(st, entry);
        tensors.push(tensorFromBytes(name, ne, GgmlType.F32, new Uint8Array(v.buffer, v.byteOffset, v.byteLength)));
      }
      parameters += ne[0] * ne[1];
    }
  }
  // llama.cpp scales by alpha / r; rsLoRA scales by alpha / √r = (alpha·√r) / r.
  const alpha = config.rslora ? config.alpha * Math.sqrt(config.r) : config.alpha;
  const name = `${config.baseModel ? `${config.baseModel} ` : ''}LoRA imported from ${basename(dir)}`;
  const bytes = writeGguf(out, loraMetadata(arch, alpha, name), tensors);
  return { bytes, pairs: order.length, rank: config.r, alpha, parameters };
}
