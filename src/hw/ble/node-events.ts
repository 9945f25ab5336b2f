/**
 * What a gossiping node reports, one record per line of a trial log (trial.jsonl): encounters
 * (BLE connections) starting and ending, transfers starting, progressing, completing or being
 * interrupted, adapters verified end to end, misbehaving peers. `at` is wall time in µs since the
 * epoch; the trial runner adds `t` (seconds since the trial started). Shapes only.
 */
import type { Micros } from '../../core/types.ts';

export type Role = 'central' | 'peripheral';

interface Base {
  /** Wall-clock time (µs since the Unix epoch). */
  readonly at: Micros;
  /** The reporting node's name. */
  readonly node: string;
}

export type NodeEvent = Base & (
  | { readonly event: 'node-ready'; readonly nodeId: string; readonly addresses: readonly string[] }
  | { readonly event: 'node-stopped'; readonly adapters: number }
  | { readonly event: 'encounter-start'; readonly peer: string | null; readonly role: Role; readonly address: string; readonly mtu: number }
  | {
      readonly event: 'encounter-end'; readonly peer: string | null; readonly role: Role; readonly error: string | null;
      readonly sent: number; readonly received: number; readonly seconds: number;
    }
  | { readonly event: 'connect-failed'; readonly peer: string | null; readonly address: string; readonly reason: string }
  | {
      readonly event: 'transfer-start'; readonly peer: string | null; readonly adapter: string; readonly id: string;
      readonly chunks: number; readonly have: number; readonly resumed: boolean;
    }
  | { readonly event: 'transfer-progress'; readonly peer: string | null; readonly adapter: string; readonly have: number; readonly chunks: number; readonly bytes: number }
  | { readonly event: 'transfer-complete'; readonly peer: string | null; readonly adapter: string; readonly id: string; readonly bytes: number }
  | {
      readonly event: 'transfer-interrupted'; readonly peer: string | null; readonly adapter: string; readonly have: number;
      readonly chunks: number; readonly bytes: number; readonly cause: string;
    }
  | { readonly event: 'adapter-verified'; readonly adapter: string; readonly id: string; readonly ok: boolean; readonly size: number; readonly error?: string }
  | { readonly event: 'manifest-declined'; readonly peer: string | null; readonly id: string; readonly code: string }
  | { readonly event: 'peer-misbehaved'; readonly peer: string | null; readonly code: string; readonly flagged: boolean; readonly message: string }
);

export type NodeEventName = NodeEvent['event'];
