/**
 * Trajectories as piecewise-linear legs generated lazily. A `Mobility` is a value whose `legs()`
 * replays the same contiguous sequence every call (leg i ends where and when leg i+1 starts; a
 * pause is a leg with equal endpoints; the last leg may end at Infinity). After the last leg a node
 * stays where it is. Knows nothing of places, radios or the kernel.
 */
import type { Micros } from '../../core/types.ts';
import type { Point } from './places.ts';

/** Straight movement from (x0, y0) at t0 to (x1, y1) at t1, valid on [t0, t1). */
export interface Leg {
  readonly t0: Micros;
  readonly t1: Micros;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A node's movement model. `legs()` must be replayable: each call yields the same legs. */
export interface Mobility {
  readonly kind: string;
  legs(): Iterator<Leg>;
}

/** Position on a leg at time t (clamped to the leg's ends). */
export function positionOnLeg(leg: Leg, t: Micros): Point {
  if (t <= leg.t0 || leg.t1 === leg.t0) return { x: leg.x0, y: leg.y0 };
  if (t >= leg.t1) return { x: leg.x1, y: leg.y1 };
  const f = (t - leg.t0) / (leg.t1 - leg.t0);
  return { x: leg.x0 + (leg.x1 - leg.x0) * f, y: leg.y0 + (leg.y1 - leg.y0) * f };
}

/** Reads one trajectory forwards in time; `positionAt` throws if time goes backwards. */
export interface TrajectoryCursor {
  positionAt(t: Micros): Point;
}

export function createCursor(mobility: Mobility): TrajectoryCursor {
  const it = mobility.legs();
  let leg: Leg | undefined = it.next().value ?? undefined;
  let last: Micros = -Infinity;
  return {
    positionAt(t) {
      if (t < last) throw new RangeError(`trajectory cursor went backwards: ${t} < ${last}`);
      last = t;
      if (!leg) return { x: 0, y: 0 };
      while (t >= leg.t1) {
        const r = it.next();
        if (r.done) return { x: leg.x1, y: leg.y1 };
        leg = r.value;
      }
      return positionOnLeg(leg, t);
    },
  };
}

/** Position at any time, replaying from the start (O(legs); for tests and one-off queries). */
export function positionAt(mobility: Mobility, t: Micros): Point {
  return createCursor(mobility).positionAt(t);
}
