/**
 * Range helpers for contact detection: a `rangeAt` that gives a shorter (indoor) range inside
 * places of chosen kinds and the outdoor range elsewhere (ble.md: 10 m indoors, 30 m outdoors).
 * Places are bucketed in a coarse hash grid so a lookup costs O(1) for village-sized layouts.
 * Knows nothing of the detector's internals.
 */
import type { Place, PlaceKind } from '../mobility/places.ts';

export interface IndoorOutdoorRange {
  readonly rangeAt: (node: number, x: number, y: number) => number;
  readonly maxRange: number;
}

const OFFSET = 2 ** 20;
const key = (cx: number, cy: number): number => (cx + OFFSET) * 2 ** 21 + (cy + OFFSET);

export function indoorOutdoorRange(
  places: readonly Place[],
  indoorKinds: readonly PlaceKind[],
  indoorM: number,
  outdoorM: number,
): IndoorOutdoorRange {
  const indoor = places.filter((p) => indoorKinds.includes(p.kind));
  const cell = Math.max(1, ...indoor.map((p) => 2 * p.radius));
  const buckets = new Map<number, Place[]>();
  for (const p of indoor) {
    for (let cx = Math.floor((p.x - p.radius) / cell); cx <= Math.floor((p.x + p.radius) / cell); cx++) {
      for (let cy = Math.floor((p.y - p.radius) / cell); cy <= Math.floor((p.y + p.radius) / cell); cy++) {
        const k = key(cx, cy);
        const list = buckets.get(k);
        if (list) list.push(p);
        else buckets.set(k, [p]);
      }
    }
  }
  return {
    maxRange: Math.max(indoorM, outdoorM),
    rangeAt: (_node, x, y) => {
      const list = buckets.get(key(Math.floor(x / cell), Math.floor(y / cell)));
      if (list) {
        for (const p of list) {
          const dx = p.x - x, dy = p.y - y;
          if (dx * dx + dy * dy <= p.radius * p.radius) return indoorM;
        }
      }
      return outdoorM;
    },
  };
}
