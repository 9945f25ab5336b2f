/**
 * PEFT import round trip through llama.cpp: the test writes PEFT folders (adapter_config.json +
 * adapter_model.safetensors) for the tiny model, imports them to GGUF, loads them with llama.cpp
 * and checks that the output changes exactly as LoRA's algebra says it must:
 * - B = 0 (PEFT's initialisation) leaves the base logits exactly unchanged;
 * - nonzero B changes them;
 * - the update is (alpha / r)·B·A·x, so (2A, B, alpha) ≡ (A, 2B, alpha) ≡ (A, B, 2·alpha), bit for
 *   bit (powers of two scale exactly), while (A, −B) differs;
 * - rsLoRA (alpha / √r) with alpha 8, r 4 ≡ plain LoRA with alpha 16.
 * These hold only if names, orientation (torch [r, in] → ne [in, r]) and alpha all map correctly.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { importPeft, readGguf } from '../../src/hw/gguf/index.ts';
import { peftName, writePeftFolder, type TestTensor } from '../../src/hw/gguf/test-kit.ts';
import { openLlamaRuntime, openLocalModel, type LlamaRuntime, type LocalModel } from '../../src/hw/llm/index.ts';
import { maxDiff, PROMPT, tinyFixture, type TinyFixture } from './fixture.ts';

let fx: TinyFixture;
let runtime: LlamaRuntime;
let model: LocalModel;
let base: Float32Array;

beforeAll(async () => {
  fx = tinyFixture('llm-peft');
  runtime = await openLlamaRuntime({ threads: 1 });
  model = await openLocalModel({ modelPath: fx.base, runtime });
  base = await model.nextTokenLogits(PROMPT);
});
afterAll(async () => {
  await model?.dispose();
  await runtime?.dispose();
  fx?.cleanup();
});

const R = 4;
/** Deterministic small values with exact binary fractions. */
const values = (n: number, salt: number, scale: number) => Float32Array.from({ length: n }, (_, i) => ((((i * 7 + salt * 13) % 17) - 8) / 64) * scale);

/** A/B for every projection of both layers (tiny: hidden 64, kv 32, ffn 128). */
function loraTensors(aScale: number, bScale: number): TestTensor[] {
  const dims: Record<string, [number, number]> = {
    q_proj: [64, 64], k_proj: [64, 32], v_proj: [64, 32], o_proj: [64, 64], gate_proj: [64, 128], up_proj: [64, 128], down_proj: [128, 64],
  };
  const out: TestTensor[] = [];
  let salt = 0;
  for (const layer of [0, 1]) {
    for (const [module, [inDim, outDim]] of Object.entries(dims)) {
      salt++;
      out.push({ name: peftName(layer, module, 'A'), shape: [R, inDim], values: values(R * inDim, salt, aScale) });
      out.push({ name: peftName(layer, module, 'B'), shape: [outDim, R], values: values(outDim * R, salt + 100, bScale) });
    }
  }
  return out;
}

async function logitsOf(name: string, config: Record<string, unknown>, tensors: TestTensor[]): Promise<Float32Array> {
  writePeftFolder(fx.path(name), { r: R, target_modules: ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'], ...config }, tensors);
  importPeft(fx.path(name), readGguf(fx.base), fx.path(`${name}.gguf`));
  await model.swapAdapter(fx.path(`${name}.gguf`));
  return model.nextTokenLogits(PROMPT);
}

describe('PEFT import round trip through llama.cpp', () => {
  it('B = 0 leaves the base logits exactly unchanged', async () => {
    expect(Array.from(await logitsOf('zero-b', { lora_alpha: 8 }, loraTensors(1, 0)))).toEqual(Array.from(base));
  });

  it('nonzero B changes the output, following (alpha / r)·B·A exactly', async () => {
    const ref = await logitsOf('ref', { lora_alpha: 8 }, loraTensors(1, 1));
    expect(maxDiff(ref, base)).toBeGreaterThan(1e-3);
    expect(Array.from(await logitsOf('double-a', { lora_alpha: 8 }, loraTensors(2, 0.5)))).toEqual(Array.from(ref));
    expect(Array.from(await logitsOf('double-alpha', { lora_alpha: 16 }, loraTensors(1, 0.5)))).toEqual(Array.from(ref));
    expect(maxDiff(await logitsOf('negated', { lora_alpha: 8 }, loraTensors(1, -1)), ref)).toBeGreaterThan(1e-3);
  });

  it('rsLoRA with alpha 8 at rank 4 equals plain LoRA with alpha 16; F16 and BF16 files load too', async () => {
    const plain = await logitsOf('plain16', { lora_alpha: 16 }, loraTensors(1, 1));
    expect(Array.from(await logitsOf('rslora', { lora_alpha: 8, use_rslora: true }, loraTensors(1, 1)))).toEqual(Array.from(plain));
    const bf16 = loraTensors(1, 1).map((t) => ({ ...t, dtype: 'BF16' as const }));
    expect(Array.from(await logitsOf('bf16', { lora_alpha: 16 }, bf16))).toEqual(Array.from(plain)); // values are bf16-exact
    const f16 = loraTensors(1, 1).map((t) => ({ ...t, dtype: 'F16' as const }));
    // the F16 path rounds activations to f16 inside the matmul: close to F32, far from the base
    const effect = maxDiff(plain, base);
    expect(maxDiff(await logitsOf('f16', { lora_alpha: 16 }, f16), plain)).toBeLessThan(0.1 * effect);
  });
});
