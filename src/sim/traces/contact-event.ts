/**
 * The contact-trace record shared by every reader: at time `at` (µs) the link between nodes `a` and
 * `b` (0-based indices) comes up or goes down. Readers return these sorted by time, equal times in
 * file order; they do not deduplicate (a repeated `up` is kept: replay semantics belong to the
 * consumer). Knows nothing about file formats.
 */
import type { Micros } from '../../core/types.ts';

export interface ContactEvent {
  readonly at: Micros;
  readonly a: number;
  readonly b: number;
  readonly up: boolean;
}

/** Trace file formats: The ONE's `time CONN a b up|down` or CSV `t,a,b,up|down`. */
export type TraceFormat = 'one' | 'csv';
