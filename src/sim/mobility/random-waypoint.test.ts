import { describe, expect, it } from 'vitest';
import { createTestRng } from '../world/test-rng.ts';
import type { Leg, Mobility } from './leg.ts';
import { createRandomWaypoint } from './random-waypoint.ts';
import { SECOND } from './time-of-day.ts';

function take(m: Mobility, n: number): Leg[] {
  const it = m.legs();
  const out: Leg[] = [];
  for (let i = 0; i < n; i++) {
    const r = it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

const opts = { width: 500, height: 300, speed: [0.5, 1.5] as const, pause: [0, 60 * SECOND] as const };

describe('random waypoint', () => {
  it('produces contiguous legs inside the world with speeds and pauses in range', () => {
    const legs = take(createRandomWaypoint(opts, createTestRng(1)), 400);
    expect(legs.length).toBe(400);
    for (let i = 0; i < legs.length; i++) {
      const l = legs[i]!;
      expect(l.t1).toBeGreaterThan(l.t0);
      for (const [x, y] of [[l.x0, l.y0], [l.x1, l.y1]] as const) {
        expect(x).toBeGreaterThanOrEqual(0); expect(x).toBeLessThanOrEqual(500);
        expect(y).toBeGreaterThanOrEqual(0); expect(y).toBeLessThanOrEqual(300);
      }
      const d = Math.hypot(l.x1 - l.x0, l.y1 - l.y0);
      if (d > 0) {
        const v = d / ((l.t1 - l.t0) / SECOND);
        expect(v).toBeGreaterThan(0.5 - 1e-3);
        expect(v).toBeLessThan(1.5 + 1e-3);
      } else {
        expect(l.t1 - l.t0).toBeLessThanOrEqual(60 * SECOND);
      }
      const next = legs[i + 1];
      if (next) expect([next.t0, next.x0, next.y0]).toEqual([l.t1, l.x1, l.y1]);
    }
  });

  it('replays the same trajectory for the same seed and differs for another seed', () => {
    const m = createRandomWaypoint(opts, createTestRng(7));
    expect(take(m, 50)).toEqual(take(m, 50));
    expect(take(createRandomWaypoint(opts, createTestRng(7)), 50)).toEqual(take(m, 50));
    expect(take(createRandomWaypoint(opts, createTestRng(8)), 50)).not.toEqual(take(m, 50));
  });

  it('rejects a zero minimum speed', () => {
    expect(() => createRandomWaypoint({ ...opts, speed: [0, 1] }, createTestRng(1))).toThrow(RangeError);
  });
});
