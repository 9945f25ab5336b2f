/**
 * Reads measured propagation into RunData, from any of the forms docs/trial-log.md describes:
 * a trial log (`trial.jsonl`, or a directory holding one, with the trial's summary.json beside it
 * when present), a plain arrivals CSV (`adapter,node,arrival_s`, or a directory holding
 * `arrivals.csv`), or a run directory in the simulator's format (summary.json + spread.csv, and
 * transfers.csv when present), as `gossip emulate` writes. Knows nothing about simulated runs.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../cli/user-error.ts';
import { RUN_FILES, adapterLabel, readSummary } from '../report/index.ts';
import type { RunSummary } from '../report/index.ts';
import { crossings, firstArrivals, spreadFromArrivals } from './run-data.ts';
import type { AdapterRun, Arrival, RunData } from './run-data.ts';
import { loadSimRun, scenarioFacts } from './sim-run.ts';
import { ARRIVALS_TABLE, readTable } from './tables.ts';
import { parseTrialLog } from './trial-log.ts';

export const TRIAL_LOG = 'trial.jsonl';
export const ARRIVALS_CSV = 'arrivals.csv';

const isDir = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

export async function loadMeasured(path: string): Promise<RunData> {
  if (!existsSync(path)) throw new UserError(`${path}: no such file or directory; pass a trial directory (trial.jsonl), a run directory (summary.json + spread.csv) or an arrivals CSV.`);
  if (!isDir(path)) {
    if (/\.jsonl$/i.test(path)) return fromTrialLog(path, null, originsIn(dirname(path)));
    if (/\.csv$/i.test(path)) return fromArrivalsCsv(path);
    throw new UserError(`${path}: unknown measured-data file; expected a trial log (.jsonl) or an arrivals CSV (.csv) as described in docs/trial-log.md.`);
  }
  const summaryPath = join(path, RUN_FILES.summary);
  const summary = existsSync(summaryPath) ? await readSummary(summaryPath) : null;
  if (existsSync(join(path, TRIAL_LOG))) return fromTrialLog(join(path, TRIAL_LOG), summary, originsIn(path));
  if (existsSync(join(path, ARRIVALS_CSV))) return fromArrivalsCsv(join(path, ARRIVALS_CSV));
  if (summary) return fromRunDir(path);
  throw new UserError(`${path}: no measured data here (looked for ${TRIAL_LOG}, ${ARRIVALS_CSV}, ${RUN_FILES.summary}); see docs/trial-log.md.`);
}

/** Adapter origins from the resolved trial (or scenario) beside the measured data, when there is one. */
function originsIn(dir: string): ReadonlyMap<string, string> {
  const p = join(dir, RUN_FILES.scenario);
  return existsSync(p) ? scenarioFacts(readFileSync(p, 'utf8')).origins : new Map();
}

/** Adapter records from a summary when present, else from publication records or first arrivals. */
function adaptersFor(
  arrivals: readonly Arrival[], nodes: number, end: number, summary: RunSummary | null,
  published: ReadonlyArray<{ adapter: string; node: string | null; t: number }>,
): AdapterRun[] {
  if (summary) {
    return summary.adapters.map((a) => {
      const key = adapterLabel(a);
      const pub = published.find((p) => p.adapter === key || p.adapter === a.id);
      return { key, id: a.id, publishedAt: a.publishedAt, origin: pub?.node ?? null, t50: a.t50, t90: a.t90, t100: a.t100, finalCoverage: a.finalCoverage };
    });
  }
  const keys = [...new Set([...published.map((p) => p.adapter), ...arrivals.map((a) => a.adapter)])];
  return keys.map((key) => {
    const mine = arrivals.filter((a) => a.adapter === key);
    const pub = published.find((p) => p.adapter === key);
    const first = mine[0];
    const publishedAt = pub?.t ?? first?.t ?? 0;
    const c = crossings(mine.map((a) => a.t), nodes, publishedAt);
    return { key, id: key, publishedAt, origin: pub?.node ?? first?.node ?? null, ...c };
  });
}

async function fromTrialLog(file: string, summary: RunSummary | null, origins: ReadonlyMap<string, string>): Promise<RunData> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`${file}: cannot read the trial log.`);
  }
  const log = parseTrialLog(text, file);
  // Name every arrival by the summary's adapter key when the log uses the content id or the other name.
  const alias = new Map<string, string>();
  for (const a of summary?.adapters ?? []) {
    alias.set(a.id, adapterLabel(a));
    if (a.label) alias.set(a.label, adapterLabel(a));
  }
  for (const [id, name] of log.ids) if (!alias.has(id) && alias.has(name)) alias.set(id, alias.get(name)!);
  const canonical = (k: string) => alias.get(k) ?? alias.get(log.ids.get(k) ?? '') ?? log.ids.get(k) ?? k;
  const published = log.published.map((p) => ({ ...p, adapter: canonical(p.adapter) }));
  // Adapters placed on their origin at the start (emulated trials log no publication record).
  for (const [name, node] of origins) {
    const adapter = canonical(name);
    if (published.some((p) => p.adapter === adapter)) continue;
    const pub = summary?.adapters.find((a) => adapterLabel(a) === adapter)?.publishedAt ?? 0;
    published.push({ adapter, id: null, node, t: pub });
  }
  const raw: Arrival[] = [
    ...published.filter((p) => p.node !== null).map((p) => ({ adapter: p.adapter, node: p.node, t: p.t })),
    ...log.arrivals.map((a) => ({ ...a, adapter: canonical(a.adapter) })),
  ];
  const arrivals = firstArrivals(raw);
  const nodeCount = summary?.nodes ?? log.nodes.length;
  const end = Math.max(summary?.simulatedSeconds ?? 0, log.endSeconds);
  const adapters = adaptersFor(arrivals, nodeCount, end, summary, published);
  return {
    source: file, kind: 'trial-log', name: summary?.scenario ?? basename(file), seed: summary?.seed ?? null,
    nodes: log.nodes.length >= nodeCount ? log.nodes : [...log.nodes, ...Array.from({ length: nodeCount - log.nodes.length }, (_, i) => `#${i + 1}`)],
    nodesKnown: log.nodes.length === nodeCount,
    endSeconds: end, adapters, arrivals,
    spread: adapters.flatMap((a) => spreadFromArrivals(a.key, arrivals.filter((x) => x.adapter === a.key).map((x) => x.t), nodeCount, a.publishedAt, end)),
    transfers: summary?.transfers ?? log.transfers,
  };
}

async function fromArrivalsCsv(file: string): Promise<RunData> {
  const rows = await readTable(ARRIVALS_TABLE, file, 'expected a CSV with the header adapter,node,arrival_s (docs/trial-log.md).');
  if (rows.length === 0) throw new UserError(`${file}: no rows; list one (adapter, node, arrival_s) per line, the origin node with the publication time.`);
  const nodes = [...new Set(rows.map((r) => r.node))];
  const arrivals = firstArrivals(rows.filter((r) => r.arrival_s !== null).map((r) => ({ adapter: r.adapter, node: r.node, t: r.arrival_s as number })));
  const end = Math.max(0, ...arrivals.map((a) => a.t));
  const adapters = adaptersFor(arrivals, nodes.length, end, null, []);
  return {
    source: file, kind: 'arrivals-csv', name: basename(file).replace(/\.csv$/i, ''), seed: null, nodes, nodesKnown: true, endSeconds: end, adapters, arrivals,
    spread: adapters.flatMap((a) => spreadFromArrivals(a.key, arrivals.filter((x) => x.adapter === a.key).map((x) => x.t), nodes.length, a.publishedAt, end)),
    transfers: null,
  };
}

/** A run directory in the simulator's format; without transfers.csv, arrivals are the steps of spread.csv (no node names). */
async function fromRunDir(dir: string): Promise<RunData> {
  const run = await loadSimRun(dir);
  const base = { ...run, kind: 'run-dir' as const };
  if (run.arrivals.length > 0) return base;
  const arrivals: Arrival[] = [];
  for (const a of run.adapters) {
    let holders = 0;
    for (const r of run.spread.filter((s) => s.adapter === a.key).sort((x, y) => x.time_s - y.time_s)) {
      for (; holders < r.holders; holders++) arrivals.push({ adapter: a.key, node: null, t: r.time_s });
      holders = Math.max(holders, r.holders);
    }
  }
  return { ...base, arrivals: firstArrivals(arrivals) };
}
