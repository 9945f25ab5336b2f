/**
 * Positions of many nodes read forwards in time from their lazily generated legs, stored in flat
 * typed arrays (one current leg per node), so thousands of trajectories cost O(N) memory and O(1)
 * amortised work per node per sample. Knows nothing of radios or contacts.
 */
import type { Micros } from '../../core/types.ts';
import type { Leg, Mobility } from '../mobility/leg.ts';

export class PositionTracker {
  readonly size: number;
  /** Positions at the last `update(t)`, metres. */
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  private readonly t0: Float64Array;
  private readonly t1: Float64Array;
  private readonly x0: Float64Array;
  private readonly y0: Float64Array;
  private readonly x1: Float64Array;
  private readonly y1: Float64Array;
  private readonly iters: Iterator<Leg>[];
  private last: Micros = -Infinity;

  constructor(mobilities: readonly Mobility[]) {
    const n = mobilities.length;
    this.size = n;
    this.xs = new Float64Array(n);
    this.ys = new Float64Array(n);
    this.t0 = new Float64Array(n);
    this.t1 = new Float64Array(n);
    this.x0 = new Float64Array(n);
    this.y0 = new Float64Array(n);
    this.x1 = new Float64Array(n);
    this.y1 = new Float64Array(n);
    this.iters = mobilities.map((m) => m.legs());
    for (let i = 0; i < n; i++) {
      const first = this.iters[i]!.next();
      if (first.done) this.setLeg(i, { t0: -Infinity, t1: Infinity, x0: 0, y0: 0, x1: 0, y1: 0 });
      else this.setLeg(i, first.value);
    }
  }

  /** Moves every node to time `t` (non-decreasing across calls). */
  update(t: Micros): void {
    if (t < this.last) throw new RangeError(`position tracker went backwards: ${t} < ${this.last}`);
    this.last = t;
    const { t0, t1, x0, y0, x1, y1, xs, ys } = this;
    for (let i = 0; i < this.size; i++) {
      if (t >= t1[i]!) this.advanceLeg(i, t);
      const a = t0[i]!, b = t1[i]!;
      if (t <= a || b === a || x0[i] === x1[i] && y0[i] === y1[i]) {
        xs[i] = t <= a ? x0[i]! : x1[i]!;
        ys[i] = t <= a ? y0[i]! : y1[i]!;
      } else {
        const f = (t - a) / (b - a);
        xs[i] = x0[i]! + (x1[i]! - x0[i]!) * f;
        ys[i] = y0[i]! + (y1[i]! - y0[i]!) * f;
      }
    }
  }

  private advanceLeg(i: number, t: Micros): void {
    const it = this.iters[i]!;
    while (t >= this.t1[i]!) {
      const r = it.next();
      if (r.done) {
        // Trajectory over: stay at the last point forever.
        this.setLeg(i, { t0: this.t1[i]!, t1: Infinity, x0: this.x1[i]!, y0: this.y1[i]!, x1: this.x1[i]!, y1: this.y1[i]! });
        return;
      }
      this.setLeg(i, r.value);
    }
  }

  private setLeg(i: number, leg: Leg): void {
    this.t0[i] = leg.t0;
    this.t1[i] = leg.t1;
    this.x0[i] = leg.x0;
    this.y0[i] = leg.y0;
    this.x1[i] = leg.x1;
    this.y1[i] = leg.y1;
  }
}
