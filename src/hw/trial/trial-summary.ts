/**
 * Turns a trial's log records into the run outputs shared with `gossip sim`: summary.json (mode
 * 'emulate', strategy 'none': no questions are asked), spread.csv (nodes holding each verified
 * adapter, sampled over the trial), traffic.csv (cumulative payload bytes stored) and
 * transfers.csv. An adapter counts at a node from its start (origin) or from its `adapter-verified`
 * record. Counting follows the simulator: a transfer ended by an error is interrupted, one that
 * ended cleanly but incomplete is neither completed nor interrupted. Only observes records.
 */
import { MICROS_PER_SECOND, type Micros } from '../../core/types.ts';
import type { RunSummary, SpreadRow, TrafficRow } from '../../report/index.ts';
import { SpreadObserver } from '../../sim/metrics/spread.ts';
import type { PreparedAdapter } from './prepare.ts';
import type { TrialRecord } from './trial-log.ts';

export interface TrialOutputs {
  readonly summary: RunSummary;
  readonly spread: SpreadRow[];
  readonly traffic: TrafficRow[];
  readonly transfers: Record<string, string | number | boolean | null>[];
}

export interface SummaryInput {
  readonly name: string;
  readonly seed: number;
  readonly packageVersion: string;
  readonly nodes: readonly string[];
  readonly adapters: readonly PreparedAdapter[];
  readonly records: readonly TrialRecord[];
  /** Trial length (s, from trial start to end). */
  readonly seconds: number;
  readonly wallSeconds: number;
}

const s2us = (t: number): Micros => Math.round(t * MICROS_PER_SECOND);

export function trialOutputs(i: SummaryInput): TrialOutputs {
  const n = i.nodes.length;
  const spread = new SpreadObserver(n);
  const holders = new Map(i.adapters.map((a) => [a.name, new Set([a.origin])]));
  for (const a of i.adapters) {
    spread.declare(a.name, 0);
    spread.change(a.name, 1, 0);
  }
  const end = s2us(i.seconds);
  const step = Math.max(s2us(0.5), Math.ceil(end / 200 / 100_000) * 100_000);
  let nextSample = 0;
  const traffic: TrafficRow[] = [];
  let bytes = 0;
  const lastBytes = new Map<string, number>();
  const sampleUntil = (t: Micros) => {
    while (nextSample <= t && nextSample <= end) {
      spread.sample(nextSample);
      traffic.push({ time_s: nextSample / MICROS_PER_SECOND, bytes, joules: null });
      nextSample += step;
    }
  };
  let started = 0; let completed = 0; let interrupted = 0; let resumed = 0;
  const transfers: TrialOutputs['transfers'] = [];
  const open = new Map<string, Record<string, string | number | boolean | null>>();
  const startHave = new Map<string, { have: number; chunks: number }>();
  const records = [...i.records].sort((a, b) => a.t - b.t);
  for (const r of records) {
    const t = Math.max(0, s2us(r.t));
    sampleUntil(t - 1);
    if (!('node' in r) || r.event === 'node-failed') continue;
    const key = `${r.node}/${'adapter' in r ? r.adapter : ''}`;
    switch (r.event) {
      case 'transfer-start':
        started++;
        if (r.resumed) resumed++;
        lastBytes.set(key, 0);
        startHave.set(key, { have: r.have, chunks: r.chunks });
        open.set(key, { start_s: r.t, end_s: null, from: r.peer, to: r.node, adapter: r.adapter, chunks: 0, bytes: 0, resumed: r.resumed, outcome: 'running' });
        break;
      case 'transfer-progress': case 'transfer-complete': case 'transfer-interrupted': {
        bytes += r.bytes - (lastBytes.get(key) ?? 0);
        lastBytes.set(key, r.bytes);
        if (r.event === 'transfer-progress') break;
        const row = open.get(key);
        if (r.event === 'transfer-complete') completed++;
        else if (r.cause !== 'incomplete') interrupted++;
        if (row) {
          const s0 = startHave.get(key) ?? { have: 0, chunks: 0 };
          row.end_s = r.t;
          row.bytes = r.bytes;
          row.chunks = (r.event === 'transfer-complete' ? s0.chunks : r.have) - s0.have;
          row.outcome = r.event === 'transfer-complete' ? 'completed' : r.cause === 'incomplete' ? 'incomplete' : 'interrupted';
          transfers.push(row);
          open.delete(key);
        }
        break;
      }
      case 'adapter-verified': {
        const h = holders.get(r.adapter);
        if (r.ok && h && !h.has(r.node)) {
          h.add(r.node);
          spread.change(r.adapter, 1, t);
        }
        break;
      }
      default:
        break;
    }
  }
  sampleUntil(end);
  if (traffic.at(-1)?.time_s !== i.seconds) {
    spread.sample(end);
    traffic.push({ time_s: i.seconds, bytes, joules: null });
  }
  for (const row of open.values()) transfers.push({ ...row, outcome: 'running' });
  const results = new Map(spread.results().map((r) => [r.label, r]));
  const events = i.records.length;
  const summary: RunSummary = {
    schemaVersion: 1, scenario: i.name, seed: i.seed, packageVersion: i.packageVersion, mode: 'emulate', strategy: 'none', nodes: n,
    simulatedSeconds: i.seconds, wallSeconds: i.wallSeconds, events, eventsPerSecond: i.wallSeconds > 0 ? events / i.wallSeconds : 0,
    bytesTransferred: bytes, transfers: { started, completed, interrupted, resumed },
    adapters: i.adapters.map((a) => {
      const r = results.get(a.name)!;
      return { id: a.name, domain: a.domain, sizeBytes: a.size, publishedAt: 0, t50: r.t50, t90: r.t90, t100: r.t100, finalCoverage: r.finalCoverage };
    }),
    queries: { total: 0, bySpecialist: 0, byBase: 0, byMerged: 0, meanQuality: null },
    energy: { totalJoules: null, perNodeMeanJoules: null },
  };
  return { summary, spread: spread.rows, traffic, transfers };
}

export const TRANSFER_COLUMNS = ['start_s', 'end_s', 'from', 'to', 'adapter', 'chunks', 'bytes', 'resumed', 'outcome'] as const;
