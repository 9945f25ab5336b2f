/**
 * Calendar helpers for the world models: the simulation clock starts at 00:00 of day 0, so the time
 * of day of `t` is `t mod DAY`. Integer microseconds throughout. Knows nothing of the kernel.
 */
import type { Micros } from '../../core/types.ts';

export const SECOND: Micros = 1_000_000;
export const MINUTE: Micros = 60 * SECOND;
export const HOUR: Micros = 60 * MINUTE;
export const DAY: Micros = 24 * HOUR;

/** Day index of `t` (day 0 starts at t = 0). */
export function dayOf(t: Micros): number {
  return Math.floor(t / DAY);
}

/** Microseconds since the most recent midnight. */
export function timeOfDay(t: Micros): Micros {
  return t - dayOf(t) * DAY;
}

/** Parses "HH:MM" (or "HH:MM:SS") into a time of day; throws RangeError on bad input. */
export function clock(hhmm: string): Micros {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(hhmm);
  if (!m) throw new RangeError(`bad time of day "${hhmm}", expected HH:MM`);
  const h = Number(m[1]), min = Number(m[2]), s = Number(m[3] ?? 0);
  if (h > 24 || min > 59 || s > 59) throw new RangeError(`bad time of day "${hhmm}"`);
  return h * HOUR + min * MINUTE + s * SECOND;
}
