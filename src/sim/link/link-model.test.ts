import { describe, expect, it } from 'vitest';
import { createTestRng } from '../world/test-rng.ts';
import { createLinkModel } from './link-model.ts';
import { RADIO_PRESETS, RADIO_PRESET_NAMES, type RadioParams } from './radio-params.ts';

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]!; };
const conservative: RadioParams = RADIO_PRESETS.conservative;

describe('link model', () => {
  it('draws setup times matching the Nordic measurements (mean 867 ms, best ~389, worst ~3,046 of 1,500)', () => {
    const m = createLinkModel(conservative, createTestRng(1));
    const d = Array.from({ length: 30_000 }, () => m.setupDelay() / 1000);
    expect(mean(d) / 867).toBeCloseTo(1, 1);
    expect(median(d) / 791).toBeCloseTo(1, 1);
    const trials = d.slice(0, 1_500);
    expect(Math.min(...trials)).toBeGreaterThan(340);
    expect(Math.min(...trials)).toBeLessThan(450);
    expect(Math.max(...trials)).toBeGreaterThan(1_800);
    expect(Math.max(...d)).toBeLessThanOrEqual(conservative.setup.maxMs);
  });

  it('fails setups with the configured probability, and never when it is 0', () => {
    const m = createLinkModel({ ...conservative, setup: { ...conservative.setup, failureProbability: 0.2 } }, createTestRng(2));
    const fails = Array.from({ length: 20_000 }, () => m.setup().ok).filter((ok) => !ok).length;
    expect(fails / 20_000).toBeCloseTo(0.2, 1);
    const never = createLinkModel(conservative, createTestRng(2));
    expect(Array.from({ length: 1_000 }, () => never.setup().ok).every(Boolean)).toBe(true);
  });

  it('has goodput with the profile median over many pairs and connections, within floor and ceiling', () => {
    for (const name of RADIO_PRESET_NAMES) {
      const m = createLinkModel(RADIO_PRESETS[name], createTestRng(3));
      const g: number[] = [];
      for (let a = 0; a < 200; a++) for (let k = 0; k < 20; k++) g.push(m.goodput(a, a + 1 + k));
      expect(median(g) / m.medianBytesPerSec).toBeCloseTo(1, 1);
      expect(Math.max(...g)).toBeLessThanOrEqual(m.ceilingBytesPerSec);
      expect(Math.min(...g)).toBeGreaterThanOrEqual(RADIO_PRESETS[name].goodputVariation.minBytesPerSec);
    }
    expect(createLinkModel(conservative, createTestRng(3)).medianBytesPerSec / 50_000).toBeCloseTo(1, 2);
  });

  it('keeps a fixed factor per pair, independent of direction and draw order', () => {
    const fixed = { ...conservative, goodputVariation: { ...conservative.goodputVariation, connectionSigma: 0 } };
    const m = createLinkModel(fixed, createTestRng(4));
    expect(m.goodput(3, 9)).toBe(m.goodput(9, 3));
    expect(m.goodput(3, 9)).not.toBe(m.goodput(3, 10));
    const other = createLinkModel(fixed, createTestRng(4));
    other.goodput(1, 2); // extra draws elsewhere do not move this pair
    expect(other.goodput(3, 9)).toBe(m.goodput(3, 9));
  });

  it('drops connections at the Poisson rate, and never at rate 0', () => {
    const m = createLinkModel({ ...conservative, dropsPerMinute: 0.5 }, createTestRng(5));
    const d = Array.from({ length: 20_000 }, () => m.dropAfter()!);
    expect(mean(d) / 120e6).toBeCloseTo(1, 1);
    expect(createLinkModel({ ...conservative, dropsPerMinute: 0 }, createTestRng(5)).dropAfter()).toBeNull();
  });

  it('enforces the concurrent-link limit at both ends', () => {
    const m = createLinkModel(conservative, createTestRng(6)); // limit 2
    expect(m.canConnect(0, 1)).toBe(true);
    expect(m.canConnect(2, 0)).toBe(false);
    expect(m.canConnect(1, 2)).toBe(false);
  });

  it('discovers quickly with an always-on scanner and slowly with the conservative duty cycle', () => {
    const fast = createLinkModel({ ...conservative, scan: { windowMs: 100, intervalMs: 100 } }, createTestRng(7));
    const slow = createLinkModel(conservative, createTestRng(7));
    const f = Array.from({ length: 2_000 }, () => fast.discoveryDelay()!);
    const s = Array.from({ length: 2_000 }, () => slow.discoveryDelay()!);
    expect(Math.max(...f)).toBeLessThan(1_000_000);
    expect(median(s)).toBeGreaterThan(median(f) * 5);
  });

  it('converts bytes to transfer time with frame overhead', () => {
    const m = createLinkModel(conservative, createTestRng(8));
    const t = m.transferTime(35_000_000, 50_000);
    // ble.md: ~12 min for 35 MB at 50 kB/s; 700 s of payload + 1.7 % of frame headers.
    expect(t / 1e6).toBeGreaterThan(711);
    expect(t / 1e6).toBeLessThan(713);
    expect(m.bytesIn(t, 50_000)).toBeGreaterThanOrEqual(35_000_000);
  });

  it('is deterministic by seed', () => {
    const run = (seed: number): unknown[] => {
      const m = createLinkModel(RADIO_PRESETS['android-2m'], createTestRng(seed));
      return Array.from({ length: 20 }, (_, i) => [m.discoveryDelay(), m.setup(), m.goodput(i, i + 1), m.dropAfter()]);
    };
    expect(run(9)).toEqual(run(9));
    expect(run(9)).not.toEqual(run(10));
  });

  it('rejects impossible profiles with the field named', () => {
    expect(() => createLinkModel({ ...conservative, link: { ...conservative.link, attMtu: 10 } }, createTestRng(1))).toThrow(/attMtu/);
    expect(() => createLinkModel({ ...conservative, advRxProbability: 2 }, createTestRng(1))).toThrow(/advRxProbability/);
  });
});
