import { describe, expect, it } from 'vitest';
import { createTestRng } from '../world/test-rng.ts';
import { sampleMutualDiscovery, sampleOneWayDiscovery } from './discovery.ts';
import type { AdvertisingParams, ScanParams } from './radio-params.ts';

const MAX = 600_000_000;
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function draws(n: number, f: () => number | null): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const d = f();
    if (d !== null) out.push(d);
  }
  return out;
}

describe('discovery latency', () => {
  const adv: AdvertisingParams = { enabled: true, intervalMs: 250 };
  const always: ScanParams = { windowMs: 100, intervalMs: 100 };

  it('at 100 % scan duty cycle, hears the first advertising event: uniform over one interval', () => {
    const rng = createTestRng(1);
    const one = draws(20_000, () => sampleOneWayDiscovery(adv, always, 1, MAX, rng));
    expect(one.length).toBe(20_000);
    expect(Math.max(...one)).toBeLessThan(250_000);
    expect(mean(one) / 125_000).toBeCloseTo(1, 1);
    // Both directions: minimum of two uniforms, mean A/3.
    const both = draws(20_000, () => sampleMutualDiscovery(adv, always, 1, MAX, rng));
    expect(mean(both) / (250_000 / 3)).toBeCloseTo(1, 1);
  });

  it('loses events with the reception probability (geometric number of misses)', () => {
    const rng = createTestRng(2);
    const d = draws(20_000, () => sampleOneWayDiscovery(adv, always, 0.5, MAX, rng));
    // mean = A/2 + E[misses] (A + mean advDelay 5 ms) = 125 + 255 ms
    expect(mean(d) / 380_000).toBeCloseTo(1, 1);
  });

  it('takes longer at lower scan duty cycles', () => {
    const rng = createTestRng(3);
    const m = (scan: ScanParams): number => mean(draws(5_000, () => sampleOneWayDiscovery(adv, scan, 1, MAX, rng)));
    const balanced = m({ windowMs: 183, intervalMs: 730 });
    const lowPower = m({ windowMs: 140, intervalMs: 1_400 });
    const screenOff = m({ windowMs: 512, intervalMs: 10_240 });
    expect(balanced).toBeLessThan(lowPower);
    expect(lowPower).toBeLessThan(screenOff);
    expect(balanced).toBeGreaterThan(125_000);
    // A 512 ms window every 10.24 s: about 20 windows... expected wait of several seconds.
    expect(screenOff).toBeGreaterThan(2_000_000);
  });

  it('never discovers without an advertiser or a scan window, and gives up after the cap', () => {
    const rng = createTestRng(4);
    expect(sampleOneWayDiscovery({ enabled: false, intervalMs: 100 }, always, 1, MAX, rng)).toBeNull();
    expect(sampleOneWayDiscovery(adv, { windowMs: 0, intervalMs: 100 }, 1, MAX, rng)).toBeNull();
    expect(sampleMutualDiscovery(adv, always, 0, MAX, rng)).toBeNull();
    const capped = draws(1_000, () => sampleOneWayDiscovery(adv, { windowMs: 10, intervalMs: 10_000 }, 1, 1_000_000, rng));
    expect(capped.length).toBeLessThan(500);
    for (const d of capped) expect(d).toBeLessThanOrEqual(1_000_000);
  });

  it('is deterministic by seed', () => {
    const scan = { windowMs: 183, intervalMs: 730 };
    const run = (seed: number): number[] => { const r = createTestRng(seed); return draws(50, () => sampleMutualDiscovery(adv, scan, 0.9, MAX, r)); };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });
});
