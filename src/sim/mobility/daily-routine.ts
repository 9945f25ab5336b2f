/**
 * Daily-routine mobility for village life: home (a fixed house point) at night; in the morning to a
 * role's place (farmer → own plot in the nearest field, pupil → nearest school, health worker →
 * nearest clinic, trader → own stall at the nearest market, homebody → stays home); on market days
 * (every `everyDays` days) a share of people go to the market around midday; evenings back home.
 * Every time is jittered per node per day from the node's stream (forked as 'daily-routine'), so the
 * trajectory is deterministic and `legs()` replays it. Knows nothing of radios or the kernel.
 */
import type { Rng } from '../../core/ports.ts';
import type { Micros } from '../../core/types.ts';
import { jittered, uniform } from '../world/distributions.ts';
import type { Leg, Mobility } from './leg.ts';
import { LegWriter } from './leg-writer.ts';
import { nearestPlace, placesOfKind, pointInPlace, type Place, type PlaceKind, type Point } from './places.ts';
import { DAY, HOUR, MINUTE } from './time-of-day.ts';

export type Role = 'farmer' | 'pupil' | 'health-worker' | 'trader' | 'homebody';
export const ROLES: readonly Role[] = ['farmer', 'pupil', 'health-worker', 'trader', 'homebody'];

/** A time of day with uniform jitter: drawn in [at - jitter, at + jitter] each day. */
export interface TimeWindow {
  readonly at: Micros;
  readonly jitter: Micros;
}

export interface MarketDays {
  /** A market every `everyDays` days (e.g. 3 or 7), on days where (day - offsetDays) % everyDays == 0. */
  readonly everyDays: number;
  readonly offsetDays: number;
  /** Probability that a farmer, health worker or homebody goes on a market day (pupils are in school; traders always go). */
  readonly attendance: number;
  readonly arrive: TimeWindow;
  readonly leave: TimeWindow;
}

export interface DailyRoutineOptions {
  readonly places: readonly Place[];
  readonly role: Role;
  /** Name of the home place; a random home place when omitted. */
  readonly home?: string;
  /** Walking speed range in m/s (default 0.8–1.5), drawn per trip. */
  readonly speed?: readonly [number, number];
  /** When the node leaves home and returns; defaults per role (ROLE_HOURS). */
  readonly leaveHome?: TimeWindow;
  readonly returnHome?: TimeWindow;
  /** Market days; null for none. Default: every 7 days from day 0, 60 % attendance, 11:00–14:00 ± 1 h. */
  readonly market?: MarketDays | null;
  /** In shared places (market visits, school, clinic) move to a new random spot about this often; null to stay put. Default 15 min. */
  readonly wanderEvery?: Micros | null;
  /** First simulated day (default 0); the node is at home at its midnight. */
  readonly startDay?: number;
}

export const ROLE_HOURS: Readonly<Record<Role, { leave: TimeWindow; back: TimeWindow }>> = {
  farmer: { leave: { at: 6.5 * HOUR, jitter: 45 * MINUTE }, back: { at: 17 * HOUR, jitter: HOUR } },
  pupil: { leave: { at: 7.25 * HOUR, jitter: 20 * MINUTE }, back: { at: 14.5 * HOUR, jitter: 30 * MINUTE } },
  'health-worker': { leave: { at: 7.5 * HOUR, jitter: 30 * MINUTE }, back: { at: 17.5 * HOUR, jitter: 45 * MINUTE } },
  trader: { leave: { at: 7 * HOUR, jitter: 45 * MINUTE }, back: { at: 18 * HOUR, jitter: 45 * MINUTE } },
  homebody: { leave: { at: 9 * HOUR, jitter: HOUR }, back: { at: 16 * HOUR, jitter: HOUR } },
};

export const DEFAULT_MARKET: MarketDays = {
  everyDays: 7,
  offsetDays: 0,
  attendance: 0.6,
  arrive: { at: 11 * HOUR, jitter: HOUR },
  leave: { at: 14 * HOUR, jitter: HOUR },
};

const WORK_KIND: Readonly<Record<Role, PlaceKind | null>> = {
  farmer: 'field', pupil: 'school', 'health-worker': 'clinic', trader: 'market', homebody: null,
};

/** Where a routine node lives and works (fixed for the whole run). */
export interface RoutineAssignment {
  readonly home: Place;
  readonly house: Point;
  readonly work: Place | undefined;
  /** Fixed spot at work (farm plot, market stall) or undefined where the node wanders (school, clinic). */
  readonly workSpot: Point | undefined;
  readonly market: Place | undefined;
}

export interface DailyRoutine extends Mobility {
  readonly assignment: RoutineAssignment;
  /** True when `day` is a market day under these options. */
  isMarketDay(day: number): boolean;
}

export function createDailyRoutine(opts: DailyRoutineOptions, rng: Rng): DailyRoutine {
  const speed = opts.speed ?? [0.8, 1.5];
  if (!(speed[0] > 0) || speed[1] < speed[0]) throw new RangeError(`routine speed range must satisfy 0 < min <= max`);
  const market = opts.market === undefined ? DEFAULT_MARKET : opts.market;
  if (market && !(market.everyDays >= 1)) throw new RangeError(`market everyDays must be >= 1, got ${market.everyDays}`);
  const hours = ROLE_HOURS[opts.role];
  const leaveHome = opts.leaveHome ?? hours.leave;
  const returnHome = opts.returnHome ?? hours.back;
  const wanderEvery = opts.wanderEvery === undefined ? 15 * MINUTE : opts.wanderEvery;
  const assignment = assign(opts, rng.fork('routine-assign'));
  const isMarketDay = (day: number): boolean =>
    market !== null && (((day - market.offsetDays) % market.everyDays) + market.everyDays) % market.everyDays === 0;

  function* legs(): Generator<Leg, void, undefined> {
    const r = rng.fork('daily-routine');
    const { house, work, workSpot } = assignment;
    const startDay = opts.startDay ?? 0;
    const w = new LegWriter(startDay * DAY, house.x, house.y);
    const walk = (p: Point): void => w.walkTo(p.x, p.y, uniform(r, speed[0], speed[1]));
    /** Go to a place now and stay until `until`: at a fixed spot, or wandering between random spots. */
    const visit = (place: Place, spot: Point | undefined, until: Micros): void => {
      if (spot) { walk(spot); w.pauseUntil(until); return; }
      walk(pointInPlace(place, r));
      if (wanderEvery !== null && wanderEvery > 0) {
        for (;;) {
          const next = w.t + Math.round(jittered(r, wanderEvery, wanderEvery / 2));
          if (next >= until) break;
          w.pauseUntil(next);
          walk(pointInPlace(place, r));
        }
      }
      w.pauseUntil(until);
    };
    for (let day = startDay; ; day++) {
      const base = day * DAY;
      const leave = base + Math.round(jittered(r, leaveHome.at, leaveHome.jitter));
      const back = base + Math.round(jittered(r, returnHome.at, returnHome.jitter));
      let attends = false;
      let mArrive = 0, mLeave = 0;
      if (market && isMarketDay(day) && assignment.market) {
        const draw = r.next();
        attends = opts.role === 'trader' || (opts.role !== 'pupil' && draw < market.attendance);
        mArrive = base + Math.round(jittered(r, market.arrive.at, market.arrive.jitter));
        mLeave = Math.max(mArrive + 10 * MINUTE, base + Math.round(jittered(r, market.leave.at, market.leave.jitter)));
      }
      const toMarket = attends && opts.role !== 'trader';
      if (work && back > leave) {
        w.pauseUntil(leave);
        if (toMarket && assignment.market) {
          visit(work, workSpot, mArrive);
          visit(assignment.market, undefined, mLeave);
          if (back - w.t > HOUR) visit(work, workSpot, back);
        } else {
          visit(work, workSpot, back);
        }
        walk(house);
      } else if (toMarket && assignment.market) {
        w.pauseUntil(mArrive);
        visit(assignment.market, undefined, mLeave);
        walk(house);
      }
      w.pauseUntil(base + DAY);
      yield* w.take();
    }
  }

  return { kind: 'daily-routine', assignment, isMarketDay, legs };
}

function assign(opts: DailyRoutineOptions, r: Rng): RoutineAssignment {
  let home: Place | undefined;
  if (opts.home !== undefined) {
    home = opts.places.find((p) => p.name === opts.home);
    if (!home) throw new RangeError(`routine home "${opts.home}" is not a known place`);
  } else {
    const homes = placesOfKind(opts.places, 'home');
    if (homes.length === 0) throw new RangeError('daily routine needs at least one place of kind "home"');
    home = homes[r.int(0, homes.length - 1)];
  }
  if (!home) throw new RangeError('daily routine: no home');
  const house = pointInPlace(home, r);
  const kind = WORK_KIND[opts.role];
  const work = kind ? nearestPlace(opts.places, kind, house.x, house.y) : undefined;
  const fixedSpot = opts.role === 'farmer' || opts.role === 'trader';
  const workSpot = work && fixedSpot ? pointInPlace(work, r) : undefined;
  const market = nearestPlace(opts.places, 'market', house.x, house.y);
  return { home, house, work, workSpot, market };
}
