import { describe, it, expect } from 'vitest';
import { mean, quantile } from 'simple-statistics';
import { createRng } from '../rng.ts';
import { loadProfile, medianOf, sampleDistribution, shippedProfiles, toLognormal } from './index.ts';

describe('shipped calibration profiles', () => {
  it('are android-2m, conservative and ios, and all load', () => {
    expect(shippedProfiles()).toEqual(['android-2m', 'conservative', 'ios', 'measured-0.5b-q8']);
    for (const name of shippedProfiles()) expect(loadProfile(name).link.range).toBeGreaterThan(0);
  });

  it('convert units (Micros, bytes/s, metres)', () => {
    const p = loadProfile('android-2m');
    expect(p.link.scanWindow).toBe(183_000);
    expect(p.link.scanInterval).toBe(730_000);
    expect(p.link.connectionInterval).toBe(15_000);
    expect(p.link.range).toBe(30);
    expect(medianOf(p.link.goodput)).toBeCloseTo(50_000, 6);
    expect(p.inference?.generationPerToken).toEqual({ median: 34_800, p10: 24_400, p90: 45_200 });
  });

  it('iOS cannot advertise in the background; conservative holds one link', () => {
    expect(loadProfile('ios').link.backgroundAdvertising).toBe(false);
    expect(loadProfile('ios').inference).toBeUndefined();
    expect(loadProfile('conservative').link.maxLinks).toBe(1);
  });

  it('reproduce the published Android connection setup figures (best 389 / mean 867 / worst 3046 ms)', () => {
    const setup = loadProfile('android-2m').link.connectionSetup;
    const rng = createRng('setup');
    const draws = Array.from({ length: 200_000 }, () => sampleDistribution(setup, rng) / 1000);
    expect(mean(draws)).toBeGreaterThan(850);
    expect(mean(draws)).toBeLessThan(885);
    // expected extremes of 1,500 trials ≈ the 1/1501 and 1500/1501 quantiles
    expect(quantile(draws, 1 / 1501)).toBeGreaterThan(370);
    expect(quantile(draws, 1 / 1501)).toBeLessThan(410);
    expect(quantile(draws, 1500 / 1501)).toBeGreaterThan(2700);
    expect(quantile(draws, 1500 / 1501)).toBeLessThan(3400);
  });
});

describe('distributions', () => {
  it('fit {median, p10, p90} with a lognormal through those quantiles', () => {
    const d = { median: 50, p10: 25, p90: 100 };
    const rng = createRng('q');
    const draws = Array.from({ length: 100_000 }, () => sampleDistribution(d, rng));
    expect(quantile(draws, 0.5)).toBeCloseTo(50, 0);
    expect(quantile(draws, 0.1)).toBeGreaterThan(24);
    expect(quantile(draws, 0.1)).toBeLessThan(26);
    expect(quantile(draws, 0.9)).toBeGreaterThan(97);
    expect(quantile(draws, 0.9)).toBeLessThan(103);
  });

  it('a single value has no spread; a missing side mirrors the other', () => {
    expect(sampleDistribution(7, createRng(1))).toBeCloseTo(7, 9);
    expect(toLognormal({ median: 10, p90: 20 }).sigma).toBeCloseTo(toLognormal({ median: 10, p10: 5, p90: 20 }).sigma, 12);
    expect(toLognormal({ median: 10 }).sigma).toBe(0);
    expect(medianOf({ lognormal: { median: 100, sigma: 1, offset: 50 } })).toBeCloseTo(150, 9);
  });
});
