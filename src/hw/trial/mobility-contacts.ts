/**
 * A trial's contact schedule generated from a simulation scenario's mobility: the first N devices
 * of the scenario play the trial's N nodes, the contact detector (same streams, range and 10 s
 * sampling as `gossip sim`) finds when pairs are in range during a window of simulated time, and
 * `timeScale` compresses that window into wall-clock trial time. Knows nothing of the air.
 */
import type { Micros } from '../../core/types.ts';
import { UserError } from '../../cli/user-error.ts';
import { scenarioMobilities } from '../../sim/build/mobility.ts';
import { CONTACT_STEP } from '../../sim/engine/contacts.ts';
import { resolveScenario } from '../../sim/scenario/index.ts';
import { createContactDetector } from '../../sim/world/index.ts';
import type { Contact } from '../air/contact-player.ts';

export interface MobilityContactsSpec {
  /** Scenario file (absolute). */
  readonly scenario: string;
  /** Start of the window in simulated time. */
  readonly start: Micros;
  /** Length of the window in simulated time. */
  readonly window: Micros;
  /** Simulated seconds per trial second (e.g. 60: one simulated hour in one wall-clock minute). */
  readonly timeScale: number;
}

export function mobilityContacts(spec: MobilityContactsSpec, nodes: readonly string[], where: string): Contact[] {
  const { scenario } = resolveScenario(spec.scenario);
  if (scenario.nodeCount < nodes.length) {
    throw new UserError(`${where}: scenario ${spec.scenario} has ${scenario.nodeCount} devices, fewer than the trial's ${nodes.length} nodes`);
  }
  const { mobilities, ranges } = scenarioMobilities(scenario);
  const n = nodes.length;
  const end = spec.start + spec.window;
  const detector = createContactDetector({ nodes: mobilities.slice(0, n), range: ranges.subarray(0, n), step: CONTACT_STEP, start: spec.start, end });
  const toTrial = (t: Micros) => Math.round((t - spec.start) / spec.timeScale);
  const open = new Map<number, Micros>();
  const out: Contact[] = [];
  detector.drainUntil(end, (at, a, b, up) => {
    const key = a * n + b;
    if (up) open.set(key, at);
    else {
      const from = open.get(key);
      open.delete(key);
      if (from !== undefined && at > from) out.push({ a: nodes[a]!, b: nodes[b]!, from: toTrial(from), to: toTrial(at) });
    }
  });
  for (const [key, from] of open) out.push({ a: nodes[Math.floor(key / n)]!, b: nodes[key % n]!, from: toTrial(from), to: Infinity });
  out.sort((x, y) => x.from - y.from || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  return out;
}
