/**
 * Generates a village layout (homes, fields, markets, clinics, schools, kiosks) as named places at
 * random positions inside the world, for scenarios and benchmarks that do not list places by hand.
 * Shared places (market, clinic, school) sit in the central half of the world, fields towards the
 * edges, homes anywhere. Knows nothing of nodes, radios or the kernel.
 */
import type { Rng } from '../../core/ports.ts';
import { uniform } from '../world/distributions.ts';
import type { Place, PlaceKind, WorldSize } from './places.ts';

export interface VillageLayoutOptions extends WorldSize {
  /** How many places of each kind. */
  readonly counts: Readonly<Partial<Record<PlaceKind, number>>>;
  /** Radius in metres of each kind (defaults: home 40, field 250, market 120, clinic 30, school 60, kiosk 5). */
  readonly radii?: Readonly<Partial<Record<PlaceKind, number>>>;
}

export const DEFAULT_PLACE_RADII: Readonly<Record<PlaceKind, number>> = {
  home: 40, field: 250, market: 120, clinic: 30, school: 60, kiosk: 5,
};

const ORDER: readonly PlaceKind[] = ['market', 'clinic', 'school', 'kiosk', 'field', 'home'];

export function generateVillage(opts: VillageLayoutOptions, rng: Rng): Place[] {
  const r = rng.fork('village-layout');
  const places: Place[] = [];
  for (const kind of ORDER) {
    const n = opts.counts[kind] ?? 0;
    const radius = opts.radii?.[kind] ?? DEFAULT_PLACE_RADII[kind];
    const central = kind === 'market' || kind === 'clinic' || kind === 'school' || kind === 'kiosk';
    for (let i = 0; i < n; i++) {
      const [x, y] = central
        ? [uniform(r, opts.width / 4, (3 * opts.width) / 4), uniform(r, opts.height / 4, (3 * opts.height) / 4)]
        : kind === 'field'
          ? edgePoint(r, opts.width, opts.height, radius)
          : [uniform(r, radius, Math.max(radius, opts.width - radius)), uniform(r, radius, Math.max(radius, opts.height - radius))];
      places.push({ name: `${kind}-${i}`, kind, x, y, radius });
    }
  }
  return places;
}

/** A point in the outer band of the world (outside the central half in at least one axis). */
function edgePoint(r: Rng, width: number, height: number, radius: number): [number, number] {
  const x = uniform(r, radius, Math.max(radius, width - radius));
  const y = uniform(r, radius, Math.max(radius, height - radius));
  const inCentreX = x > width / 4 && x < (3 * width) / 4;
  const inCentreY = y > height / 4 && y < (3 * height) / 4;
  if (!(inCentreX && inCentreY)) return [x, y];
  // Push the point out along the axis it is closest to leaving.
  return Math.abs(x - width / 2) / width > Math.abs(y - height / 2) / height
    ? [x < width / 2 ? x - width / 4 : x + width / 4, y]
    : [x, y < height / 2 ? y - height / 4 : y + height / 4];
}
