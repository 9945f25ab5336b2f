import { describe, it, expect } from 'vitest';
import { interpretSettings } from './config.ts';
import { parseSettingsText } from './settings-file.ts';

const BASE = `Scenario.name = t
Scenario.simulateConnections = false
Scenario.updateInterval = 0.1
Scenario.endTime = 100
Scenario.nrofHostGroups = 1
bt.type = SimpleBroadcastInterface
bt.transmitSpeed = 250k
Group.groupID = n
Group.nrofHosts = 3
Group.router = EpidemicRouter
Group.bufferSize = 1G
Group.sendQueue = FIFO
Group.nrofInterfaces = 1
Group.interface1 = bt
Events.nrof = 2
Events1.filePath = trace.txt
Events2.filePath = /abs/msgs.txt
Optimization.randomizeUpdateOrder = false
`;

function config(extra = '', file = '/data/run/s.txt') {
  const values = parseSettingsText(BASE + extra, file);
  return interpretSettings({ values, files: [file] });
}

describe('interpretSettings', () => {
  it('reads the scenario, host group and event files (relative paths against the settings folder)', () => {
    const c = config();
    expect(c).toMatchObject({ scenarioName: 't', updateInterval: 0.1, endTime: 100 });
    expect(c.groups).toEqual([{ groupId: 'n', nrofHosts: 3, transmitSpeed: 250_000, bufferSize: 1e9 }]);
    expect(c.eventFiles).toEqual(['/data/run/trace.txt', '/abs/msgs.txt']);
    expect(c.reports).toEqual(['MessageStatsReport', 'DeliveredMessagesReport', 'EventLogReport']);
  });

  it('supports several host groups with Group fallback and their own interfaces', () => {
    const c = config('Scenario.nrofHostGroups = 2\nGroup2.groupID = k\nGroup2.nrofHosts = 2\nGroup2.interface1 = slow\nslow.type = SimpleBroadcastInterface\nslow.transmitSpeed = 1k\n');
    expect(c.groups.map((g) => [g.groupId, g.nrofHosts, g.transmitSpeed])).toEqual([['n', 3, 250_000], ['k', 2, 1000]]);
  });

  it('names the key, file and line of an unsupported router', () => {
    expect(() => config('Group.router = ProphetRouter\n')).toThrow(
      '/data/run/s.txt:19: Group.router = ProphetRouter is not supported in ONE-compatible mode (supported: EpidemicRouter)',
    );
  });

  it('refuses movement-driven connections, event generators, TTLs, random queues and shuffled updates', () => {
    expect(() => config('Scenario.simulateConnections = true\n')).toThrow(/Scenario\.simulateConnections = true is not supported/);
    expect(() => config('Events2.filePath = \nEvents3.class = MessageEventGenerator\nEvents.nrof = 3\n')).toThrow(/Events3\.class = MessageEventGenerator is not supported/);
    expect(() => config('Group.msgTtl = 300\n')).toThrow(/Group\.msgTtl = 300 is not supported/);
    expect(() => config('Group.sendQueue = 1\n')).toThrow(/Group\.sendQueue = 1 is not supported in ONE-compatible mode \(supported: FIFO\)/);
    expect(() => config('Optimization.randomizeUpdateOrder = true\n')).toThrow(/randomizeUpdateOrder = true is not supported/);
    expect(() => config('Report.nrofReports = 1\nReport.report1 = ContactTimesReport\n')).toThrow(/Report\.report1 = ContactTimesReport is not supported/);
    expect(() => config('MovementModel.rngSeed = [1; 2]\n')).toThrow(/run-indexed/);
  });

  it('says which required setting is missing', () => {
    const values = parseSettingsText(BASE.replace('Scenario.endTime = 100\n', ''), 's.txt');
    expect(() => interpretSettings({ values, files: ['s.txt'] })).toThrow(/^s\.txt: Scenario\.endTime is missing/);
  });

  it('names a malformed number', () => {
    expect(() => config('bt.transmitSpeed = fast\n')).toThrow(/s\.txt:19: bt\.transmitSpeed = fast: expected a positive whole number/);
  });
});
