import { describe, it, expect } from 'vitest';
import { createRng } from '../rng.ts';
import { expandPlaces, placeNames, resolveScenarioText } from './index.ts';

const world = resolveScenarioText(`name: t
duration: 1d
world:
  width: 2km
  height: 1km
  places: [{name: market, kind: market, x: 1km, y: 500}]
  generate: {homes: {count: 30}, fields: {count: 5, radius: 80m}}
groups: [{name: a, count: 1, mobility: {model: stationary, place: field-5}}]
`, 't.yaml').scenario.world;

describe('expandPlaces', () => {
  it('keeps listed places and generates named places inside the world', () => {
    const places = expandPlaces(world, createRng(1).fork('world/places'));
    expect(places.map((p) => p.name)).toEqual(placeNames(world).map((p) => p.name));
    expect(places[0]).toEqual({ name: 'market', kind: 'market', x: 1000, y: 500, radius: 40 });
    expect(places.filter((p) => p.kind === 'home')).toHaveLength(30);
    const fields = places.filter((p) => p.kind === 'field');
    expect(fields.map((p) => p.name)).toEqual(['field-1', 'field-2', 'field-3', 'field-4', 'field-5']);
    for (const p of places) {
      expect(p.x - p.radius).toBeGreaterThanOrEqual(0);
      expect(p.x + p.radius).toBeLessThanOrEqual(2000);
      expect(p.y - p.radius).toBeGreaterThanOrEqual(0);
      expect(p.y + p.radius).toBeLessThanOrEqual(1000);
    }
  });

  it('is deterministic per seed', () => {
    expect(expandPlaces(world, createRng(3))).toEqual(expandPlaces(world, createRng(3)));
    expect(expandPlaces(world, createRng(3))).not.toEqual(expandPlaces(world, createRng(4)));
  });
});
