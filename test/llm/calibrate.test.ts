/**
 * Inference calibration on the tiny model: every quantity of the `inference:` profile section is
 * measured (with repeats), the written profile validates against the profile schema, a new file
 * takes link/energy from the base profile, and an existing profile keeps its other sections and
 * comments. No assertion on the measured times themselves (benchmarks do that job).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { calibrateInference, type InferenceCalibration } from '../../src/hw/calibrate/inference.ts';
import { writeInferenceProfile } from '../../src/hw/calibrate/inference-profile.ts';
import { loadProfile } from '../../src/sim/scenario/index.ts';
import { PROFILES_DIR } from '../../src/sim/scenario/load-profile.ts';
import { tinyFixture, type TinyFixture } from './fixture.ts';

let fx: TinyFixture;
let c: InferenceCalibration;
beforeAll(async () => {
  fx = tinyFixture('llm-calibrate');
  c = await calibrateInference({ modelPath: fx.base, adapterPaths: [fx.adapters.agronomy, fx.adapters.veterinary], threads: 1, repeats: 3, promptTokens: 32, generateTokens: 8 });
});
afterAll(() => fx?.cleanup());

describe('inference calibration', () => {
  it('measures every quantity, with repeats', () => {
    const s = c.samples;
    expect(s.modelLoadMs).toHaveLength(3);
    expect(s.adapterLoadMs).toHaveLength(3);
    expect(s.adapterSwapMs.length).toBeGreaterThanOrEqual(20);
    expect(s.embeddingMs.length).toBeGreaterThanOrEqual(5);
    expect(s.promptTokensPerSecond).toHaveLength(3);
    expect(s.generationMsPerToken).toHaveLength(3);
    for (const xs of Object.values(s)) for (const x of xs) expect(x).toBeGreaterThan(0);
    expect(c.swapMode).toBe('live');
    expect(c.adapters).toMatchObject({ count: 2, synthetic: false });
  });

  it('writes a new profile that validates, with link and energy copied from the base profile', () => {
    const out = fx.path('measured.yaml');
    const text = writeInferenceProfile(out, c, { baseProfile: 'conservative' });
    expect(text).toContain('copied unchanged from the shipped profile "conservative"');
    const p = loadProfile(out);
    const conservative = loadProfile('conservative');
    expect(p.link).toEqual(conservative.link);
    expect(p.energy).toEqual(conservative.energy);
    expect(Object.keys(p.inference ?? {}).sort()).toEqual(['adapterLoad', 'adapterSwap', 'embedding', 'generationPerToken', 'modelLoad', 'promptTokensPerSecond']);
    expect(p.inference?.adapterSwap).toMatchObject({ median: expect.any(Number), p10: expect.any(Number), p90: expect.any(Number) });
  });

  it('can measure CPU time of the one thread instead of wall time, and says so', async () => {
    const cpu = await calibrateInference({ modelPath: fx.base, adapterPaths: [fx.adapters.agronomy], threads: 1, repeats: 3, promptTokens: 16, generateTokens: 4, clock: 'cpu' });
    for (const xs of Object.values(cpu.samples)) for (const x of xs) expect(x).toBeGreaterThanOrEqual(0);
    expect(writeInferenceProfile(fx.path('cpu.yaml'), cpu)).toContain('times are CPU time of the one inference thread');
    await expect(calibrateInference({ modelPath: fx.base, adapterPaths: [], threads: 2, clock: 'cpu' })).rejects.toThrow(/one thread/);
  });

  it('replaces only the inference section of an existing profile, keeping its comments', () => {
    const out = fx.path('android.yaml');
    copyFileSync(`${PROFILES_DIR}/android-2m.yaml`, out);
    writeInferenceProfile(out, c);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('SCAN_MODE_BALANCED window/interval 183/730 ms');
    expect(text).toContain('measured by `gossip hw calibrate --model`');
    const p = loadProfile(out);
    expect(p.link).toEqual(loadProfile('android-2m').link);
    expect(p.inference).not.toEqual(loadProfile('android-2m').inference);
  });
});
