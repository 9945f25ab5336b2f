import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, SECOND } from '../mobility/time-of-day.ts';
import { createTestRng } from '../world/test-rng.ts';
import { CHURN_PRESETS, DEFAULT_POWER, type ChurnParams } from './churn-params.ts';
import { createDeviceChurn } from './device-churn.ts';

const NONE: ChurnParams = { nightOff: null, randomOff: null, battery: null, power: DEFAULT_POWER, charging: null };
const WATT = { scanW: 0.5, advertiseW: 0.25, idleW: 0.25, otherW: 0, transferJPerMB: 3 }; // 1 W while on

/** Walks the flips reported by nextChange and checks each against a fresh device's isOn. */
function flips(params: ChurnParams, seed: number, until: number): number[] {
  const d = createDeviceChurn(params, createTestRng(seed));
  const out: number[] = [];
  let t = 0;
  for (;;) {
    const c = d.nextChange(t);
    if (c === null || c > until) return out;
    out.push(c);
    t = c;
  }
}

describe('device churn', () => {
  it('never switches off without churn and accounts energy exactly', () => {
    const d = createDeviceChurn(NONE, createTestRng(1));
    expect(d.nextChange(0)).toBeNull();
    expect(d.isOn(3 * DAY)).toBe(true);
    const e = d.energy();
    expect(e.scanJ).toBeCloseTo(DEFAULT_POWER.scanW * 3 * 86_400, 6);
    expect(e.otherJ).toBeCloseTo(DEFAULT_POWER.otherW * 3 * 86_400, 6);
    expect(e.onMicros).toBe(3 * DAY);
    expect(d.batteryFraction()).toBeNull();
    d.onTransfer(3 * DAY, 10_000_000);
    expect(d.energy().transferJ).toBeCloseTo(30, 9);
  });

  it('switches off at night when the night window applies', () => {
    const p: ChurnParams = { ...NONE, nightOff: { from: 22 * HOUR, to: 6 * HOUR, probability: 1, jitter: 0 } };
    const d = createDeviceChurn(p, createTestRng(2));
    expect(d.isOn(3 * HOUR)).toBe(false); // the night that started on day -1
    expect(d.nextChange(3 * HOUR)).toBe(6 * HOUR);
    expect(d.isOn(12 * HOUR)).toBe(true);
    expect(d.nextChange(12 * HOUR)).toBe(22 * HOUR);
    expect(d.isOn(22 * HOUR)).toBe(false);
    expect(d.isOn(DAY + 5 * HOUR + 59 * MINUTE)).toBe(false);
    expect(d.isOn(DAY + 6 * HOUR)).toBe(true);
    expect(d.energy().onMicros).toBe(16 * HOUR); // on 06:00–22:00 of day 0 only
  });

  it('skips nights with the configured probability, deterministically per device', () => {
    const p: ChurnParams = { ...NONE, nightOff: { from: 23 * HOUR, to: 5 * HOUR, probability: 0.3, jitter: 30 * MINUTE } };
    const offAt2am = (seed: number): boolean[] => {
      const d = createDeviceChurn(p, createTestRng(seed));
      return Array.from({ length: 300 }, (_, k) => !d.isOn((k + 1) * DAY + 2 * HOUR));
    };
    const nights = offAt2am(3);
    expect(nights.filter(Boolean).length / 300).toBeCloseTo(0.3, 1);
    expect(offAt2am(3)).toEqual(nights);
    expect(offAt2am(4)).not.toEqual(nights);
  });

  it('is off for the expected share of time with random off periods', () => {
    const p: ChurnParams = { ...NONE, randomOff: { meanOn: 3 * HOUR, meanOff: HOUR } };
    const d = createDeviceChurn(p, createTestRng(5));
    d.advance(400 * DAY);
    expect(d.energy().onMicros / (400 * DAY)).toBeCloseTo(0.75, 1);
  });

  it('reports flips that a fresh device observes, for every kind of churn at once', () => {
    const p: ChurnParams = CHURN_PRESETS['village-phone'];
    const times = flips(p, 6, 10 * DAY);
    expect(times.length).toBeGreaterThan(10);
    const check = createDeviceChurn(p, createTestRng(6));
    for (const t of times) expect(check.isOn(t - 1)).not.toBe(check.isOn(t));
    // And no flip in between: state at midpoints equals state just after the previous flip.
    const again = createDeviceChurn(p, createTestRng(6));
    let prev = 0;
    for (const t of times) {
      const s = again.isOn(prev);
      expect(again.isOn(Math.floor((prev + t) / 2))).toBe(s);
      prev = t;
    }
  });

  it('drains the battery at the app and phone power and turns off when empty', () => {
    const p: ChurnParams = { ...NONE, power: { ...WATT, otherW: 1 }, battery: { capacityWh: 1, initialFraction: 1 } };
    const d = createDeviceChurn(p, createTestRng(7));
    expect(d.nextChange(0)).toBe(1_800 * SECOND); // 3,600 J at 2 W
    expect(d.isOn(900 * SECOND)).toBe(true);
    expect(d.batteryFraction()).toBeCloseTo(0.5, 9);
    expect(d.isOn(1_800 * SECOND)).toBe(false);
    expect(d.nextChange(1_800 * SECOND)).toBeNull(); // never recharged
    const e = d.energy();
    expect(e.scanJ + e.advertiseJ + e.idleJ + e.otherJ).toBeCloseTo(3_600, 6);
    expect(d.isOn(5 * DAY)).toBe(false);
    expect(d.energy().otherJ).toBeCloseTo(1_800, 6); // a dead phone draws nothing
  });

  it('recharges in the charging window and comes back on', () => {
    const p: ChurnParams = {
      ...NONE,
      power: WATT,
      battery: { capacityWh: 1, initialFraction: 0.5 },
      charging: { from: 18 * HOUR, to: 21 * HOUR, probability: 1, jitter: 0, powerW: 10 },
    };
    const d = createDeviceChurn(p, createTestRng(8));
    expect(d.nextChange(0)).toBe(1_800 * SECOND); // 1,800 J at 1 W
    expect(d.nextChange(HOUR)).toBe(18 * HOUR);
    expect(d.isOn(18 * HOUR)).toBe(true);
    // 9 W net from empty: full after 400 s, then held full on the charger.
    d.advance(18 * HOUR + 200 * SECOND);
    expect(d.batteryFraction()).toBeCloseTo(0.5, 6);
    d.advance(21 * HOUR);
    expect(d.batteryFraction()).toBe(1);
    expect(d.energy().chargedJ).toBeCloseTo(3_600, 3);
    // Then 1 W for an hour after unplugging.
    expect(d.nextChange(21 * HOUR)).toBe(22 * HOUR);
  });

  it('charges transfer energy to the battery, which can empty it', () => {
    const p: ChurnParams = { ...NONE, power: { ...WATT, scanW: 0, advertiseW: 0, idleW: 0, transferJPerMB: 100 }, battery: { capacityWh: 1, initialFraction: 1 } };
    const d = createDeviceChurn(p, createTestRng(9));
    d.onTransfer(10 * SECOND, 18_000_000); // 1,800 J
    expect(d.batteryFraction()).toBeCloseTo(0.5, 9);
    expect(d.energy().transferJ).toBeCloseTo(1_800, 9);
    d.onTransfer(20 * SECOND, 40_000_000);
    expect(d.isOn(20 * SECOND)).toBe(false);
    expect(d.batteryFraction()).toBe(0);
  });

  it('draws the initial charge per device from the given range', () => {
    const p: ChurnParams = { ...NONE, battery: { capacityWh: 15, initialFraction: [0.2, 0.4] } };
    const f = Array.from({ length: 200 }, (_, i) => createDeviceChurn(p, createTestRng(i)).batteryFraction()!);
    expect(Math.min(...f)).toBeGreaterThanOrEqual(0.2);
    expect(Math.max(...f)).toBeLessThanOrEqual(0.4);
    expect(new Set(f).size).toBe(200);
  });

  it('refuses to go back in time and rejects impossible windows', () => {
    const d = createDeviceChurn(NONE, createTestRng(1));
    d.advance(HOUR);
    expect(() => d.isOn(0)).toThrow(RangeError);
    expect(() => createDeviceChurn({ ...NONE, nightOff: { from: 0, to: 23 * HOUR, probability: 1, jitter: HOUR } }, createTestRng(1))).toThrow(/shorter than a day/);
  });
});
