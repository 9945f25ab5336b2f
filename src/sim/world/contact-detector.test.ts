import { describe, expect, it } from 'vitest';
import type { Micros } from '../../core/types.ts';
import { createCursor, type Mobility } from '../mobility/leg.ts';
import { createRandomWaypoint } from '../mobility/random-waypoint.ts';
import { createStationary } from '../mobility/stationary.ts';
import { createDailyRoutine, ROLES } from '../mobility/daily-routine.ts';
import { DAY, SECOND } from '../mobility/time-of-day.ts';
import { generateVillage } from '../mobility/village-layout.ts';
import { createContactDetector, type ContactEvent } from './contact-detector.ts';
import { indoorOutdoorRange } from './range.ts';
import { createTestRng } from './test-rng.ts';

/** O(N²) reference: the same sampling semantics, every pair checked at every sample. */
function bruteForce(nodes: readonly Mobility[], rangeOf: (i: number, x: number, y: number) => number, step: Micros, end: Micros): ContactEvent[] {
  const cursors = nodes.map((m) => createCursor(m));
  let up = new Set<number>();
  const out: ContactEvent[] = [];
  for (let t = 0; t <= end; t += step) {
    const pos = cursors.map((c) => c.positionAt(t));
    const rs = pos.map((p, i) => rangeOf(i, p.x, p.y));
    const now = new Set<number>();
    const events: ContactEvent[] = [];
    for (let a = 0; a < nodes.length; a++) {
      for (let b = a + 1; b < nodes.length; b++) {
        const pa = pos[a]!, pb = pos[b]!;
        const r = Math.min(rs[a]!, rs[b]!);
        const inRange = (pa.x - pb.x) ** 2 + (pa.y - pb.y) ** 2 <= r * r;
        const k = a * nodes.length + b;
        if (inRange) now.add(k);
        if (inRange !== up.has(k)) events.push({ at: t, a, b, up: inRange });
      }
    }
    out.push(...events);
    up = now;
  }
  return out;
}

function walkers(n: number, seed: number, size: number): Mobility[] {
  const rng = createTestRng(seed);
  return Array.from({ length: n }, (_, i) =>
    createRandomWaypoint({ width: size, height: size, speed: [0.5, 2], pause: [0, 120 * SECOND] }, rng.fork(`n${i}`)),
  );
}

describe('contact detection', () => {
  const step = 5 * SECOND;
  const end = 3_600 * SECOND;

  it('matches an O(N²) brute-force check with per-node ranges (pair range = min of both ends)', () => {
    const nodes = walkers(60, 1, 250);
    const ranges = nodes.map((_, i) => [10, 20, 30][i % 3]!);
    const got = createContactDetector({ nodes, range: ranges, step, end }).pullUntil(end);
    const want = bruteForce(nodes, (i) => ranges[i]!, step, end);
    expect(want.length).toBeGreaterThan(200);
    expect(got).toEqual(want);
  });

  it('matches brute force with place-dependent (indoor/outdoor) ranges', () => {
    const nodes = walkers(50, 2, 200);
    const places = [
      { name: 'h', kind: 'home' as const, x: 60, y: 60, radius: 50 },
      { name: 's', kind: 'school' as const, x: 150, y: 140, radius: 40 },
    ];
    const rr = indoorOutdoorRange(places, ['home', 'school'], 10, 30);
    const got = createContactDetector({ nodes, range: 0, rangeAt: rr.rangeAt, maxRange: rr.maxRange, step, end }).pullUntil(end);
    const want = bruteForce(nodes, rr.rangeAt, step, end);
    expect(want.length).toBeGreaterThan(100);
    expect(got).toEqual(want);
  });

  it('matches brute force for daily routines (mostly paused nodes, incremental re-checks)', () => {
    const rng = createTestRng(21);
    const places = generateVillage({ width: 800, height: 800, counts: { home: 8, field: 2, market: 1, school: 1, clinic: 1 } }, rng);
    const nodes = Array.from({ length: 90 }, (_, i) => createDailyRoutine({ places, role: ROLES[i % ROLES.length]! }, rng.fork(`n${i}`)));
    const rr = indoorOutdoorRange(places, ['home', 'school'], 10, 30);
    const dayEnd = DAY - 10 * SECOND;
    const got = createContactDetector({ nodes, range: 0, rangeAt: rr.rangeAt, maxRange: rr.maxRange, step: 10 * SECOND, end: dayEnd }).pullUntil(dayEnd);
    const want = bruteForce(nodes, rr.rangeAt, 10 * SECOND, dayEnd);
    expect(want.length).toBeGreaterThan(500);
    expect(got).toEqual(want);
  });

  it('matches brute force when a few walkers stretch the grid bounds around a still crowd', () => {
    const rng = createTestRng(6);
    const still = Array.from({ length: 60 }, () => createStationary({ x: 400 + rng.next() * 80, y: 400 + rng.next() * 80 }));
    // Shuttles walking across the crowd and far beyond it, so the grid's bounds change every sample.
    const shuttle = (y: number, speed: number): Mobility => ({
      kind: 'shuttle',
      *legs() {
        const leg = (1000 / speed) * SECOND;
        for (let k = 0; ; k++) {
          const [x0, x1] = k % 2 === 0 ? [0, 1000] : [1000, 0];
          yield { t0: k * leg, t1: (k + 1) * leg, x0, y0: y, x1, y1: y };
        }
      },
    });
    const movers = [shuttle(410, 1.3), shuttle(440, 2.1), shuttle(450, 0.9), shuttle(470, 1.7)];
    const nodes = [...movers.slice(0, 2), ...still, ...movers.slice(2)];
    const got = createContactDetector({ nodes, range: 12, step, end }).pullUntil(end);
    const want = bruteForce(nodes, () => 12, step, end);
    expect(want.filter((e) => e.a < 2 || e.b >= 62).length).toBeGreaterThan(20);
    expect(got).toEqual(want);
  });

  it('stays exact when nodes are spread so far apart that the grid must coarsen', () => {
    const rng = createTestRng(5);
    const nodes: Mobility[] = [];
    for (let i = 0; i < 40; i++) {
      const cluster = i % 4;
      nodes.push(createStationary({ x: cluster * 1e6 + rng.next() * 40, y: cluster * 1e6 + rng.next() * 40 }));
    }
    const got = createContactDetector({ nodes, range: 15, step, end: 0 }).pullUntil(0);
    expect(got).toEqual(bruteForce(nodes, () => 15, step, 0));
  });

  it('gives the same events whether pulled in windows, all at once, through the generator or a sink', () => {
    const nodes = walkers(40, 3, 200);
    const all = createContactDetector({ nodes, range: 20, step, end }).pullUntil(end);
    const d = createContactDetector({ nodes, range: 20, step, end });
    const windows: ContactEvent[] = [];
    for (let t = 0; t <= end; t += 7 * 60 * SECOND + 3) windows.push(...d.pullUntil(t));
    windows.push(...d.pullUntil(end));
    expect(windows).toEqual(all);
    expect(d.nextSampleAt()).toBeNull();
    expect([...createContactDetector({ nodes, range: 20, step, end }).events()]).toEqual(all);
    const drained: ContactEvent[] = [];
    const n = createContactDetector({ nodes, range: 20, step, end }).drainUntil(end, (at, a, b, up) => drained.push({ at, a, b, up }));
    expect(n).toBe(all.length);
    expect(drained).toEqual(all);
  });

  it('orders events by time then pair and keeps a < b; ups and downs alternate per pair', () => {
    const nodes = walkers(40, 4, 150);
    const events = createContactDetector({ nodes, range: 25, step, end }).pullUntil(end);
    const state = new Map<string, boolean>();
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      expect(e.a).toBeLessThan(e.b);
      const p = events[i - 1];
      if (p) expect(p.at < e.at || (p.at === e.at && (p.a < e.a || (p.a === e.a && p.b < e.b)))).toBe(true);
      const k = `${e.a},${e.b}`;
      expect(state.get(k) ?? false).toBe(!e.up);
      state.set(k, e.up);
    }
  });

  it('reports pairs already in range at the start, and the current contact count', () => {
    const nodes = [createStationary({ x: 0, y: 0 }), createStationary({ x: 10, y: 0 }), createStationary({ x: 100, y: 0 })];
    const d = createContactDetector({ nodes, range: 10, step, start: 42 });
    expect(d.pullUntil(42)).toEqual([{ at: 42, a: 0, b: 1, up: true }]);
    expect(d.activeContacts()).toBe(1);
    expect(d.pullUntil(1_000 * SECOND)).toEqual([]);
    expect(d.samples()).toBe(200); // 42 µs + k·5 s <= 1000 s for k = 0..199
  });

  it('is deterministic by seed', () => {
    const a = createContactDetector({ nodes: walkers(30, 9, 150), range: 20, step, end }).pullUntil(end);
    const b = createContactDetector({ nodes: walkers(30, 9, 150), range: 20, step, end }).pullUntil(end);
    const c = createContactDetector({ nodes: walkers(30, 10, 150), range: 20, step, end }).pullUntil(end);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('gives identical results when two detectors run interleaved in one process', () => {
    const alone = createContactDetector({ nodes: walkers(30, 11, 150), range: 20, step, end }).pullUntil(end);
    const d1 = createContactDetector({ nodes: walkers(30, 11, 150), range: 20, step, end });
    const d2 = createContactDetector({ nodes: walkers(30, 12, 150), range: 20, step, end });
    const a: ContactEvent[] = [];
    for (let t = 0; t <= end; t += 60 * SECOND) { a.push(...d1.pullUntil(t)); d2.pullUntil(t); }
    expect(a).toEqual(alone);
  });

  it('rejects a non-integer step and a missing maxRange with rangeAt', () => {
    expect(() => createContactDetector({ nodes: [], range: 10, step: 0.5 })).toThrow(RangeError);
    expect(() => createContactDetector({ nodes: [], range: 10, rangeAt: () => 10, step: 1 })).toThrow(/maxRange/);
  });
});
