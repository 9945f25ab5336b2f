import { describe, expect, it } from 'vitest';
import { loadProfile } from '../scenario/index.ts';
import { linkCeilingBytesPerSec } from '../link/index.ts';
import { radioParamsOf } from './radio.ts';

describe('radioParamsOf', () => {
  it('keeps the profile median goodput as the link median for every shipped profile', () => {
    for (const name of ['android-2m', 'ios', 'conservative']) {
      const p = radioParamsOf(name, loadProfile(name));
      expect(linkCeilingBytesPerSec(p.link) * 1).toBeGreaterThan(0);
      expect(p.link.efficiency).toBeLessThanOrEqual(1);
    }
  });

  it('keeps a measured goodput above the default 7 packets per event instead of capping it', () => {
    const profile = loadProfile('android-2m');
    const measured = { ...profile, link: { ...profile.link, goodput: 150_000 } };
    const p = radioParamsOf('measured', measured);
    expect(linkCeilingBytesPerSec(p.link) * p.link.efficiency).toBeCloseTo(150_000, -2);
  });

  it('names the fields when a measured goodput is more than the declared PHY and interval can carry', () => {
    const profile = loadProfile('conservative');
    const measured = { ...profile, link: { ...profile.link, goodput: 146_000 } };
    expect(() => radioParamsOf('measured', measured)).toThrow(/link\.goodput median 146000 B\/s is more than link\.phy 1M, link\.connectionInterval 30 ms/);
  });
});
