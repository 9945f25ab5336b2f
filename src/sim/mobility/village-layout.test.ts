import { describe, expect, it } from 'vitest';
import { createTestRng } from '../world/test-rng.ts';
import { generateVillage } from './village-layout.ts';

describe('village layout', () => {
  const opts = { width: 3000, height: 2000, counts: { home: 50, field: 6, market: 1, clinic: 2, school: 2, kiosk: 3 } };

  it('places the requested number of each kind inside the world, shared places in the centre', () => {
    const places = generateVillage(opts, createTestRng(1));
    expect(places.length).toBe(64);
    expect(places.filter((p) => p.kind === 'home').length).toBe(50);
    expect(new Set(places.map((p) => p.name)).size).toBe(64);
    for (const p of places) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(3000);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(2000);
      if (p.kind === 'market' || p.kind === 'clinic' || p.kind === 'school') {
        expect(Math.abs(p.x - 1500)).toBeLessThanOrEqual(750);
        expect(Math.abs(p.y - 1000)).toBeLessThanOrEqual(500);
      }
      if (p.kind === 'field') {
        expect(Math.abs(p.x - 1500) > 750 || Math.abs(p.y - 1000) > 500).toBe(true);
      }
    }
  });

  it('is deterministic by seed', () => {
    expect(generateVillage(opts, createTestRng(2))).toEqual(generateVillage(opts, createTestRng(2)));
    expect(generateVillage(opts, createTestRng(2))).not.toEqual(generateVillage(opts, createTestRng(3)));
  });
});
