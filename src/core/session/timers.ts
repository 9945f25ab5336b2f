/**
 * The session's timers as a small named table (quinn-proto style): each name holds a deadline or
 * null, the earliest one is the next deadline a driver must wake the session at, and asking for
 * expired timers at a time before every deadline yields nothing (a spurious timeout is a no-op).
 */
import type { Micros } from '../types.ts';
import { TIMER_NAMES, type TimerName } from './types.ts';

export class Timers {
  private readonly table: Record<TimerName, Micros | null> = { handshake: null, request: null, idle: null };

  get(name: TimerName): Micros | null { return this.table[name]; }
  set(name: TimerName, at: Micros | null): void { this.table[name] = at; }
  clearAll(): void { for (const n of TIMER_NAMES) this.table[n] = null; }

  /** The earliest deadline, or null when no timer is armed. */
  next(): Micros | null {
    let min: Micros | null = null;
    for (const n of TIMER_NAMES) {
      const t = this.table[n];
      if (t !== null && (min === null || t < min)) min = t;
    }
    return min;
  }

  /** Timers due at `now`, earliest first; they are disarmed. */
  takeExpired(now: Micros): TimerName[] {
    const due = TIMER_NAMES.filter((n) => this.table[n] !== null && this.table[n]! <= now);
    due.sort((a, b) => this.table[a]! - this.table[b]!);
    for (const n of due) this.table[n] = null;
    return due;
  }
}
