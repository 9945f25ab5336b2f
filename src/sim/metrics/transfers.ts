/**
 * Observes adapter transfers: one record per (encounter, adapter, receiving node) from its first
 * requested chunk to its end (completed, interrupted, or ended with the encounter unfinished), the
 * counters of summary.json and rows of transfers.csv. Never influences the run.
 */
import type { Micros } from '../../core/types.ts';
import { MICROS_PER_SECOND } from '../../core/types.ts';

export interface TransferRecord {
  start: Micros;
  end: Micros | null;
  from: number;
  to: number;
  adapter: string;
  chunks: number;
  bytes: number;
  resumed: boolean;
  outcome: 'completed' | 'interrupted' | 'incomplete' | 'running';
}

export class TransferObserver {
  readonly records: TransferRecord[] = [];
  bytesTransferred = 0;

  start(at: Micros, from: number, to: number, adapter: string, resumed: boolean): TransferRecord {
    const r: TransferRecord = { start: at, end: null, from, to, adapter, chunks: 0, bytes: 0, resumed, outcome: 'running' };
    this.records.push(r);
    return r;
  }

  chunk(r: TransferRecord, bytes: number): void {
    r.chunks++;
    r.bytes += bytes;
    this.bytesTransferred += bytes;
  }

  finish(r: TransferRecord, at: Micros, outcome: 'completed' | 'interrupted' | 'incomplete'): void {
    if (r.outcome !== 'running') return;
    r.end = at;
    r.outcome = outcome;
  }

  counters(): { started: number; completed: number; interrupted: number; resumed: number } {
    let completed = 0;
    let interrupted = 0;
    let resumed = 0;
    for (const r of this.records) {
      if (r.outcome === 'completed') completed++;
      else if (r.outcome === 'interrupted') interrupted++;
      if (r.resumed) resumed++;
    }
    return { started: this.records.length, completed, interrupted, resumed };
  }

  static readonly columns = ['start_s', 'end_s', 'from', 'to', 'adapter', 'chunks', 'bytes', 'resumed', 'outcome'] as const;

  rows(nodeName: (i: number) => string): Record<(typeof TransferObserver.columns)[number], string | number | boolean | null>[] {
    return this.records.map((r) => ({
      start_s: r.start / MICROS_PER_SECOND,
      end_s: r.end === null ? null : r.end / MICROS_PER_SECOND,
      from: nodeName(r.from),
      to: nodeName(r.to),
      adapter: r.adapter,
      chunks: r.chunks,
      bytes: r.bytes,
      resumed: r.resumed,
      outcome: r.outcome,
    }));
  }
}
