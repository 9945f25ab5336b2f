import { describe, expect, it } from 'vitest';
import { radioParamsOf } from './radio.ts';
import { createLinkModel } from '../link/index.ts';
import { createRng } from '../rng.ts';
import { loadProfile } from '../scenario/index.ts';
import { withMeasuredDiscovery } from './measured-discovery.ts';

const profile = loadProfile('android-2m');
const model = () => createLinkModel(radioParamsOf('android-2m', profile), createRng(3).fork('link'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

describe('discovery latency from a measured distribution', () => {
  it('draws discovery from link.discoveryLatency instead of advertising/scan timing', () => {
    const derived = model();
    const measured = withMeasuredDiscovery(model(), { discoveryLatency: { median: 4_000_000, p10: 2_000_000, p90: 8_000_000 } }, createRng(3).fork('measured-discovery'));
    const d = Array.from({ length: 2001 }, () => derived.discoveryDelay()!);
    const m = Array.from({ length: 2001 }, () => measured.discoveryDelay()!);
    expect(median(d)).toBeLessThan(1_000_000); // 250 ms advertising, 25 % scan duty cycle: well under a second
    expect(median(m) / 4_000_000).toBeGreaterThan(0.93);
    expect(median(m) / 4_000_000).toBeLessThan(1.07);
  });

  it('leaves every other draw of the link model unchanged', () => {
    const a = model();
    const b = withMeasuredDiscovery(model(), { discoveryLatency: 1_500_000 }, createRng(9));
    b.discoveryDelay();
    expect(b.discoveryDelay()).toBe(1_500_000);
    expect([b.setup(), b.goodput(1, 2), b.dropAfter()]).toEqual([a.setup(), a.goodput(1, 2), a.dropAfter()]);
  });

  it('returns the model itself when the profile has no measured discovery', () => {
    const m = model();
    expect(withMeasuredDiscovery(m, {}, createRng(1))).toBe(m);
  });
});
