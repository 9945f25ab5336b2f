/**
 * Reads one simulator run directory (as written by `gossip sim` or by each seed of `gossip sweep`)
 * into RunData: summary.json for the crossing times and counters, transfers.csv for the arrival of
 * each adapter at each node (the end of its first completed transfer), resolved-scenario.yaml for
 * the node names and the adapters' origins, spread.csv as the coverage curve when the arrivals
 * cannot reproduce it (eviction, or no transfers.csv). Knows nothing about measured data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { RUN_FILES, TABLES, adapterLabel, readRows, readSummary } from '../report/index.ts';
import type { RunSummary, SpreadRow } from '../report/index.ts';
import { TRANSFERS_TABLE, readTable } from './tables.ts';
import { firstArrivals, spreadFromArrivals } from './run-data.ts';
import type { AdapterRun, Arrival, RunData } from './run-data.ts';

interface ScenarioFacts {
  readonly nodes: string[] | null;
  /** Origin node name per adapter id. */
  readonly origins: Map<string, string>;
}

/**
 * Node names and adapter origins from a resolved scenario (`groups:` → `<group>-<k>` in file
 * order; origins by node index or {group, index}) or a resolved emulated trial (`nodes:` a list of
 * names; origins by name). Tolerant of anything else in the file.
 */
export function scenarioFacts(yamlText: string): ScenarioFacts {
  let doc: unknown;
  try {
    doc = parseYaml(yamlText);
  } catch {
    return { nodes: null, origins: new Map() };
  }
  const d = (doc ?? {}) as { groups?: unknown; nodes?: unknown; adapters?: unknown };
  const groups = Array.isArray(d.groups) ? d.groups as Array<{ name?: unknown; count?: unknown }> : [];
  let nodes: string[] | null = null;
  const firstIndex = new Map<string, number>();
  if (Array.isArray(d.nodes) && d.nodes.every((n) => typeof n === 'string')) {
    nodes = d.nodes as string[];
  } else if (groups.length > 0) {
    nodes = [];
    for (const g of groups) {
      if (typeof g?.name !== 'string' || typeof g.count !== 'number') return { nodes: null, origins: new Map() };
      firstIndex.set(g.name, nodes.length);
      for (let k = 0; k < g.count; k++) nodes.push(`${g.name}-${k}`);
    }
  }
  const origins = new Map<string, string>();
  const adapters = Array.isArray(d.adapters) ? d.adapters as Array<{ id?: unknown; name?: unknown; origin?: unknown }> : [];
  for (const a of adapters) {
    const id = typeof a?.id === 'string' ? a.id : typeof a?.name === 'string' ? a.name : undefined;
    if (id === undefined || nodes === null) continue;
    const o = a.origin as number | string | { group?: unknown; index?: unknown } | undefined;
    let name: string | undefined;
    if (typeof o === 'string') name = nodes.includes(o) ? o : undefined;
    else if (typeof o === 'number') name = nodes[o];
    else if (o && typeof o.group === 'string') name = nodes[(firstIndex.get(o.group) ?? NaN) + (typeof o.index === 'number' ? o.index : 0)];
    if (name !== undefined) origins.set(id, name);
  }
  return { nodes, origins };
}

/** Base id of a versioned label (`agronomy@v2` → `agronomy`). */
function seriesOf(label: string): string {
  return label.replace(/@v\d+$/, '');
}

export async function loadSimRun(dir: string): Promise<RunData> {
  const summary: RunSummary = await readSummary(join(dir, RUN_FILES.summary));
  const transfersPath = join(dir, TRANSFERS_TABLE.file);
  const transfers = existsSync(transfersPath)
    ? await readTable(TRANSFERS_TABLE, transfersPath, 'pass a run directory written by gossip sim or gossip sweep.')
    : null;
  const scenarioPath = join(dir, RUN_FILES.scenario);
  const facts = existsSync(scenarioPath) ? scenarioFacts(readFileSync(scenarioPath, 'utf8')) : { nodes: null, origins: new Map<string, string>() };
  const nodesKnown = facts.nodes !== null && facts.nodes.length === summary.nodes;
  const nodes = nodesKnown ? facts.nodes! : Array.from({ length: summary.nodes }, (_, i) => `#${i + 1}`);

  const adapters: AdapterRun[] = summary.adapters.map((a) => ({
    key: adapterLabel(a), id: a.id, publishedAt: a.publishedAt,
    origin: facts.origins.get(seriesOf(a.id)) ?? null,
    t50: a.t50, t90: a.t90, t100: a.t100, finalCoverage: a.finalCoverage,
  }));

  let arrivals: Arrival[] = [];
  if (transfers) {
    const raw: Arrival[] = [];
    for (const a of adapters) if (a.origin !== null) raw.push({ adapter: a.key, node: a.origin, t: a.publishedAt });
    for (const r of transfers) if (r.outcome === 'completed' && r.end_s !== null) raw.push({ adapter: r.adapter, node: r.to, t: r.end_s });
    arrivals = firstArrivals(raw);
  }

  // Exact step curves from the arrivals when they account for every final holder; else the sampled spread.csv.
  const exact = transfers !== null && adapters.every((a) => a.origin !== null
    && arrivals.filter((x) => x.adapter === a.key).length === Math.round(a.finalCoverage * summary.nodes));
  let spread: SpreadRow[];
  if (exact) {
    spread = adapters.flatMap((a) => spreadFromArrivals(a.key, arrivals.filter((x) => x.adapter === a.key).map((x) => x.t), summary.nodes, a.publishedAt, summary.simulatedSeconds));
  } else {
    spread = await readRows(TABLES.spread, join(dir, RUN_FILES.spread));
  }
  return {
    source: dir, kind: 'sim', name: summary.scenario, seed: summary.seed, nodes, nodesKnown, endSeconds: summary.simulatedSeconds,
    adapters, arrivals, spread, transfers: summary.transfers,
  };
}
