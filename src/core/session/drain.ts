/**
 * The drain rule (str0m): after every `handle`, a driver polls the session until it returns
 * undefined, sending frames, scheduling the next deadline and forwarding events in order. Every
 * driver (sim, emulated, hardware, test harness) calls this one helper.
 */
import type { Micros } from '../types.ts';
import type { SessionEvent, SessionOutput } from './types.ts';

export interface SessionSink {
  transmit(bytes: Uint8Array, virtualBytes: number): void;
  /** The next deadline (null: none); replaces any earlier one. */
  timer(at: Micros | null): void;
  event(event: SessionEvent): void;
}

export interface Pollable {
  poll(): SessionOutput | undefined;
}

/** Polls `session` until it has nothing more; returns how many outputs were delivered. */
export function drain(session: Pollable, sink: SessionSink): number {
  let n = 0;
  for (let o = session.poll(); o !== undefined; o = session.poll()) {
    n++;
    if (o.kind === 'transmit') sink.transmit(o.bytes, o.virtualBytes);
    else if (o.kind === 'timer') sink.timer(o.at);
    else sink.event(o.event);
  }
  return n;
}
