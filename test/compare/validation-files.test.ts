/**
 * scenarios/validation: the simulated scenario replays exactly the emulated trial (same nodes,
 * adapters and encounters), the calibration trial runs on the same air and processes, and the
 * hand-made fallback profile loads.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadTrial } from '../../src/hw/trial/index.ts';
import { resolveScenario } from '../../src/sim/scenario/index.ts';

const file = (name: string) => fileURLToPath(new URL(`../../scenarios/validation/${name}`, import.meta.url));

describe('scenarios/validation', () => {
  const trial = loadTrial(file('trial.yaml'));
  const { scenario } = resolveScenario(file('sim.yaml'));
  const index = (name: string) => trial.nodes.indexOf(name);

  it('has at least 8 nodes and the same node numbering in both (node-k is node k)', () => {
    expect(trial.nodes.length).toBeGreaterThanOrEqual(8);
    expect(scenario.nodeCount).toBe(trial.nodes.length);
    trial.nodes.forEach((n, k) => expect(n).toBe(`node-${k}`));
    expect(scenario.groups.map((g) => g.name)).toEqual(['node']);
  });

  it('replays the same encounters', () => {
    expect(trial.contactSource).toBe('schedule');
    const emulated = trial.contacts!.map((c) => [index(c.a), index(c.b), c.from, c.to].join(' ')).sort();
    if (scenario.contacts.source !== 'schedule') throw new Error('sim.yaml must use an explicit schedule');
    const simulated = scenario.contacts.encounters.map((e) => [e.a, e.b, e.from, e.to].join(' ')).sort();
    expect(simulated).toEqual(emulated);
  });

  it('publishes the same adapters on the same nodes at the start', () => {
    const emulated = trial.adapters.map((a) => ({ id: a.name, origin: index(a.origin), size: a.size, chunk: a.chunkSize, at: 0 }));
    const simulated = scenario.adapters.map((a) => ({ id: a.id, origin: a.originNode, size: a.size, chunk: a.chunkSize, at: a.publishAt }));
    expect(simulated).toEqual(emulated);
    expect(scenario.duration).toBeGreaterThanOrEqual(trial.duration);
  });

  it('calibrates on the same air and processes as the trial it validates', () => {
    const cal = loadTrial(file('calibration-trial.yaml'));
    expect(cal.nodes).toEqual(trial.nodes);
    expect(cal.air).toEqual(trial.air);
    expect([cal.mtu, cal.maxInFlight]).toEqual([trial.mtu, trial.maxInFlight]);
    // ...but not the validation schedule itself: the validated trial is never used to calibrate.
    const key = (c: { a: string; b: string; from: number; to: number }) => `${[c.a, c.b].sort().join(' ')} ${c.from} ${c.to}`;
    const calContacts = new Set(cal.contacts!.map(key));
    expect(trial.contacts!.filter((c) => calContacts.has(key(c))).length).toBeLessThan(trial.contacts!.length / 2);
  });

  it('uses a link layer whose ceiling lies above the air rate, so measured goodput is not capped', async () => {
    const { radioParamsOf } = await import('../../src/sim/build/radio.ts');
    const { linkCeilingBytesPerSec } = await import('../../src/sim/link/index.ts');
    const params = radioParamsOf('emulated-air', scenario.profiles[scenario.radio.profile]!);
    expect(linkCeilingBytesPerSec(params.link)).toBeGreaterThan(trial.air.rate);
    expect(params.dropsPerMinute).toBe(0);
  });
});
