/**
 * Plays a contact schedule on an air in wall-clock time: each contact `{a, b, from, to}` (µs
 * after the start) puts the two nodes in range at `from` and out of range at `to` (which drops
 * their connections mid-transfer if one is running). Overlapping contacts of the same pair count
 * as one (in range while any is active). Reports each change for the trial log.
 */
import type { Scheduler } from '../../core/ports.ts';
import type { Micros } from '../../core/types.ts';
import type { Air } from './air.ts';

export interface Contact {
  readonly a: string;
  readonly b: string;
  readonly from: Micros;
  /** Exclusive end; Infinity = until the end of the trial. */
  readonly to: Micros;
}

interface Change { readonly at: Micros; readonly a: string; readonly b: string; readonly up: boolean }

export class ContactPlayer {
  private readonly cancels: (() => void)[] = [];
  private readonly active = new Map<string, number>();

  constructor(
    private readonly air: Air,
    private readonly scheduler: Scheduler,
    private readonly contacts: readonly Contact[],
    private readonly onChange?: (change: { a: string; b: string; up: boolean; at: Micros }) => void,
  ) {}

  /** Every node pair named in the schedule starts out of range. */
  pairs(): [string, string][] {
    const seen = new Map<string, [string, string]>();
    for (const c of this.contacts) seen.set(c.a < c.b ? `${c.a}\0${c.b}` : `${c.b}\0${c.a}`, [c.a, c.b]);
    return [...seen.values()];
  }

  /** Starts the schedule with `t0` as time zero (wall µs). */
  start(t0: Micros): void {
    const changes: Change[] = [];
    for (const c of this.contacts) {
      changes.push({ at: c.from, a: c.a, b: c.b, up: true });
      if (c.to !== Infinity) changes.push({ at: c.to, a: c.a, b: c.b, up: false });
    }
    changes.sort((x, y) => x.at - y.at || Number(x.up) - Number(y.up));
    for (const ch of changes) this.cancels.push(this.scheduler.at(t0 + ch.at, () => this.apply(ch)));
  }

  private apply(ch: Change): void {
    const key = ch.a < ch.b ? `${ch.a}\0${ch.b}` : `${ch.b}\0${ch.a}`;
    const before = this.active.get(key) ?? 0;
    const after = Math.max(0, before + (ch.up ? 1 : -1));
    this.active.set(key, after);
    if ((before > 0) === (after > 0)) return;
    this.air.setInRange(ch.a, ch.b, after > 0);
    this.onChange?.({ a: ch.a, b: ch.b, up: after > 0, at: this.scheduler.now() });
  }

  stop(): void {
    for (const c of this.cancels.splice(0)) c();
  }
}
