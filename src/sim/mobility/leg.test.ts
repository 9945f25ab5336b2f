import { describe, expect, it } from 'vitest';
import { createCursor, positionAt, positionOnLeg, type Leg, type Mobility } from './leg.ts';
import { createStationary } from './stationary.ts';

const fromLegs = (legs: Leg[]): Mobility => ({ kind: 'fixed', *legs() { yield* legs; } });

describe('legs and cursors', () => {
  const m = fromLegs([
    { t0: 0, t1: 10, x0: 0, y0: 0, x1: 10, y1: 0 },
    { t0: 10, t1: 20, x0: 10, y0: 0, x1: 10, y1: 0 },
    { t0: 20, t1: 30, x0: 10, y0: 0, x1: 10, y1: 20 },
  ]);

  it('interpolates linearly along a leg', () => {
    expect(positionOnLeg({ t0: 0, t1: 4, x0: 0, y0: 0, x1: 8, y1: 4 }, 1)).toEqual({ x: 2, y: 1 });
    expect(positionAt(m, 5)).toEqual({ x: 5, y: 0 });
    expect(positionAt(m, 25)).toEqual({ x: 10, y: 10 });
  });

  it('walks forwards through legs and stays at the last point after the end', () => {
    const c = createCursor(m);
    expect(c.positionAt(0)).toEqual({ x: 0, y: 0 });
    expect(c.positionAt(15)).toEqual({ x: 10, y: 0 });
    expect(c.positionAt(1000)).toEqual({ x: 10, y: 20 });
  });

  it('refuses to go backwards in time', () => {
    const c = createCursor(m);
    c.positionAt(20);
    expect(() => c.positionAt(5)).toThrow(RangeError);
  });

  it('keeps a stationary node in place forever', () => {
    const s = createStationary({ x: 3, y: 4 });
    expect(positionAt(s, 0)).toEqual({ x: 3, y: 4 });
    expect(positionAt(s, 1e15)).toEqual({ x: 3, y: 4 });
  });
});
