/**
 * Builds contiguous legs from "pause until" and "walk to" steps, so mobility models only describe
 * where to go and when. Internal helper of the mobility folder.
 */
import type { Micros } from '../../core/types.ts';
import type { Leg } from './leg.ts';
import { SECOND } from './time-of-day.ts';

export class LegWriter {
  /** Legs written since the last `take()`. */
  private out: Leg[] = [];
  constructor(public t: Micros, public x: number, public y: number) {}

  /** Stays put until `t` (no-op if `t` is not in the future). */
  pauseUntil(t: Micros): void {
    if (t <= this.t) return;
    this.out.push({ t0: this.t, t1: t, x0: this.x, y0: this.y, x1: this.x, y1: this.y });
    this.t = t;
  }

  /** Walks in a straight line at `speed` m/s, starting now. */
  walkTo(x: number, y: number, speed: number): void {
    const d = Math.hypot(x - this.x, y - this.y);
    const dt = Math.max(1, Math.round((d / speed) * SECOND));
    if (d === 0) return;
    this.out.push({ t0: this.t, t1: this.t + dt, x0: this.x, y0: this.y, x1: x, y1: y });
    this.t += dt;
    this.x = x;
    this.y = y;
  }

  /** Number of legs written since the last `take()`. */
  pending(): number {
    return this.out.length;
  }

  /** Hands over the legs written so far. */
  take(): Leg[] {
    const legs = this.out;
    this.out = [];
    return legs;
  }
}
