/**
 * Merged adapters are valid GGUF LoRA files for llama.cpp (through the project's inference
 * module): TIES, DARE and the published factor-wise merge load and change the logits; and a
 * linear merge of an adapter with itself gives that adapter's logits (the merge and the
 * re-factoring are exact where they should be).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openLlamaRuntime, openLocalModel, type LlamaRuntime, type LocalModel } from '../../src/hw/llm/index.ts';
import { mergeAdapterFiles } from '../../src/merge/index.ts';
import { tinySetup, type TinySetup } from './helpers.ts';

const PROMPT = '<|im_start|>user\nHow deep should I plant sorghum?<|im_end|>\n<|im_start|>assistant\n';

let fx: TinySetup;
let runtime: LlamaRuntime;
let model: LocalModel;
beforeAll(async () => {
  fx = tinySetup('merge-llama', ['agronomy', 'veterinary', 'aquaculture']);
  runtime = await openLlamaRuntime({ threads: 1 });
  model = await openLocalModel({ modelPath: fx.base, runtime });
});
afterAll(async () => {
  await model?.dispose();
  await runtime?.dispose();
  fx?.cleanup();
});

const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, x, i) => Math.max(m, Math.abs(x - (b[i] as number))), 0);

describe('llama.cpp loads merged adapters', () => {
  it('ties, dare-ties and peft-ties merges load and change the output', async () => {
    await model.swapAdapter(null);
    const base = await model.nextTokenLogits(PROMPT);
    for (const method of ['ties', 'dare-ties', 'peft-ties'] as const) {
      const out = fx.path(`${method}.gguf`);
      mergeAdapterFiles(fx.adapters, { method, density: 0.5, out });
      await model.swapAdapter(out);
      expect(maxDiff(await model.nextTokenLogits(PROMPT), base)).toBeGreaterThan(1e-4);
    }
  });

  it('a linear merge of an adapter with itself gives that adapter exactly (to f16 storage)', async () => {
    const a = fx.adapters[0] as string;
    await model.swapAdapter(a);
    const direct = await model.nextTokenLogits(PROMPT);
    await model.swapAdapter(null);
    const base = await model.nextTokenLogits(PROMPT);
    const out = fx.path('self.gguf');
    const r = mergeAdapterFiles([a, a], { method: 'linear', density: 1, rank: 4, out, type: 'f16' });
    expect(r.report.keptFraction).toBeCloseTo(1, 6);
    await model.swapAdapter(out);
    const merged = await model.nextTokenLogits(PROMPT);
    expect(maxDiff(direct, base)).toBeGreaterThan(1e-3);
    expect(maxDiff(merged, direct)).toBeLessThan(0.02 * maxDiff(direct, base));
  });
});
