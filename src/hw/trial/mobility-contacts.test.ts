import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mobilityContacts } from './mobility-contacts.ts';
import { resolveScenario } from '../../sim/scenario/index.ts';
import { Simulation } from '../../sim/engine/index.ts';

const scenario = fileURLToPath(new URL('../../../test/fixtures/scenarios/tiny-village.yaml', import.meta.url));
const nodes = ['e0', 'e1', 'v0', 'v1', 'v2', 'v3', 'v4', 'v5'];
const HOUR = 3_600_000_000;

describe('contacts generated from a scenario mobility', () => {
  it('replays, time-compressed, the same movement the simulator uses (same streams and range)', () => {
    const spec = { scenario, start: 13 * HOUR, window: HOUR, timeScale: 60 };
    const a = mobilityContacts(spec, nodes, 'test');
    expect(mobilityContacts(spec, nodes, 'test')).toEqual(a);
    expect(a.length).toBeGreaterThan(0);
    for (const c of a) {
      expect(c.from).toBeGreaterThanOrEqual(0);
      expect(c.from).toBeLessThanOrEqual(HOUR / 60);
      expect(nodes).toContain(c.a);
      expect(nodes).toContain(c.b);
    }
    // The simulator's own node positions at the end of the window agree with a contact that is open
    // then: both ends are within radio range of each other.
    const { scenario: s } = resolveScenario(scenario, ['duration=14h', 'adapters[1].updates=[]']);
    const r = new Simulation(s).result();
    const range = s.profiles[s.radio.profile]!.link.range;
    for (const c of a.filter((x) => x.to === Infinity)) {
      const [p, q] = [r.nodes[nodes.indexOf(c.a)]!, r.nodes[nodes.indexOf(c.b)]!];
      expect(Math.hypot(p.x! - q.x!, p.y! - q.y!)).toBeLessThanOrEqual(range);
    }
  });

  it('refuses a trial with more nodes than the scenario has devices', () => {
    expect(() => mobilityContacts({ scenario, start: 0, window: HOUR, timeScale: 1 }, Array.from({ length: 41 }, (_, i) => `n${i}`), 'trial.yaml: contactMobility'))
      .toThrow(/trial.yaml: contactMobility: scenario .* has 40 devices, fewer than the trial's 41 nodes/);
  });
});
