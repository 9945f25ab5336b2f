/**
 * Shared fixture of the llama.cpp tests: a temporary folder with the tiny random-weight qwen2
 * model and three rank-8 synthetic adapters (one per test domain), generated in milliseconds.
 * Each test file opens one llama runtime and shares it (one runtime per process is the rule).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_LORA_TARGETS, readGguf, synthAdapter, synthModel } from '../../src/hw/gguf/index.ts';

export const DOMAINS = ['agronomy', 'veterinary', 'aquaculture'] as const;
export type TestDomain = (typeof DOMAINS)[number];

export interface TinyFixture {
  readonly dir: string;
  readonly base: string;
  readonly adapters: Readonly<Record<TestDomain, string>>;
  path(name: string): string;
  cleanup(): void;
}

export function tinyFixture(prefix: string): TinyFixture {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const base = join(dir, 'tiny.gguf');
  synthModel({ shape: 'tiny', quant: 'q8_0', seed: 'fixture', out: base });
  const gguf = readGguf(base);
  const adapters = {} as Record<TestDomain, string>;
  for (const d of DOMAINS) {
    adapters[d] = join(dir, `${d}.gguf`);
    synthAdapter({ base: gguf, rank: 8, alpha: 16, targets: ALL_LORA_TARGETS, seed: d, out: adapters[d], type: 'f16' });
  }
  return { dir, base, adapters, path: (n) => join(dir, n), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Largest absolute difference between two logit vectors. */
export function maxDiff(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
}

export const PROMPT = '<|im_start|>user\nHow do I keep weevils out of stored maize?<|im_end|>\n<|im_start|>assistant\n';
