import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GgmlType } from './ggml-types.ts';
import { readGguf } from './gguf-reader.ts';
import { gv } from './gguf-value.ts';
import { tensorFromBytes, writeGguf } from './gguf-writer.ts';
import { checkAdapterAgainstBase, loraMetadata } from './lora-adapter.ts';
import { ModelFileError } from './model-file-error.ts';
import { synthAdapter } from './synth-adapter.ts';
import { synthModel } from './synth-model.ts';

let dir: string;
const p = (n: string) => join(dir, n);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lora-check-'));
  synthModel({ shape: 'tiny', quant: 'q8_0', seed: '1', out: p('base.gguf') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const zeros = (ne: number[]) => tensorFromBytes('', ne, GgmlType.F32, new Uint8Array(4 * ne[0]! * ne[1]!));
const t = (name: string, ne: number[]) => ({ ...zeros(ne), name });

function failure(adapter: string): { code: string; message: string } {
  try {
    checkAdapterAgainstBase(readGguf(adapter), readGguf(p('base.gguf')));
  } catch (e) {
    if (e instanceof ModelFileError) return { code: e.code, message: e.message };
    throw e;
  }
  return { code: 'none', message: '' };
}

describe('LoRA adapters against their base', () => {
  it('accept a synthesised adapter and count its parameters', () => {
    const r = synthAdapter({ base: readGguf(p('base.gguf')), rank: 8, alpha: 16, targets: ['q', 'k', 'v', 'o', 'gate', 'up', 'down'], seed: 's', out: p('ok.gguf'), type: 'f16' });
    const s = checkAdapterAgainstBase(readGguf(p('ok.gguf')), readGguf(p('base.gguf')));
    expect(s.pairs).toHaveLength(14);
    expect(s.alpha).toBe(16);
    expect(s.parameters).toBe(r.parameters);
    // per layer: q 64·8+8·64, k 64·8+8·32, v same, o like q, gate/up 64·8+8·128, down 128·8+8·64
    expect(r.parameters).toBe(2 * (1024 + 768 + 768 + 1024 + 1536 + 1536 + 1536));
  });

  it('name the architectures when they differ', () => {
    writeGguf(p('llama.gguf'), loraMetadata('llama', 16, 'x'), [t('blk.0.attn_q.weight.lora_a', [64, 8]), t('blk.0.attn_q.weight.lora_b', [8, 64])]);
    const f = failure(p('llama.gguf'));
    expect(f.code).toBe('model/wrong-architecture');
    expect(f.message).toContain('"llama"');
    expect(f.message).toContain('"qwen2"');
  });

  it('name the tensor and both shapes on a shape mismatch', () => {
    writeGguf(p('shape.gguf'), loraMetadata('qwen2', 16, 'x'), [t('blk.0.attn_k.weight.lora_a', [64, 8]), t('blk.0.attn_k.weight.lora_b', [8, 64])]);
    const f = failure(p('shape.gguf'));
    expect(f.code).toBe('adapter/shape-mismatch');
    expect(f.message).toContain('blk.0.attn_k.weight');
    expect(f.message).toContain('[64, 32]');
    expect(f.message).toContain('[8, 64]');
  });

  it('report unpaired tensors, tensors the base lacks, and files that are not adapters', () => {
    writeGguf(p('unpaired.gguf'), loraMetadata('qwen2', 16, 'x'), [t('blk.0.attn_q.weight.lora_a', [64, 8])]);
    expect(failure(p('unpaired.gguf')).code).toBe('adapter/unpaired');
    writeGguf(p('missing.gguf'), loraMetadata('qwen2', 16, 'x'), [t('blk.9.attn_q.weight.lora_a', [64, 8]), t('blk.9.attn_q.weight.lora_b', [8, 64])]);
    expect(failure(p('missing.gguf')).code).toBe('adapter/missing-tensor');
    expect(failure(p('base.gguf')).code).toBe('adapter/not-lora');
    writeGguf(p('notype.gguf'), [['general.architecture', gv.str('qwen2')]], [t('blk.0.attn_q.weight.lora_a', [64, 8])]);
    expect(failure(p('notype.gguf')).code).toBe('adapter/not-lora');
  });
});
