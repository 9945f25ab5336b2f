/**
 * One device's daily windows (night off, charging): for each day, whether the window happens and
 * its jittered start and end, drawn from a stream forked per day so a day's window is a pure
 * function of (device stream, day) and is cached. Answers "active at t?" and "next boundary after
 * t". Knows nothing of batteries or the kernel.
 */
import type { Rng } from '../../core/ports.ts';
import type { Micros } from '../../core/types.ts';
import { jittered } from '../world/distributions.ts';
import { DAY, dayOf } from '../mobility/time-of-day.ts';
import type { DailyWindow } from './churn-params.ts';

/** How many days ahead `nextBoundary` looks before concluding there is none. */
const LOOKAHEAD_DAYS = 400;

export class DailyWindows {
  private readonly cache = new Map<number, readonly [Micros, Micros] | null>();

  constructor(private readonly w: DailyWindow, private readonly rng: Rng, private readonly purpose: string) {
    const length = (((w.to - w.from) % DAY) + DAY) % DAY;
    if (length + 2 * w.jitter >= DAY) throw new RangeError(`${purpose} window plus jitter must be shorter than a day`);
    if (w.probability < 0 || w.probability > 1) throw new RangeError(`${purpose} probability must be in [0, 1]`);
  }

  /** The window that starts on `day`, or null. */
  window(day: number): readonly [Micros, Micros] | null {
    const hit = this.cache.get(day);
    if (hit !== undefined) return hit;
    const r = this.rng.fork(`${this.purpose}/${day}`);
    const happens = r.next() < this.w.probability;
    const length = (((this.w.to - this.w.from) % DAY) + DAY) % DAY;
    const start = day * DAY + Math.round(jittered(r, this.w.from, this.w.jitter));
    const end = day * DAY + Math.round(jittered(r, this.w.from + length, this.w.jitter));
    const win = happens && end > start ? ([start, end] as const) : null;
    this.cache.set(day, win);
    return win;
  }

  active(t: Micros): boolean {
    const d = dayOf(t);
    for (let k = d - 1; k <= d + 1; k++) {
      const w = this.window(k);
      if (w && t >= w[0] && t < w[1]) return true;
    }
    return false;
  }

  /** Earliest window start or end strictly after t, or Infinity. */
  nextBoundary(t: Micros): Micros {
    if (this.w.probability === 0) return Infinity;
    const d = dayOf(t);
    let best = Infinity;
    for (let k = d - 1; k <= d + LOOKAHEAD_DAYS; k++) {
      const w = this.window(k);
      if (w) {
        if (w[0] > t && w[0] < best) best = w[0];
        if (w[1] > t && w[1] < best) best = w[1];
      }
      // Windows of later days start later than (k + 1) * DAY - jitter: stop once past the best.
      if (best < (k + 1) * DAY - this.w.jitter) break;
    }
    return best;
  }
}
