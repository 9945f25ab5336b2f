import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { interpretSettings } from './config.ts';
import { reportText, runOneScenario } from './run.ts';
import { buildOneScenario } from './scenario.ts';
import { parseSettingsText } from './settings-file.ts';
import type { OneScenario } from './scenario.ts';

/** A small scenario from settings overrides and event-file texts. */
function scenario(opts: { hosts: number; dt: string; end: string; speed: string; buffer?: string; extra?: string; trace: string; msgs: string }): OneScenario {
  const text = `Scenario.name = s
Scenario.simulateConnections = false
Scenario.updateInterval = ${opts.dt}
Scenario.endTime = ${opts.end}
Scenario.nrofHostGroups = 1
bt.type = SimpleBroadcastInterface
bt.transmitSpeed = ${opts.speed}
Group.groupID = n
Group.nrofHosts = ${opts.hosts}
Group.router = EpidemicRouter
Group.sendQueue = FIFO
Group.interface1 = bt
${opts.buffer === undefined ? '' : `Group.bufferSize = ${opts.buffer}`}
Events.nrof = 2
Events1.filePath = trace.txt
Events2.filePath = msgs.txt
Optimization.randomizeUpdateOrder = false
${opts.extra ?? ''}`;
  const config = interpretSettings({ values: parseSettingsText(text, 's.txt'), files: ['s.txt'] });
  return buildOneScenario(config, [{ file: 'trace.txt', text: opts.trace }, { file: 'msgs.txt', text: opts.msgs }]);
}

const log = (scn: OneScenario, visitAll = false) => reportText(runOneScenario(scn, { visitAll }), 'EventLogReport');

describe('simulateOne', () => {
  it('ignores a duplicate up and a down for a closed pair, logging nothing for them', () => {
    const scn = scenario({ hosts: 3, dt: '1', end: '10', speed: '1k', trace: '1 CONN 0 1 up\n2 CONN 1 0 up\n3 CONN 0 1 down\n4 CONN 1 0 down\n', msgs: '' });
    expect(log(scn)).toBe('1.0 CONN n0 n1 up\n3.0 CONN n0 n1 down\n');
  });

  it('starts a message at its creation time when the source is idle and linked', () => {
    const scn = scenario({ hosts: 2, dt: '1', end: '20', speed: '1k', trace: '0 CONN 0 1 up\n', msgs: '5 C M 0 1 2500\n' });
    // done at 7.5, noticed at the next update (tick 8)
    expect(log(scn)).toBe('0.0 CONN n0 n1 up\n5.0 C n0 M\n5.0 S n0 n1 M\n8.0 DE n0 n1 M D\n');
  });

  it('runs a link at the lower of its two ends\' speeds (host groups)', () => {
    const scn = scenario({
      hosts: 1, dt: '1', end: '20', speed: '1k',
      extra: 'Scenario.nrofHostGroups = 2\nGroup2.groupID = s\nGroup2.interface1 = slow\nslow.type = SimpleBroadcastInterface\nslow.transmitSpeed = 500\n',
      trace: '0 CONN 0 1 up\n', msgs: '1 C M 0 1 2000\n',
    });
    // 2000 bytes at 500 B/s: done at 5
    expect(log(scn)).toBe('0.0 CONN n0 s1 up\n1.0 C n0 M\n1.0 S n0 s1 M\n5.0 DE n0 s1 M D\n');
  });

  it('runs the clock by repeated addition, so the last tick can pass endTime', () => {
    const r = runOneScenario(scenario({ hosts: 2, dt: '0.1', end: '1', speed: '1k', trace: '', msgs: '' }));
    let t = 0;
    while (t < 1) t += 0.1;
    expect(r.stats.simTime).toBe(t);
    expect(r.stats.simTime).toBeGreaterThan(1);
  });

  it('gives byte-identical outputs when the same scenario runs twice in one process', () => {
    const scn = scenario({ hosts: 3, dt: '0.1', end: '30', speed: '1k', trace: '0 CONN 0 1 up\n3.3 CONN 1 2 up\n7.1 CONN 0 1 down\n', msgs: '0.5 C A 0 2 4000\n1 C B 2 0 900\n' });
    const first = runOneScenario(scn);
    const second = runOneScenario(scn);
    expect([...second.reports]).toEqual([...first.reports]);
  });

  it('refuses a run that would need message drops', () => {
    const scn = scenario({ hosts: 2, dt: '1', end: '20', speed: '1k', buffer: '1500', trace: '', msgs: '1 C A 0 1 1000\n2 C B 0 1 1000\n' });
    expect(() => runOneScenario(scn)).toThrow(/Group\.bufferSize: host n0 would have to drop messages to take B/);
  });

  it('gives exactly the outputs of updating every host in every round (random traces)', () => {
    const trace = fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.nat(5), fc.nat(5), fc.boolean()), { maxLength: 60 });
    const msgs = fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.nat(5), fc.nat(5), fc.integer({ min: 1, max: 40_000 })), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(trace, msgs, fc.constantFrom('0.1', '0.5', '1', '0.3'), fc.integer({ min: 2, max: 6 }), (t, m, dt, hosts) => {
        const conn = t
          .map(([time, a, b, up]) => [time / 10, a % hosts, b % hosts, up] as const)
          .filter(([, a, b]) => a !== b)
          .sort((x, y) => x[0] - y[0])
          .map(([time, a, b, up]) => `${time} CONN ${a} ${b} ${up ? 'up' : 'down'}`);
        const created = m
          .map(([time, a, b, size], i) => [time / 10, `M${i}`, a % hosts, b % hosts, size] as const)
          .sort((x, y) => x[0] - y[0])
          .map(([time, id, a, b, size]) => `${time} C ${id} ${a} ${b} ${size}`);
        const scn = scenario({ hosts, dt, end: '45', speed: '1k', trace: conn.join('\n'), msgs: created.join('\n') });
        const fast = runOneScenario(scn);
        const slow = runOneScenario(scn, { visitAll: true });
        expect(reportText(fast, 'EventLogReport')).toBe(reportText(slow, 'EventLogReport'));
        expect(fast.stats).toEqual(slow.stats);
        expect(fast.hostUpdates).toBeLessThanOrEqual(slow.hostUpdates);
      }),
      { numRuns: 300 },
    );
  });
});
