/**
 * The scenario's `routine` mobility: a device lives at a home place and, day by day, goes to the
 * activities its group lists (`{at, days, from, to, probability}`), walking between places at a
 * drawn speed; start and end times are jittered per device per day. An activity `at` a place kind
 * binds the device to one place of that kind for the whole run. Overlapping activities: the first
 * listed wins. Deterministic from the injected per-node Rng; `legs()` replays the same legs.
 * Knows nothing of radios, contacts or the kernel.
 */
import type { Rng } from '../../core/ports.ts';
import type { Micros } from '../../core/types.ts';
import type { Leg, Mobility } from './leg.ts';
import { LegWriter } from './leg-writer.ts';
import { pointInPlace, type Place, type Point } from './places.ts';
import { DAY } from './time-of-day.ts';

export interface RoutineActivity {
  /** Place name or place kind. */
  readonly at: string;
  /** 'daily' or weekday indices 0 = Monday … 6 = Sunday (the run starts on a Monday). */
  readonly days: 'daily' | readonly number[];
  /** Times of day (µs since midnight); `to` before `from` means overnight. */
  readonly from: Micros;
  readonly to: Micros;
  readonly probability: number;
}

export interface ActivityRoutineOptions {
  readonly places: readonly Place[];
  /** Home: a place name or a place kind. */
  readonly home: string;
  readonly activities: readonly RoutineActivity[];
  readonly speed: readonly [number, number];
  readonly jitter: Micros;
}

function bindPlace(places: readonly Place[], nameOrKind: string, rng: Rng): Place {
  const byName = places.find((p) => p.name === nameOrKind);
  if (byName) return byName;
  const ofKind = places.filter((p) => p.kind === nameOrKind);
  if (ofKind.length === 0) throw new RangeError(`routine: no place named or of kind "${nameOrKind}"`);
  return ofKind[rng.int(0, ofKind.length - 1)]!;
}

export function createActivityRoutine(opts: ActivityRoutineOptions, rng: Rng): Mobility {
  const setup = rng.fork('routine-places');
  const home = bindPlace(opts.places, opts.home, setup);
  const house = pointInPlace(home, setup);
  const bound = opts.activities.map((a) => {
    const place = bindPlace(opts.places, a.at, setup);
    return { a, place, spot: pointInPlace(place, setup) };
  });
  const seed = rng.fork('routine-days').int(0, 0x7fffffff);
  const [vmin, vmax] = opts.speed;

  return {
    kind: 'routine',
    *legs(): Iterator<Leg> {
      const day = rng.fork(`routine-days/${seed}`);
      const w = new LegWriter(0, house.x, house.y);
      const speed = () => vmin + (vmax - vmin) * day.next();
      const jit = () => Math.round((day.next() * 2 - 1) * opts.jitter);
      for (let d = 0; ; d++) {
        const weekday = d % 7;
        const base = d * DAY;
        const today: { start: Micros; end: Micros; spot: Point }[] = [];
        for (const { a, spot } of bound) {
          // Draws happen for every activity every day so one activity never shifts another's stream.
          const go = day.next() < a.probability;
          const j1 = jit();
          const j2 = jit();
          if (!go || (a.days !== 'daily' && !a.days.includes(weekday))) continue;
          const start = base + a.from + j1;
          let end = base + a.to + j2;
          if (a.to <= a.from) end += DAY;
          if (end <= start) continue;
          if (today.some((o) => start < o.end && end > o.start)) continue;
          today.push({ start, end, spot });
        }
        today.sort((x, y) => x.start - y.start);
        for (const act of today) {
          if (act.start < w.t) continue;
          w.pauseUntil(act.start);
          w.walkTo(act.spot.x, act.spot.y, speed());
          w.pauseUntil(act.end);
          w.walkTo(house.x, house.y, speed());
        }
        w.pauseUntil(base + DAY);
        for (const leg of w.take()) yield leg;
      }
    },
  };
}
