import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GgmlType } from './ggml-types.ts';
import { readGguf, readTensorBytes } from './gguf-reader.ts';
import { checkAdapterAgainstBase } from './lora-adapter.ts';
import { ModelFileError } from './model-file-error.ts';
import { importPeft } from './peft-import.ts';
import { readSafetensors } from './safetensors.ts';
import { synthModel } from './synth-model.ts';
import { peftName, safetensorsBytes, writePeftFolder, type TestTensor } from './test-kit.ts';

let dir: string;
const p = (n: string) => join(dir, n);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'peft-'));
  synthModel({ shape: 'tiny', quant: 'q8_0', seed: '1', out: p('base.gguf') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ramp = (n: number, scale = 1) => Float32Array.from({ length: n }, (_, i) => ((i % 7) - 3) * 0.125 * scale);
/** LoRA A/B for q_proj (64→64) and k_proj (64→32) of layer 0 and v_proj of layer 1, rank 4. */
function tensors(dtype: TestTensor['dtype'] = 'F32'): TestTensor[] {
  const r = 4;
  return [
    { name: peftName(0, 'q_proj', 'A'), shape: [r, 64], values: ramp(r * 64), dtype },
    { name: peftName(0, 'q_proj', 'B'), shape: [64, r], values: ramp(64 * r, 2), dtype },
    { name: peftName(0, 'k_proj', 'A'), shape: [r, 64], values: ramp(r * 64), dtype },
    { name: peftName(0, 'k_proj', 'B'), shape: [32, r], values: ramp(32 * r), dtype },
    { name: peftName(1, 'v_proj', 'A'), shape: [r, 64], values: ramp(r * 64), dtype },
    { name: peftName(1, 'v_proj', 'B'), shape: [32, r], values: ramp(32 * r), dtype },
  ];
}

function code(f: () => unknown): string {
  try { f(); } catch (e) { if (e instanceof ModelFileError) return e.code; throw e; }
  return 'none';
}

describe('PEFT import', () => {
  it('maps names, keeps values and orientation (torch [r, in] is ne [in, r]), checks against the base', () => {
    writePeftFolder(p('f32'), { r: 4, lora_alpha: 8, target_modules: ['q_proj', 'k_proj', 'v_proj'] }, tensors());
    const r = importPeft(p('f32'), readGguf(p('base.gguf')), p('f32.gguf'));
    expect(r).toMatchObject({ pairs: 3, rank: 4, alpha: 8 });
    const a = readGguf(p('f32.gguf'));
    checkAdapterAgainstBase(a, readGguf(p('base.gguf')));
    expect(a.tensors.map((t) => [t.name, t.ne])).toEqual([
      ['blk.0.attn_k.weight.lora_a', [64, 4]], ['blk.0.attn_k.weight.lora_b', [4, 32]],
      ['blk.0.attn_q.weight.lora_a', [64, 4]], ['blk.0.attn_q.weight.lora_b', [4, 64]],
      ['blk.1.attn_v.weight.lora_a', [64, 4]], ['blk.1.attn_v.weight.lora_b', [4, 32]],
    ]);
    const qb = readTensorBytes(a, a.tensorByName.get('blk.0.attn_q.weight.lora_b')!);
    expect([...new Float32Array(new Uint8Array(qb).buffer)]).toEqual([...ramp(256, 2)]);
  });

  it('keeps F16 as F16, widens BF16 to F32 exactly, and stores rsLoRA as alpha·√r', () => {
    writePeftFolder(p('f16'), { r: 4, lora_alpha: 8 }, tensors('F16'));
    importPeft(p('f16'), readGguf(p('base.gguf')), p('f16.gguf'));
    expect(readGguf(p('f16.gguf')).tensors.every((t) => t.type === GgmlType.F16)).toBe(true);
    writePeftFolder(p('bf16'), { r: 4, lora_alpha: 8, use_rslora: true }, tensors('BF16'));
    const r = importPeft(p('bf16'), readGguf(p('base.gguf')), p('bf16.gguf'));
    expect(r.alpha).toBe(16);
    const g = readGguf(p('bf16.gguf'));
    const kb = readTensorBytes(g, g.tensorByName.get('blk.0.attn_k.weight.lora_b')!);
    expect([...new Float32Array(new Uint8Array(kb).buffer)]).toEqual([...ramp(128)]);
  });

  it('names the tensor and both shapes on a mismatch', () => {
    const bad = tensors().map((t) => (t.name === peftName(0, 'k_proj', 'B') ? { ...t, shape: [64, 4], values: ramp(256) } : t));
    writePeftFolder(p('shape'), { r: 4, lora_alpha: 8 }, bad);
    let message = '';
    try { importPeft(p('shape'), readGguf(p('base.gguf')), p('shape.gguf')); } catch (e) { message = (e as Error).message; expect((e as ModelFileError).code).toBe('adapter/shape-mismatch'); }
    expect(message).toContain(peftName(0, 'k_proj', 'B'));
    expect(message).toContain('[64, 4]');
    expect(message).toContain('[32, 4]');
  });

  it('refuses what a GGUF LoRA cannot hold, with the reason', () => {
    const base = readGguf(p('base.gguf'));
    writePeftFolder(p('dora'), { r: 4, lora_alpha: 8, use_dora: true }, tensors());
    expect(code(() => importPeft(p('dora'), base, p('x.gguf')))).toBe('peft/unsupported');
    writePeftFolder(p('save'), { r: 4, lora_alpha: 8, modules_to_save: ['lm_head'] }, tensors());
    expect(code(() => importPeft(p('save'), base, p('x.gguf')))).toBe('peft/unsupported');
    writePeftFolder(p('nor'), { lora_alpha: 8 }, tensors());
    expect(code(() => importPeft(p('nor'), base, p('x.gguf')))).toBe('peft/invalid-config');
    writePeftFolder(p('emb'), { r: 4, lora_alpha: 8 }, [...tensors(), { name: 'base_model.model.model.embed_tokens.lora_embedding_A', shape: [4, 259], values: ramp(4 * 259) }]);
    expect(code(() => importPeft(p('emb'), base, p('x.gguf')))).toBe('peft/unknown-tensor');
    writePeftFolder(p('unpaired'), { r: 4, lora_alpha: 8 }, tensors().slice(0, 3));
    expect(code(() => importPeft(p('unpaired'), base, p('x.gguf')))).toBe('adapter/unpaired');
    writePeftFolder(p('layer9'), { r: 4, lora_alpha: 8 }, tensors().map((t) => ({ ...t, name: t.name.replace('layers.1.', 'layers.9.') })));
    expect(code(() => importPeft(p('layer9'), base, p('x.gguf')))).toBe('adapter/missing-tensor');
    expect(code(() => importPeft(p('no-such-folder'), base, p('x.gguf')))).toBe('file/unreadable');
  });

  it('reads safetensors defensively: truncated or garbage files are named errors', () => {
    const good = safetensorsBytes(tensors());
    for (const n of [0, 5, 8, 40, good.length - 1]) {
      writeFileSync(p('cut.safetensors'), good.subarray(0, n));
      expect(code(() => readSafetensors(p('cut.safetensors')))).toBe('safetensors/truncated');
    }
    writeFileSync(p('junk.safetensors'), Buffer.concat([Buffer.from([16, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('not json at all!')]));
    expect(code(() => readSafetensors(p('junk.safetensors')))).toBe('safetensors/invalid');
    const header = JSON.parse(readFileSync(p('f32/adapter_model.safetensors')).subarray(8, 8 + Number(good.readBigUInt64LE(0))).toString());
    expect(Object.keys(header)).toContain('__metadata__');
  });
});
