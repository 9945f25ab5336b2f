/**
 * Reads a trial log (`trial.jsonl`, one JSON record per line, written by `gossip emulate` and
 * `gossip hw node`; the record shapes are src/hw/ble/node-events.ts) for what a comparison needs:
 * the node population, the first verified arrival of each adapter at each node, and transfer
 * counters. Only the arrival-relevant subset is read (docs/trial-log.md); every other record is
 * skipped. Times: `t` (seconds since the trial started) when present, else `at` (µs since the
 * epoch) counted from the trial's start record or its first record. Errors name `file:line` and
 * the field. Knows nothing about simulated runs.
 */
import { UserError } from '../cli/user-error.ts';
import type { Arrival, TransferCounts } from './run-data.ts';

export interface TrialLog {
  /** Node names: the trial-start record's list, then any other node in order of first appearance. */
  readonly nodes: readonly string[];
  /** Adapters in order of publication, with the publishing node when logged. */
  readonly published: ReadonlyArray<{ readonly adapter: string; readonly id: string | null; readonly node: string | null; readonly t: number }>;
  /** Every verified arrival (not deduplicated). */
  readonly arrivals: readonly Arrival[];
  /** Content id → adapter name, as logged. */
  readonly ids: ReadonlyMap<string, string>;
  readonly transfers: TransferCounts;
  readonly encounters: number;
  /** Last record time (seconds since start). */
  readonly endSeconds: number;
  readonly records: number;
}

type Rec = Record<string, unknown>;

/** Record names that start a trial (their time is time zero when records carry only `at`). */
const START_EVENTS = new Set(['trial-start', 'trial-started']);
/** Records saying an adapter was placed on its origin node (publication). */
const PUBLISH_EVENTS = new Set(['adapter-published', 'adapter-placed', 'publish']);

export function parseTrialLog(text: string, file: string): TrialLog {
  const recs: Array<{ rec: Rec; line: number }> = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let rec: unknown;
    try {
      rec = JSON.parse(raw);
    } catch (e) {
      throw new UserError(`${file}:${line}: not valid JSON (${(e as Error).message}); each line of a trial log is one JSON object (docs/trial-log.md).`);
    }
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) throw new UserError(`${file}:${line}: expected a JSON object per line (docs/trial-log.md).`);
    if (typeof (rec as Rec).event !== 'string') throw new UserError(`${file}:${line}: field event: missing or not a string; every record names its event (docs/trial-log.md).`);
    recs.push({ rec: rec as Rec, line });
  });
  if (recs.length === 0) throw new UserError(`${file}: empty trial log; run the trial (gossip emulate) or pass another file.`);

  const startRec = recs.find((r) => START_EVENTS.has(r.rec.event as string) && typeof r.rec.at === 'number');
  const firstAt = recs.find((r) => typeof r.rec.at === 'number')?.rec.at as number | undefined;
  const origin = (startRec?.rec.at as number | undefined) ?? firstAt;
  const timeOf = (r: Rec, line: number): number => {
    if (typeof r.t === 'number' && Number.isFinite(r.t)) return r.t;
    if (typeof r.at === 'number' && origin !== undefined) return (r.at - origin) / 1e6;
    throw new UserError(`${file}:${line}: field t: missing; a record needs t (seconds since the trial started) or at (µs since the epoch).`);
  };
  const str = (r: Rec, field: string, line: number): string => {
    const v = r[field];
    if (typeof v !== 'string' || v === '') throw new UserError(`${file}:${line}: field ${field}: missing or not a string in a ${String(r.event)} record (docs/trial-log.md).`);
    return v;
  };

  const nodes: string[] = [];
  const seen = new Set<string>();
  const addNode = (n: unknown) => {
    if (typeof n === 'string' && n !== '' && !seen.has(n)) {
      seen.add(n);
      nodes.push(n);
    }
  };
  // The trial's own node list first (the runner's trial-start record), then nodes as they report ready.
  for (const { rec } of recs) if (START_EVENTS.has(rec.event as string) && Array.isArray(rec.nodes)) for (const n of rec.nodes) addNode(n);
  for (const { rec } of recs) if (rec.event === 'node-ready') addNode(rec.node);

  const published: Array<{ adapter: string; id: string | null; node: string | null; t: number }> = [];
  const arrivals: Arrival[] = [];
  const ids = new Map<string, string>();
  const transfers = { started: 0, completed: 0, interrupted: 0, resumed: 0 };
  let encounters = 0;
  let end = 0;
  for (const { rec, line } of recs) {
    const t = timeOf(rec, line);
    end = Math.max(end, t);
    if (rec.event !== 'node-failed') addNode(rec.node);
    if (typeof rec.peer === 'string') addNode(rec.peer);
    const event = rec.event as string;
    if (PUBLISH_EVENTS.has(event)) {
      const adapter = str(rec, 'adapter', line);
      const id = typeof rec.id === 'string' ? rec.id : null;
      if (id && id !== adapter) ids.set(id, adapter);
      published.push({ adapter, id, node: typeof rec.node === 'string' ? rec.node : null, t });
    } else if (event === 'adapter-verified') {
      if (rec.ok === false) continue;
      const adapter = str(rec, 'adapter', line);
      if (typeof rec.id === 'string' && rec.id !== adapter && !ids.has(rec.id)) ids.set(rec.id, adapter);
      arrivals.push({ adapter, node: str(rec, 'node', line), t });
    } else if (event === 'transfer-start') {
      transfers.started++;
      if (rec.resumed === true) transfers.resumed++;
    } else if (event === 'transfer-complete') {
      transfers.completed++;
    } else if (event === 'transfer-interrupted') {
      transfers.interrupted++;
    } else if (event === 'encounter-start') {
      encounters++;
    }
  }
  return { nodes, published, arrivals, ids, transfers, encounters, endSeconds: end, records: recs.length };
}
