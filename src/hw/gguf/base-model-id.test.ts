import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseModelId } from './base-model-id.ts';
import { readGguf, readTensorBytes } from './gguf-reader.ts';
import { gv } from './gguf-value.ts';
import { tensorFromBytes, writeGguf } from './gguf-writer.ts';
import { ModelFileError } from './model-file-error.ts';
import { synthAdapter } from './synth-adapter.ts';
import { synthModel } from './synth-model.ts';

let dir: string;
const path = (n: string) => join(dir, n);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'base-id-'));
  synthModel({ shape: 'tiny', quant: 'q8_0', seed: '1', out: path('q8.gguf') });
  synthModel({ shape: 'tiny', quant: 'q4_0', seed: '1', out: path('q4.gguf') });
  synthModel({ shape: 'tiny', quant: 'f16', seed: '1', out: path('f16.gguf') });
  synthModel({ shape: 'tiny', quant: 'q8_0', seed: '2', out: path('other-seed.gguf') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rewrites a GGUF with changed metadata and/or one tensor's bytes. */
function rewrite(from: string, to: string, meta: (k: string, v: ReturnType<typeof gv.str>) => ReturnType<typeof gv.str> | undefined, tensor?: { name: string; edit: (b: Buffer) => void }) {
  const f = readGguf(from);
  const md = [...f.metadata].filter(([k]) => k !== 'general.alignment').flatMap(([k, v]) => { const n = meta(k, v); return n ? [[k, n] as const] : []; });
  writeGguf(to, md, f.tensors.map((t) => {
    const b = readTensorBytes(f, t);
    if (tensor?.name === t.name) tensor.edit(b);
    return tensorFromBytes(t.name, t.ne, t.type, b);
  }));
}

describe('base-model id', () => {
  it('is stable (pinned) for a given model', () => {
    expect(baseModelId(readGguf(path('q8.gguf')))).toBe('8ae5b148129c43c8c54dda0ee408938f794f9d1ca528c54032724e805c8c96aa');
  });

  it('is shared by the quantisations of one model and differs for other weights', () => {
    const id = baseModelId(readGguf(path('q8.gguf')));
    expect(baseModelId(readGguf(path('q4.gguf')))).toBe(id);
    expect(baseModelId(readGguf(path('f16.gguf')))).toBe(id);
    expect(baseModelId(readGguf(path('other-seed.gguf')))).not.toBe(id);
  });

  it('ignores names and file type, but not hyperparameters, vocabulary or norm weights', () => {
    const id = baseModelId(readGguf(path('q8.gguf')));
    rewrite(path('q8.gguf'), path('renamed.gguf'), (k, v) => (k === 'general.name' ? gv.str('Another converter') : k === 'general.file_type' ? undefined : v));
    expect(baseModelId(readGguf(path('renamed.gguf')))).toBe(id);
    rewrite(path('q8.gguf'), path('ctx.gguf'), (k, v) => (k === 'qwen2.context_length' ? gv.u32(1024) : v));
    expect(baseModelId(readGguf(path('ctx.gguf')))).not.toBe(id);
    rewrite(path('q8.gguf'), path('vocab.gguf'), (k, v) => (k === 'tokenizer.ggml.tokens' && v.type === 'array' ? gv.strings(v.value.map((t, i) => (i === 100 ? 'x' : String(t)))) : v));
    expect(baseModelId(readGguf(path('vocab.gguf')))).not.toBe(id);
    rewrite(path('q8.gguf'), path('norm.gguf'), (_k, v) => v, { name: 'blk.1.ffn_norm.weight', edit: (b) => b.writeFloatLE(1.5, 0) });
    expect(baseModelId(readGguf(path('norm.gguf')))).not.toBe(id);
  });

  it('refuses an adapter file', () => {
    synthAdapter({ base: readGguf(path('q8.gguf')), rank: 4, alpha: 8, targets: ['q'], seed: 'a', out: path('adapter.gguf'), type: 'f32' });
    expect(() => baseModelId(readGguf(path('adapter.gguf')))).toThrow(ModelFileError);
    try { baseModelId(readGguf(path('adapter.gguf'))); } catch (e) { expect((e as ModelFileError).code).toBe('model/not-a-base-model'); }
  });
});
