import { describe, expect, it } from 'vitest';
import { placeAt, type Place } from '../mobility/places.ts';
import { generateVillage } from '../mobility/village-layout.ts';
import { indoorOutdoorRange } from './range.ts';
import { createTestRng } from './test-rng.ts';

describe('indoor/outdoor range', () => {
  it('is the indoor range inside indoor places and the outdoor range elsewhere', () => {
    const places: Place[] = [
      { name: 'h', kind: 'home', x: 100, y: 100, radius: 20 },
      { name: 'm', kind: 'market', x: 300, y: 100, radius: 50 },
    ];
    const r = indoorOutdoorRange(places, ['home'], 10, 30);
    expect(r.maxRange).toBe(30);
    expect(r.rangeAt(0, 100, 119)).toBe(10);
    expect(r.rangeAt(0, 100, 121)).toBe(30);
    expect(r.rangeAt(0, 300, 100)).toBe(30); // markets are outdoors here
  });

  it('agrees with a linear scan of the places for random points', () => {
    const rng = createTestRng(1);
    const places = generateVillage({ width: 2000, height: 2000, counts: { home: 120, school: 3, clinic: 2, field: 4 } }, rng);
    const indoor = places.filter((p) => p.kind === 'home' || p.kind === 'school');
    const r = indoorOutdoorRange(places, ['home', 'school'], 8, 25);
    for (let k = 0; k < 20_000; k++) {
      const x = rng.next() * 2200 - 100, y = rng.next() * 2200 - 100;
      expect(r.rangeAt(k, x, y)).toBe(placeAt(indoor, x, y) ? 8 : 25);
    }
  });
});
