/**
 * Merging GGUF LoRA adapters end to end: files in, a valid GGUF LoRA for the same base out (its
 * factors are exactly what the in-memory merge computes), clear errors for inputs that do not
 * belong together, the `gossip adapter merge` command, and llama.cpp loading the merged files
 * (a linear merge of an adapter with itself behaves exactly like that adapter).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  asNumber, checkAdapterAgainstBase, GgmlType, loraMetadata, loraSummary, readGguf, tensorFromBytes, writeGguf,
} from '../../src/hw/gguf/index.ts';
import { mergeAdapterFiles, mergeModule, openAdapterForMerge } from '../../src/merge/index.ts';
import { deltaOf, maxAbs, maxAbsDiff } from '../../src/merge/test-kit.ts';
import { gossip, tinySetup, type TinySetup } from './helpers.ts';

let fx: TinySetup;
beforeAll(() => { fx = tinySetup('merge-gguf', ['agronomy', 'veterinary', 'aquaculture']); });
afterAll(() => fx?.cleanup());

describe('mergeAdapterFiles', () => {
  it('writes a GGUF LoRA for the same base whose factors are the in-memory merge', () => {
    const out = fx.path('ties.gguf');
    const r = mergeAdapterFiles(fx.adapters, { method: 'ties', density: 0.5, rank: 4, out, type: 'f32', base: fx.base });
    const merged = readGguf(out);
    const summary = checkAdapterAgainstBase(merged, readGguf(fx.base));
    expect(summary.pairs).toHaveLength(2 * 7); // 2 layers × 7 targets
    expect(summary.pairs.every((p) => p.rank === 4)).toBe(true);
    expect(summary.alpha).toBe(4);
    expect(merged.metadata.get('gossip.merge.method')?.value).toBe('ties');
    expect(asNumber(merged.metadata.get('gossip.merge.kept_energy'))).toBeCloseTo(r.report.keptFraction, 5);

    const inputs = fx.adapters.map(openAdapterForMerge);
    const written = openAdapterForMerge(out);
    const name = 'blk.1.ffn_down.weight';
    const expected = mergeModule(name, inputs.map((i) => i.input.load(name)), { method: 'ties', density: 0.5, rank: 4, seed: '1' });
    const got = written.input.load(name);
    expect(maxAbsDiff(deltaOf(got), deltaOf(expected))).toBeLessThan(1e-4 * maxAbs(deltaOf(expected)));
    expect(r.report.keptFraction).toBeGreaterThan(0);
    expect(r.report.keptFraction).toBeLessThanOrEqual(1);
  });

  it('peft-ties keeps the input rank and merges the factors separately', () => {
    const out = fx.path('peft.gguf');
    mergeAdapterFiles(fx.adapters, { method: 'peft-ties', density: 0.5, out, type: 'f32' });
    const inputs = fx.adapters.map(openAdapterForMerge);
    const name = 'blk.0.attn_q.weight';
    const expected = mergeModule(name, inputs.map((i) => i.input.load(name)), { method: 'peft-ties', density: 0.5 });
    const got = openAdapterForMerge(out).input.load(name);
    expect(Array.from(got.a)).toEqual(Array.from(expected.a));
    expect(Array.from(got.b)).toEqual(Array.from(expected.b));
    expect(got.scale).toBe(1);
  });

  it('rejects adapters of another architecture, other shapes, or files that are not LoRA adapters', () => {
    const [first] = fx.adapters as [string];
    const src = readGguf(first);
    const pair = loraSummary(src).pairs[0]!;
    const bytes = (name: string) => {
      const t = src.tensorByName.get(name)!;
      return new Uint8Array(readFileSync(first).subarray(src.dataOffset + t.offset, src.dataOffset + t.offset + t.byteSize));
    };
    const llama = fx.path('llama.gguf');
    writeGguf(llama, loraMetadata('llama', 8, 'other arch'), [
      tensorFromBytes(pair.a.name, pair.a.ne, pair.a.type, bytes(pair.a.name)),
      tensorFromBytes(pair.b.name, pair.b.ne, pair.b.type, bytes(pair.b.name)),
    ]);
    expect(() => mergeAdapterFiles([first, llama], { method: 'ties', density: 0.5, out: fx.path('x.gguf') })).toThrow(/llama\.gguf: adapter is for architecture "llama"/);

    const wide = fx.path('wide.gguf');
    writeGguf(wide, loraMetadata('qwen2', 8, 'wrong shapes'), [
      tensorFromBytes('blk.0.attn_q.weight.lora_a', [32, 4], GgmlType.F32, new Uint8Array(32 * 4 * 4)),
      tensorFromBytes('blk.0.attn_q.weight.lora_b', [4, 32], GgmlType.F32, new Uint8Array(32 * 4 * 4)),
    ]);
    expect(() => mergeAdapterFiles([first, wide], { method: 'ties', density: 0.5, out: fx.path('x.gguf') })).toThrow(/wide\.gguf: "blk\.0\.attn_q\.weight" adapts a weight of \[out 32 × in 32\], but .*agronomy\.gguf adapts it as \[out 64 × in 64\]/);
    expect(() => mergeAdapterFiles([first, fx.base], { method: 'ties', density: 0.5, out: fx.path('x.gguf') })).toThrow(/tiny\.gguf: not a LoRA adapter/);
  });
});

describe('gossip adapter merge', () => {
  it('merges, prints the kept energy and writes a report', async () => {
    const report = fx.path('report.json');
    const r = await gossip('adapter', 'merge', ...fx.adapters, '--method', 'dare-ties', '--density', '0.7', '--rank', '6', '--seed', '9', '--report', report, '--out', fx.path('cli.gguf'));
    expect(r.error).toBeUndefined();
    expect(r.out).toMatch(/wrote .*cli\.gguf: dare-ties d=0\.7 merge of 3 adapters · rank 6 · 14 modules/);
    expect(r.out).toMatch(/kept energy \d+\.\d % of ‖ΔW‖² at rank 6/);
    const json = JSON.parse(readFileSync(report, 'utf8')) as { method: string; modules: unknown[]; seed: string };
    expect(json.method).toBe('dare-ties');
    expect(json.seed).toBe('9');
    expect(json.modules).toHaveLength(14);
  });

  it('reports user errors in one line', async () => {
    expect((await gossip('adapter', 'merge', ...fx.adapters, '--weights', '1,2', '--out', fx.path('y.gguf'))).error).toMatch(/--weights: 2 weights for 3 adapters/);
    expect((await gossip('adapter', 'merge', fx.adapters[0]!, '--out', fx.path('y.gguf'))).error).toMatch(/at least two adapter files/);
    expect((await gossip('adapter', 'merge', ...fx.adapters, '--density', '0', '--out', fx.path('y.gguf'))).error).toMatch(/--density/);
    expect((await gossip('adapter', 'merge', fx.adapters[0]!, fx.path('missing.gguf'), '--out', fx.path('y.gguf'))).error).toMatch(/missing\.gguf: cannot read the file/);
  });
});
