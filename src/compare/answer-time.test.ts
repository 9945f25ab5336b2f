import { describe, expect, it } from 'vitest';
import { loadProfile } from '../sim/scenario/index.ts';
import type { InferenceProfile } from '../sim/scenario/index.ts';
import { createRng } from '../sim/rng.ts';
import { answerTime, medianAnswerTime, TYPICAL_REQUEST } from './answer-time.ts';

const android = loadProfile('android-2m').inference!;

/** Fixed timings: every distribution a single value. */
const fixed: InferenceProfile = {
  modelLoad: 1_000_000, adapterLoad: 30_000, adapterSwap: 5_000, embedding: 100_000, promptTokensPerSecond: 100, generationPerToken: 40_000,
};

describe('answer time from a profile\'s inference part', () => {
  it('adds embedding, adapter, prompt and generation exactly for fixed timings', () => {
    const t = answerTime(fixed, { promptTokens: 50, outputTokens: 100, adapter: 'cold', embedding: true }, createRng(1));
    expect(t).toEqual({ modelLoad: 0, embedding: 100_000, adapter: 30_000, prompt: 500_000, generation: 4_000_000, total: 4_630_000 });
  });

  it('charges a swap for an adapter in memory, nothing for the active one or the base model, and the model load on a cold start', () => {
    const base = { promptTokens: 50, outputTokens: 0, embedding: false } as const;
    expect(answerTime(fixed, { ...base, adapter: 'loaded' }, createRng(1)).adapter).toBe(5_000);
    expect(answerTime(fixed, { ...base, adapter: 'active' }, createRng(1)).adapter).toBe(0);
    expect(answerTime(fixed, { ...base, adapter: 'none' }, createRng(1)).total).toBe(500_000);
    expect(answerTime(fixed, { ...base, adapter: 'none', coldModel: true }, createRng(1)).total).toBe(1_500_000);
  });

  it('draws from the distributions: medians of many draws match the profile, and the spread follows p10/p90', () => {
    const rng = createRng('answers');
    const gens = Array.from({ length: 4001 }, () => answerTime(android, { ...TYPICAL_REQUEST, outputTokens: 100 }, rng).generation).sort((a, b) => a - b);
    const median = gens[2000]!;
    expect(median / 100).toBeGreaterThan(34_800 * 0.95); // profile: 34.8 ms/token median
    expect(median / 100).toBeLessThan(34_800 * 1.05);
    const p90 = gens[3600]! / 100;
    expect(p90).toBeGreaterThan(45_200 * 0.92); // p90 45.2 ms/token
    expect(p90).toBeLessThan(45_200 * 1.08);
  });

  it('is reproducible per seed and advances the stream the same way whatever the request', () => {
    const a = createRng(7);
    const b = createRng(7);
    answerTime(android, { ...TYPICAL_REQUEST, adapter: 'none', embedding: false }, a);
    answerTime(android, { ...TYPICAL_REQUEST, adapter: 'cold', coldModel: true }, b);
    expect(answerTime(android, TYPICAL_REQUEST, a)).toEqual(answerTime(android, TYPICAL_REQUEST, b));
  });

  it('gives the median parts without randomness', () => {
    const m = medianAnswerTime(android, TYPICAL_REQUEST);
    expect(m.embedding).toBe(117_000);
    expect(m.adapter).toBe(5_000);
    expect(m.prompt).toBe(Math.round((64 / 122) * 1e6));
    expect(m.generation).toBe(Math.round(120 * 34_800));
  });

  it('refuses impossible requests', () => {
    expect(() => answerTime(fixed, { ...TYPICAL_REQUEST, promptTokens: 0 }, createRng(1))).toThrow(/promptTokens/);
    expect(() => answerTime(fixed, { ...TYPICAL_REQUEST, outputTokens: -1 }, createRng(1))).toThrow(/outputTokens/);
  });
});
