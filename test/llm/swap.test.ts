/**
 * Adapter hot swap through llama.cpp on the tiny random-weight model: adapters change the
 * logits, a live swap (node-llama-cpp's internal `_setLoras`) gives exactly the logits of a fresh
 * context built with the adapter through the public API, swapping to none restores the base
 * exactly, and routing embeddings never see the active adapter. Also: bad files give clear
 * errors (ours before llama.cpp, llama.cpp's own reason after), and the model keeps working.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { GgmlType, loraMetadata, ModelFileError, tensorFromBytes, writeGguf } from '../../src/hw/gguf/index.ts';
import { LIVE_SWAP_VERIFIED_VERSION, openLlamaRuntime, openLocalModel, type LlamaRuntime, type LocalModel } from '../../src/hw/llm/index.ts';
import { DOMAINS, maxDiff, PROMPT, tinyFixture, type TinyFixture } from './fixture.ts';

let fx: TinyFixture;
let runtime: LlamaRuntime;
let model: LocalModel;

beforeAll(async () => {
  fx = tinyFixture('llm-swap');
  runtime = await openLlamaRuntime({ threads: 1 });
  model = await openLocalModel({ modelPath: fx.base, runtime });
});
afterAll(async () => {
  await model?.dispose();
  await runtime?.dispose();
  fx?.cleanup();
});

async function failure(f: () => Promise<unknown>): Promise<ModelFileError> {
  try {
    await f();
  } catch (e) {
    if (e instanceof ModelFileError) return e;
    throw e;
  }
  throw new Error('expected a ModelFileError');
}

function zeros(name: string, ne: number[]) {
  return tensorFromBytes(name, ne, GgmlType.F32, new Uint8Array(4 * ne.reduce((a, b) => a * b, 1)));
}

describe('adapter hot swap on a live context', () => {
  it('runs on the node-llama-cpp version the internal swap was verified with', () => {
    expect(runtime.version).toBe(LIVE_SWAP_VERIFIED_VERSION);
    expect(model.swapMode).toBe('live');
  });

  it('gives different logits for each adapter', async () => {
    await model.swapAdapter(null);
    const base = await model.nextTokenLogits(PROMPT);
    const per: Float32Array[] = [];
    for (const d of DOMAINS) {
      const s = await model.swapAdapter(fx.adapters[d]);
      expect(s.firstLoad).toBe(true);
      per.push(await model.nextTokenLogits(PROMPT));
    }
    for (const l of per) expect(maxDiff(l, base)).toBeGreaterThan(1e-3);
    expect(maxDiff(per[0]!, per[1]!)).toBeGreaterThan(1e-3);
    expect(maxDiff(per[1]!, per[2]!)).toBeGreaterThan(1e-3);
    expect(maxDiff(per[0]!, per[2]!)).toBeGreaterThan(1e-3);
  });

  it('gives exactly the logits of a fresh context created with the adapter', async () => {
    const fresh = await openLocalModel({ modelPath: fx.base, runtime, swap: 'new-context' });
    try {
      expect(fresh.swapMode).toBe('new-context');
      for (const d of [...DOMAINS].reverse()) {
        await model.swapAdapter(fx.adapters[d]);
        const swapped = await model.nextTokenLogits(PROMPT);
        await fresh.swapAdapter(fx.adapters[d]); // public API: a new context with lora: {adapters: [...]}
        expect(Array.from(swapped)).toEqual(Array.from(await fresh.nextTokenLogits(PROMPT)));
      }
    } finally {
      await fresh.dispose();
    }
  });

  it('restores the base logits exactly when swapping to no adapter', async () => {
    const fresh = await openLocalModel({ modelPath: fx.base, runtime });
    const base = await fresh.nextTokenLogits(PROMPT);
    await fresh.dispose();
    for (const d of DOMAINS) await model.swapAdapter(fx.adapters[d]);
    const s = await model.swapAdapter(null);
    expect(s.firstLoad).toBe(false);
    expect(model.activeAdapter).toBeNull();
    expect(Array.from(await model.nextTokenLogits(PROMPT))).toEqual(Array.from(base));
  });

  it('generates greedily and deterministically, differently per adapter', async () => {
    await model.swapAdapter(fx.adapters.veterinary);
    const a = await model.complete(PROMPT, { maxTokens: 12, stopAtEndOfGeneration: false });
    const b = await model.complete(PROMPT, { maxTokens: 12, stopAtEndOfGeneration: false });
    expect(a.generatedTokens).toBe(12);
    expect(a.text).toBe(b.text);
    expect(a.timeToFirstTokenMs).toBeGreaterThan(0);
    const streamed: string[] = [];
    await model.swapAdapter(fx.adapters.agronomy);
    const c = await model.complete(PROMPT, { maxTokens: 12, stopAtEndOfGeneration: false, onToken: (t) => streamed.push(t) });
    expect(streamed.join('')).toBe(c.text);
    expect(c.text).not.toBe(a.text);
  });

  it('embeds with the base model whatever adapter is active', async () => {
    const embedder = await model.embedder();
    await model.swapAdapter(null);
    const plain = await embedder.embed('How do I keep weevils out of stored maize?');
    expect(plain.length).toBe(embedder.dimensions);
    await model.swapAdapter(fx.adapters.aquaculture);
    expect(Array.from(await embedder.embed('How do I keep weevils out of stored maize?'))).toEqual(Array.from(plain));
  });
});

describe('bad files give clear errors and never break the model', () => {
  it('a missing or truncated base model is reported before llama.cpp sees it', async () => {
    expect((await failure(() => openLocalModel({ modelPath: fx.path('missing.gguf'), runtime }))).code).toBe('file/unreadable');
    const bytes = readFileSync(fx.base);
    writeFileSync(fx.path('cut.gguf'), bytes.subarray(0, bytes.length - 1000));
    const e = await failure(() => openLocalModel({ modelPath: fx.path('cut.gguf'), runtime }));
    expect(e.code).toBe('gguf/truncated');
    expect(e.message).toContain(fx.path('cut.gguf'));
  });

  it("llama.cpp's own reason reaches the error when it refuses a model", async () => {
    const e = await failure(() => openLocalModel({ modelPath: fx.adapters.agronomy, runtime })); // an adapter is not a model
    expect(e.code).toBe('llama/load-failed');
    expect(e.message).toContain(fx.adapters.agronomy);
    expect(e.message).toMatch(/llama_model_load|error loading model|missing tensor|key not found/i);
  });

  it('a wrong architecture: our check names both; without it llama.cpp says why', async () => {
    writeGguf(fx.path('llama-arch.gguf'), loraMetadata('llama', 16, 'x'), [zeros('blk.0.attn_q.weight.lora_a', [64, 8]), zeros('blk.0.attn_q.weight.lora_b', [8, 64])]);
    const ours = await failure(() => model.swapAdapter(fx.path('llama-arch.gguf')));
    expect(ours.code).toBe('model/wrong-architecture');
    const raw = await openLocalModel({ modelPath: fx.base, runtime, preflight: false });
    try {
      const e = await failure(() => raw.swapAdapter(fx.path('llama-arch.gguf')));
      expect(e.code).toBe('llama/load-failed');
      expect(e.message).toContain('arch mismatch');
    } finally {
      await raw.dispose();
    }
  });

  it('wrong shapes: our check names tensor and shapes; without it llama.cpp refuses too', async () => {
    writeGguf(fx.path('shape.gguf'), loraMetadata('qwen2', 16, 'x'), [zeros('blk.0.attn_k.weight.lora_a', [64, 8]), zeros('blk.0.attn_k.weight.lora_b', [8, 64])]);
    const ours = await failure(() => model.swapAdapter(fx.path('shape.gguf')));
    expect(ours.code).toBe('adapter/shape-mismatch');
    expect(ours.message).toContain('blk.0.attn_k.weight');
    const raw = await openLocalModel({ modelPath: fx.base, runtime, preflight: false });
    try {
      const e = await failure(() => raw.swapAdapter(fx.path('shape.gguf')));
      expect(e.code).toBe('llama/load-failed');
      expect(e.message).toMatch(/shape/i);
    } finally {
      await raw.dispose();
    }
  });

  it('a truncated adapter is reported by name, and the active adapter stays', async () => {
    const bytes = readFileSync(fx.adapters.veterinary);
    writeFileSync(fx.path('cut-adapter.gguf'), bytes.subarray(0, bytes.length >> 1));
    await model.swapAdapter(fx.adapters.veterinary);
    const expected = await model.nextTokenLogits(PROMPT);
    const e = await failure(() => model.swapAdapter(fx.path('cut-adapter.gguf')));
    expect(e.code).toBe('gguf/truncated');
    expect(model.activeAdapter).toBe(fx.adapters.veterinary);
    expect(Array.from(await model.nextTokenLogits(PROMPT))).toEqual(Array.from(expected));
  });

  it('a runtime opened after another was disposed still captures llama.cpp reasons', async () => {
    // Runtimes share llama.cpp's process-global backend: dispose one before opening the next.
    await model.dispose();
    await runtime.dispose();
    runtime = await openLlamaRuntime({ threads: 1 });
    model = await openLocalModel({ modelPath: fx.base, runtime, preflight: false });
    const e = await failure(() => model.swapAdapter(fx.path('llama-arch.gguf')));
    expect(e.message).toContain('arch mismatch');
  });
});
