/**
 * Expanding a world spec into concrete places: the listed places as given, then the generated ones
 * (`generate: {homes: {count: 60}}`) at uniform random positions inside the world (kept a radius
 * away from the edges), drawn from the given RNG (fork it per purpose, e.g. `rng.fork('world/places')`).
 * Names and order match `placeNames`. Knows nothing about how devices move between places.
 */
import type { Rng } from '../../core/ports.ts';
import { uniform } from '../rng.ts';
import { DEFAULT_PLACE_RADIUS, GENERATE_KEYS } from './world-schema.ts';
import type { WorldSpec } from './world-schema.ts';
import type { Place } from '../mobility/places.ts';

/** A named place (metres): the one shape shared with the mobility models. */
export type { Place };

export function expandPlaces(world: WorldSpec, rng: Rng): Place[] {
  const out: Place[] = world.places.map((p) => ({ name: p.name, kind: p.kind, x: p.x, y: p.y, radius: p.radius ?? DEFAULT_PLACE_RADIUS[p.kind] }));
  for (const [key, kind] of Object.entries(GENERATE_KEYS)) {
    const g = world.generate[key as keyof typeof GENERATE_KEYS];
    if (!g) continue;
    const radius = g.radius ?? DEFAULT_PLACE_RADIUS[kind];
    const mx = Math.min(radius, world.width / 2);
    const my = Math.min(radius, world.height / 2);
    for (let i = 1; i <= g.count; i++) {
      out.push({ name: `${kind}-${i}`, kind, x: uniform(rng, mx, world.width - mx), y: uniform(rng, my, world.height - my), radius });
    }
  }
  return out;
}
