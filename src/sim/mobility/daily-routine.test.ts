import { describe, expect, it } from 'vitest';
import { createTestRng } from '../world/test-rng.ts';
import { createDailyRoutine, ROLES, type DailyRoutine } from './daily-routine.ts';
import { createCursor, type Leg } from './leg.ts';
import type { Place } from './places.ts';
import { DAY, HOUR, MINUTE } from './time-of-day.ts';
import { generateVillage } from './village-layout.ts';

const inside = (p: Place, x: number, y: number): boolean => Math.hypot(p.x - x, p.y - y) <= p.radius + 1e-6;

function village(n: number, seed: number): { places: Place[]; nodes: DailyRoutine[] } {
  const rng = createTestRng(seed);
  const places = generateVillage(
    { width: 3000, height: 3000, counts: { home: 40, field: 6, market: 1, clinic: 1, school: 2 } },
    rng,
  );
  const nodes = Array.from({ length: n }, (_, i) =>
    createDailyRoutine({ places, role: ROLES[i % ROLES.length]! }, rng.fork(`node/${i}`)),
  );
  return { places, nodes };
}

/** Share of nodes satisfying `pred` at each of the given times. */
function shares(nodes: DailyRoutine[], times: number[], pred: (n: DailyRoutine, x: number, y: number) => boolean): number[] {
  const cursors = nodes.map((n) => createCursor(n));
  return times.map((t) => {
    let k = 0;
    nodes.forEach((n, i) => { const p = cursors[i]!.positionAt(t); if (pred(n, p.x, p.y)) k++; });
    return k / nodes.length;
  });
}

describe('daily routine', () => {
  const { nodes } = village(300, 11);
  const atHome = (n: DailyRoutine, x: number, y: number): boolean => inside(n.assignment.home, x, y);
  const atMarket = (n: DailyRoutine, x: number, y: number): boolean => !!n.assignment.market && inside(n.assignment.market, x, y);

  it('puts (nearly) everyone at home at 3 am', () => {
    const [d0, d1, d5] = shares(nodes, [3 * HOUR, DAY + 3 * HOUR, 5 * DAY + 3 * HOUR], atHome);
    for (const s of [d0!, d1!, d5!]) expect(s).toBeGreaterThan(0.97);
  });

  it('pulls many people to the market at midday on market days only', () => {
    // Default market: every 7 days from day 0.
    const [market0, plain1, market7] = shares(nodes, [12.5 * HOUR, DAY + 12.5 * HOUR, 7 * DAY + 12.5 * HOUR], atMarket);
    expect(market0!).toBeGreaterThan(0.35);
    expect(market7!).toBeGreaterThan(0.35);
    // On other days only traders (1 in 5 roles) are there.
    expect(plain1!).toBeLessThan(0.25);
    expect(market0! - plain1!).toBeGreaterThan(0.2);
  });

  it('sends farmers to the field and pupils to school in the morning', () => {
    const morning = 9.5 * HOUR + DAY;
    const farmers = nodes.filter((n) => n.assignment.work?.kind === 'field');
    const pupils = nodes.filter((n) => n.assignment.work?.kind === 'school');
    expect(shares(farmers, [morning], (n, x, y) => inside(n.assignment.work!, x, y))[0]).toBeGreaterThan(0.9);
    expect(shares(pupils, [morning], (n, x, y) => inside(n.assignment.work!, x, y))[0]).toBeGreaterThan(0.9);
  });

  it('randomises times per node and per day, deterministically by seed', () => {
    const firstMove = (n: DailyRoutine, day: number): number => {
      const it = n.legs();
      for (;;) {
        const l = it.next().value as Leg;
        if (l.t0 >= day * DAY && (l.x0 !== l.x1 || l.y0 !== l.y1)) return l.t0;
      }
    };
    const farmers = nodes.filter((n) => n.assignment.work?.kind === 'field').slice(0, 10);
    const day1 = farmers.map((n) => firstMove(n, 1) - DAY);
    expect(new Set(day1).size).toBe(day1.length);
    for (const t of day1) expect(Math.abs(t - 6.5 * HOUR)).toBeLessThanOrEqual(45 * MINUTE + 1);
    const f = farmers[0]!;
    expect(firstMove(f, 2) - 2 * DAY).not.toBe(firstMove(f, 1) - DAY);
    const again = village(300, 11).nodes.filter((n) => n.assignment.work?.kind === 'field').slice(0, 10);
    expect(again.map((n) => firstMove(n, 1) - DAY)).toEqual(day1);
  });

  it('produces contiguous legs, day after day', () => {
    const it = nodes[3]!.legs();
    let prev = it.next().value as Leg;
    expect(prev.t0).toBe(0);
    while (prev.t1 < 4 * DAY) {
      const l = it.next().value as Leg;
      expect([l.t0, l.x0, l.y0]).toEqual([prev.t1, prev.x1, prev.y1]);
      expect(l.t1).toBeGreaterThan(l.t0);
      prev = l;
    }
  });

  it('keeps market days on the configured cycle', () => {
    const places = village(1, 1).places;
    const r = createDailyRoutine(
      { places, role: 'farmer', market: { everyDays: 3, offsetDays: 1, attendance: 1, arrive: { at: 11 * HOUR, jitter: 0 }, leave: { at: 14 * HOUR, jitter: 0 } } },
      createTestRng(3),
    );
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((d) => r.isMarketDay(d))).toEqual([false, true, false, false, true, false, false, true]);
    const [m1, m2] = shares([r], [DAY + 12.5 * HOUR, 2 * DAY + 12.5 * HOUR], atMarket);
    expect([m1, m2]).toEqual([1, 0]);
  });

  it('rejects an unknown home', () => {
    const places = village(1, 1).places;
    expect(() => createDailyRoutine({ places, role: 'farmer', home: 'nowhere' }, createTestRng(1))).toThrow(/nowhere/);
  });
});
