/**
 * Named places of the world (homes, fields, market, clinic, school, kiosks) as discs in metres, and
 * geometric helpers over them. Owns only geometry; knows nothing of nodes, time or radios.
 */
import type { Rng } from '../../core/ports.ts';

export type PlaceKind = 'home' | 'field' | 'market' | 'clinic' | 'school' | 'kiosk';
export const PLACE_KINDS: readonly PlaceKind[] = ['home', 'field', 'market', 'clinic', 'school', 'kiosk'];

/** A disc-shaped place; positions in metres from the world's lower-left corner. */
export interface Place {
  readonly name: string;
  readonly kind: PlaceKind;
  readonly x: number;
  readonly y: number;
  readonly radius: number;
}

export interface WorldSize {
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A point drawn uniformly inside a place's disc (two draws). */
export function pointInPlace(place: Place, rng: Rng): Point {
  const r = place.radius * Math.sqrt(rng.next());
  const a = 2 * Math.PI * rng.next();
  return { x: place.x + r * Math.cos(a), y: place.y + r * Math.sin(a) };
}

export function placesOfKind(places: readonly Place[], kind: PlaceKind): Place[] {
  return places.filter((p) => p.kind === kind);
}

/** Nearest place of a kind to (x, y) by centre distance; ties go to the first listed. */
export function nearestPlace(places: readonly Place[], kind: PlaceKind, x: number, y: number): Place | undefined {
  let best: Place | undefined;
  let bestD = Infinity;
  for (const p of places) {
    if (p.kind !== kind) continue;
    const d = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (d < bestD) { best = p; bestD = d; }
  }
  return best;
}

/** First place whose disc contains (x, y), or undefined (out in the open). */
export function placeAt(places: readonly Place[], x: number, y: number): Place | undefined {
  for (const p of places) {
    if ((p.x - x) ** 2 + (p.y - y) ** 2 <= p.radius * p.radius) return p;
  }
  return undefined;
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
