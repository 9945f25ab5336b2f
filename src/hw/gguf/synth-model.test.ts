import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GgmlType } from './ggml-types.ts';
import { readGguf, readTensorBytes } from './gguf-reader.ts';
import { toHalfBits } from './half-float.ts';
import { QWEN2_SHAPES, qwen2Tensors } from './qwen2-shapes.ts';
import { synthModel, WEIGHT_SIGMA } from './synth-model.ts';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'synth-model-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('synthetic qwen2 models', () => {
  it('hold the qwen2 tensors and metadata llama.cpp needs', () => {
    const path = join(dir, 'tiny.gguf');
    synthModel({ shape: 'tiny', quant: 'q8_0', seed: '1', out: path });
    const f = readGguf(path);
    const s = QWEN2_SHAPES.tiny;
    expect(f.tensors.map((t) => [t.name, t.ne])).toEqual(qwen2Tensors(s).map((t) => [t.name, t.ne]));
    expect(f.tensorByName.get('blk.0.attn_k.weight')?.ne).toEqual([64, 32]);
    expect(f.tensorByName.get('blk.1.ffn_down.weight')?.type).toBe(GgmlType.Q8_0);
    expect(f.tensorByName.get('blk.1.ffn_norm.weight')?.type).toBe(GgmlType.F32);
    for (const k of ['qwen2.attention.layer_norm_rms_epsilon', 'tokenizer.ggml.merges', 'tokenizer.ggml.tokens', 'tokenizer.chat_template']) expect(f.metadata.has(k)).toBe(true);
    const tokens = f.metadata.get('tokenizer.ggml.tokens');
    expect(tokens?.type === 'array' && tokens.value.slice(32, 33)).toEqual(['Ġ']);
    expect(tokens?.type === 'array' && tokens.value[10]).toBe('Ċ');
    expect(tokens?.type === 'array' && tokens.value[257]).toBe('<|im_start|>');
  });

  it('set every Q8_0 block scale so weights have std ≈ 0.02', () => {
    const f = readGguf(join(dir, 'tiny.gguf'));
    const b = readTensorBytes(f, f.tensorByName.get('blk.0.attn_q.weight')!);
    const scale = toHalfBits(WEIGHT_SIGMA / 73.9);
    for (let i = 0; i < b.length; i += 34) expect(b.readUInt16LE(i)).toBe(scale);
  });

  it('are deterministic for a seed and differ across seeds', () => {
    synthModel({ shape: 'tiny', quant: 'q4_0', seed: 'x', out: join(dir, 'a.gguf') });
    synthModel({ shape: 'tiny', quant: 'q4_0', seed: 'x', out: join(dir, 'b.gguf') });
    synthModel({ shape: 'tiny', quant: 'q4_0', seed: 'y', out: join(dir, 'c.gguf') });
    const [a, b, c] = ['a', 'b', 'c'].map((n) => readFileSync(join(dir, `${n}.gguf`)));
    expect(a!.equals(b!)).toBe(true);
    expect(a!.equals(c!)).toBe(false);
  });

  it('give Qwen2.5-0.5B its exact tensor shapes and parameter count', () => {
    const t = qwen2Tensors(QWEN2_SHAPES['qwen2.5-0.5b']);
    const params = t.reduce((n, x) => n + x.ne.reduce((a, b) => a * b, 1), 0);
    expect(params).toBe(494_032_768); // Qwen2.5-0.5B: 0.49 B parameters, tied embeddings
    expect(t.find((x) => x.name === 'token_embd.weight')?.ne).toEqual([896, 151936]);
    expect(t.some((x) => x.name === 'output.weight')).toBe(false);
  });
});
