/**
 * Random waypoint mobility: pick a uniform point in the world, walk there at a uniform speed from
 * the speed range, pause for a uniform time from the pause range, repeat. Legs are generated lazily
 * from the node's own stream (forked as 'random-waypoint', so `legs()` replays identically).
 * Knows nothing of places, radios or the kernel.
 */
import type { Rng } from '../../core/ports.ts';
import type { Micros } from '../../core/types.ts';
import { uniform } from '../world/distributions.ts';
import type { Leg, Mobility } from './leg.ts';
import { LegWriter } from './leg-writer.ts';
import type { Point, WorldSize } from './places.ts';
import { SECOND } from './time-of-day.ts';

export interface RandomWaypointOptions extends WorldSize {
  /** Speed range in m/s; the minimum must be > 0 (a zero minimum makes the mean speed decay). */
  readonly speed: readonly [number, number];
  /** Pause range at each waypoint. */
  readonly pause: readonly [Micros, Micros];
  /** Start position; uniform in the world when omitted. */
  readonly start?: Point;
  /** Time of the first leg (default 0). */
  readonly startTime?: Micros;
}

export function createRandomWaypoint(opts: RandomWaypointOptions, rng: Rng): Mobility {
  if (!(opts.speed[0] > 0) || opts.speed[1] < opts.speed[0]) {
    throw new RangeError(`random waypoint speed range must satisfy 0 < min <= max, got [${opts.speed.join(', ')}]`);
  }
  if (opts.pause[0] < 0 || opts.pause[1] < opts.pause[0]) {
    throw new RangeError(`random waypoint pause range must satisfy 0 <= min <= max, got [${opts.pause.join(', ')}]`);
  }
  return {
    kind: 'random-waypoint',
    *legs(): Generator<Leg, void, undefined> {
      const r = rng.fork('random-waypoint');
      const start = opts.start ?? { x: uniform(r, 0, opts.width), y: uniform(r, 0, opts.height) };
      const w = new LegWriter(opts.startTime ?? 0, start.x, start.y);
      for (;;) {
        w.walkTo(uniform(r, 0, opts.width), uniform(r, 0, opts.height), uniform(r, opts.speed[0], opts.speed[1]));
        w.pauseUntil(w.t + Math.round(uniform(r, opts.pause[0], opts.pause[1])));
        if (w.pending() === 0) w.pauseUntil(w.t + SECOND); // zero-size world and zero pause: still advance time
        yield* w.take();
      }
    },
  };
}
