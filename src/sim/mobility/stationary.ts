/**
 * Stationary mobility: a node (a kiosk, a solar charging point) that never moves. Knows nothing of
 * radios or the kernel.
 */
import type { Micros } from '../../core/types.ts';
import type { Mobility } from './leg.ts';
import type { Point } from './places.ts';

export function createStationary(at: Point, start: Micros = 0): Mobility {
  const leg = { t0: start, t1: Infinity, x0: at.x, y0: at.y, x1: at.x, y1: at.y };
  return {
    kind: 'stationary',
    *legs() {
      yield leg;
    },
  };
}
