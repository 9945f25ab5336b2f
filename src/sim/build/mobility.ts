/**
 * Builds one node's Mobility from its group's `mobility:` spec: random waypoint over the world,
 * the activity routine between places, or stationary at a place. Knows nothing of radios.
 */
import type { Rng } from '../../core/ports.ts';
import { createActivityRoutine } from '../mobility/activity-routine.ts';
import { createRandomWaypoint, createStationary, pointInPlace, type Mobility, type Place } from '../mobility/index.ts';
import { WEEKDAYS, type MobilitySpec } from '../scenario/index.ts';

export function mobilityOf(spec: MobilitySpec, world: { width: number; height: number }, places: readonly Place[], rng: Rng): Mobility {
  switch (spec.model) {
    case 'random-waypoint':
      return createRandomWaypoint({ width: world.width, height: world.height, speed: spec.speed, pause: spec.pause }, rng);
    case 'stationary': {
      const place = places.find((p) => p.name === spec.place);
      if (!place) throw new RangeError(`stationary mobility: no place named "${spec.place}"`);
      return createStationary(pointInPlace(place, rng.fork('stationary')));
    }
    case 'routine':
      return createActivityRoutine(
        {
          places,
          home: spec.home,
          speed: spec.speed,
          jitter: spec.jitter,
          activities: spec.activities.map((a) => ({
            at: a.at,
            days: a.days === 'daily' ? 'daily' : a.days.map((d) => WEEKDAYS.indexOf(d)),
            from: a.from,
            to: a.to,
            probability: a.probability,
          })),
        },
        rng,
      );
  }
}
