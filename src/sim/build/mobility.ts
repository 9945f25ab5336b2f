/**
 * Builds one node's Mobility from its group's `mobility:` spec: random waypoint over the world,
 * the activity routine between places, or stationary at a place. Knows nothing of radios.
 */
import type { Rng } from '../../core/ports.ts';
import { createActivityRoutine } from '../mobility/activity-routine.ts';
import { createRandomWaypoint, createStationary, pointInPlace, type Mobility, type Place } from '../mobility/index.ts';
import { expandPlaces, WEEKDAYS, type MobilitySpec, type Scenario } from '../scenario/index.ts';
import { createRng } from '../rng.ts';

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

/**
 * Every node's mobility, radio range and the places of a resolved scenario, drawn from exactly the
 * streams a simulation of it uses (`places`, `node/<i>/mobility`), so an emulated trial can replay
 * the same movement, and therefore the same contacts, as `gossip sim`.
 */
export function scenarioMobilities(scenario: Scenario, seed: string | number = scenario.seed): { mobilities: Mobility[]; ranges: Float64Array; places: Place[] } {
  const rng = createRng(String(seed));
  const places = expandPlaces(scenario.world, rng.fork('places'));
  const mobilities: Mobility[] = [];
  const ranges: number[] = [];
  for (const g of scenario.groups) {
    const range = scenario.profiles[g.device]!.link.range;
    for (let k = 0; k < g.count; k++) {
      mobilities.push(mobilityOf(g.mobility, scenario.world, places, rng.fork(`node/${g.firstNode + k}`).fork('mobility')));
      ranges.push(range);
    }
  }
  return { mobilities, ranges: Float64Array.from(ranges), places };
}
