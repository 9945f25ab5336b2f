/**
 * trial.jsonl: one JSON record per line, written as events happen once the trial clock runs (a
 * crashed run keeps what it saw). Every record has `t` (seconds since the trial started; node
 * start-up records, written when the clock starts, have t < 0),
 * `at` (wall-clock µs since the epoch) and `event`; node events add `node` and their fields
 * (node-events.ts); the runner adds trial-start/trial-end and contact-start/contact-end (`a`, `b`).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Micros } from '../../core/types.ts';
import type { NodeEvent } from '../ble/node-events.ts';

export type RunnerEvent =
  | { readonly event: 'trial-start'; readonly nodes: readonly string[]; readonly adapters: readonly string[]; readonly contactSource: string }
  | { readonly event: 'trial-end'; readonly reason: 'complete' | 'duration' | 'interrupted' | 'node-failed'; readonly seconds: number }
  | { readonly event: 'contact-start' | 'contact-end'; readonly a: string; readonly b: string }
  | { readonly event: 'node-failed'; readonly node: string; readonly message: string };

export type TrialRecord = { readonly t: number; readonly at: Micros } & (NodeEvent | RunnerEvent);

export class TrialLog {
  readonly records: TrialRecord[] = [];
  private fd: number | undefined;
  /** Records before the trial clock starts wait here, so that their `t` comes out negative. */
  private pending: ((NodeEvent | RunnerEvent) & { at: Micros })[] | undefined = [];

  constructor(readonly path: string, private t0: Micros) {
    this.fd = openSync(path, 'w');
  }

  /** Starts the trial clock at `t0`: start-up records are written now, with t < 0. */
  startAt(t0: Micros): void {
    this.t0 = t0;
    this.flushPending();
  }

  add(e: (NodeEvent | RunnerEvent) & { at?: Micros }, at: Micros = e.at ?? 0): void {
    if (this.pending) this.pending.push({ ...e, at });
    else this.write(e, at);
  }

  private flushPending(): void {
    const pending = this.pending ?? [];
    this.pending = undefined;
    for (const e of pending) this.write(e, e.at);
  }

  private write(e: NodeEvent | RunnerEvent, at: Micros): void {
    const r = { ...e, t: Math.round((at - this.t0) / 1000) / 1000, at } as TrialRecord;
    const { t, at: _at, ...rest } = r;
    this.records.push(r);
    if (this.fd !== undefined) writeSync(this.fd, `${JSON.stringify({ t, at, ...rest })}\n`);
  }

  close(): void {
    this.flushPending();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
