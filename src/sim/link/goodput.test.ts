import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesIn, linkCeilingBytesPerSec, medianGoodput, packetAirtimeUs, packetsPerEvent, transferTime } from './goodput.ts';
import { RADIO_PRESETS } from './radio-params.ts';

describe('link-layer goodput arithmetic', () => {
  it('times packets by PHY (Core spec framing)', () => {
    expect(packetAirtimeUs('1M', 251)).toBe(2088);
    expect(packetAirtimeUs('2M', 251)).toBe(1048);
    expect(packetAirtimeUs('1M', 0)).toBe(80);
    expect(packetAirtimeUs('coded-s8', 27)).toBeGreaterThan(8 * packetAirtimeUs('1M', 27) - 400);
  });

  it('bounds packets per event by the stack limit and by the connection interval', () => {
    const base = RADIO_PRESETS.conservative.link;
    expect(packetsPerEvent(base)).toBe(7);
    expect(packetsPerEvent({ ...base, connIntervalMs: 7.5 })).toBe(3); // 2,468 µs per exchange at 1M
    expect(packetsPerEvent({ ...base, phy: 'coded-s8', connIntervalMs: 7.5 })).toBe(1);
  });

  it('gives the preset ceilings and the medians ble.md calls for', () => {
    expect(linkCeilingBytesPerSec(RADIO_PRESETS.conservative.link)).toBeCloseTo((7 * 244) / 0.03, 6);
    expect(medianGoodput(RADIO_PRESETS.conservative.link) / 50_000).toBeCloseTo(1, 2);
    expect(medianGoodput(RADIO_PRESETS['android-2m'].link) / 76_000).toBeCloseTo(1, 1);
    expect(medianGoodput(RADIO_PRESETS.ios.link) / 30_000).toBeCloseTo(1, 1);
  });

  it('grows with MTU, data length and PHY speed', () => {
    const base = RADIO_PRESETS.conservative.link;
    expect(linkCeilingBytesPerSec({ ...base, attMtu: 23, dleOctets: 27 })).toBeLessThan(linkCeilingBytesPerSec(base) / 5);
    expect(linkCeilingBytesPerSec({ ...base, phy: '2M', connIntervalMs: 7.5 })).toBeGreaterThan(linkCeilingBytesPerSec({ ...base, connIntervalMs: 7.5 }));
  });

  it('charges the frame header per fragment', () => {
    // 1 MB at 50 kB/s, MTU 247, 4-byte header: 4,167 fragments of <= 240 B → 1,016,668 B on the wire.
    expect(transferTime(1_000_000, 50_000, 247, 4)).toBe(20_333_360);
    expect(transferTime(0, 50_000, 247, 4)).toBe(0);
    expect(() => transferTime(10, 50_000, 23, 20)).toThrow(RangeError);
  });

  it('bytesIn inverts transferTime', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 80_000_000 }), fc.integer({ min: 1_000, max: 200_000 }), fc.integer({ min: 23, max: 517 }), (bytes, g, mtu) => {
      const t = transferTime(bytes, g, mtu, 4);
      expect(bytesIn(t, g, mtu, 4)).toBeGreaterThanOrEqual(bytes);
      expect(bytesIn(t - 1, g, mtu, 4)).toBeLessThan(bytes);
    }));
  });
});
