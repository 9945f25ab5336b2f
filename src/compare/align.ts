/**
 * Aligns a measured run with simulated runs: adapters by key (label, else id; exact first, then
 * ignoring case and `_`/`-`/space differences), nodes by name, else by the number a measured name
 * ends in, taken as the simulator's 0-based node index (the numbering of contact schedules and
 * traces). Pure; reports what it could not match instead of failing, except when no adapter at all
 * matches.
 */
import { UserError } from '../cli/user-error.ts';
import type { RunData } from './run-data.ts';

export interface AdapterPair {
  /** Display name (the simulated key). */
  readonly adapter: string;
  readonly simulated: string;
  readonly measured: string;
}

export interface AdapterAlignment {
  readonly pairs: readonly AdapterPair[];
  readonly unmatchedSimulated: readonly string[];
  readonly unmatchedMeasured: readonly string[];
}

const loose = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

export function alignAdapters(sim: readonly string[], measured: readonly string[], simSource: string, measuredSource: string): AdapterAlignment {
  const pairs: AdapterPair[] = [];
  const freeMeasured = new Set(measured);
  const unmatchedSimulated: string[] = [];
  for (const s of sim) {
    const m = freeMeasured.has(s) ? s : [...freeMeasured].find((x) => loose(x) === loose(s));
    if (m === undefined) {
      unmatchedSimulated.push(s);
      continue;
    }
    freeMeasured.delete(m);
    pairs.push({ adapter: s, simulated: s, measured: m });
  }
  if (pairs.length === 0) {
    throw new UserError(`no adapter in common: ${simSource} has ${sim.join(', ') || 'none'}, ${measuredSource} has ${measured.join(', ') || 'none'}; `
      + 'name the adapters alike in the scenario and the trial (or in the arrivals CSV).');
  }
  return { pairs, unmatchedSimulated, unmatchedMeasured: [...freeMeasured] };
}

export type NodeMatchMethod = 'name' | 'index' | 'none';

export interface NodeAlignment {
  readonly method: NodeMatchMethod;
  /** Measured node name → simulated node name. */
  readonly map: ReadonlyMap<string, string>;
  readonly unmatchedMeasured: readonly string[];
}

export function alignNodes(simNodes: readonly string[], measured: RunData): NodeAlignment {
  if (!measured.nodesKnown) return { method: 'none', map: new Map(), unmatchedMeasured: [] };
  const names = measured.nodes;
  const simSet = new Set(simNodes);
  const byName = names.filter((n) => simSet.has(n));
  if (byName.length === names.length || byName.length * 2 > names.length) {
    return { method: 'name', map: new Map(byName.map((n) => [n, n])), unmatchedMeasured: names.filter((n) => !simSet.has(n)) };
  }
  const map = new Map<string, string>();
  const used = new Set<string>();
  for (const n of names) {
    const m = /(\d+)$/.exec(n);
    const target = m ? simNodes[Number(m[1])] : undefined;
    if (target !== undefined && !used.has(target)) {
      map.set(n, target);
      used.add(target);
    }
  }
  if (map.size * 2 > names.length) return { method: 'index', map, unmatchedMeasured: names.filter((n) => !map.has(n)) };
  return { method: 'none', map: new Map(), unmatchedMeasured: [...names] };
}
