import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT, ScenarioError, resolveScenario, resolveScenarioText } from './index.ts';

const VILLAGE = join(PROJECT_ROOT, 'scenarios', 'village.yaml');

/** A minimal valid scenario; `extra` is appended as top-level YAML. Line numbers matter in tests. */
const minimal = (extra = '') => `name: t
duration: 1d
world: {width: 1km, height: 1km}
groups:
  - name: villagers
    count: 3
    mobility:
      model: random-waypoint
${extra}`;

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message;
  }
  throw new Error('expected a ScenarioError');
}

const load = (text: string, overrides: string[] = [], seed?: number) => resolveScenarioText(text, 't.yaml', overrides, seed);

describe('the default village scenario', () => {
  const { scenario, resolvedYaml } = resolveScenario(VILLAGE);

  it('validates with ~300 devices, 5 experts and 5 adapters of 17.6 MB over 7 days', () => {
    expect(scenario.nodeCount).toBe(300);
    expect(scenario.duration).toBe(7 * 86_400_000_000);
    expect(scenario.world.width).toBe(2000);
    expect(scenario.strategy).toEqual(['route', 'merge', 'none']);
    expect(scenario.adapters.map((a) => a.domain)).toEqual(['agronomy', 'veterinary', 'irrigation', 'soil', 'aquaculture']);
    expect(scenario.adapters.every((a) => a.size === 17_600_000 && a.chunkSize === 262_144)).toBe(true);
    expect(scenario.adapters.map((a) => a.originNode)).toEqual([0, 1, 2, 3, 4]);
    expect(scenario.groups[0]?.name).toBe('experts');
    expect(scenario.groups[1]?.firstNode).toBe(5);
  });

  it('resolves the device profile with units converted', () => {
    expect(Object.keys(scenario.profiles)).toEqual(['android-2m']);
    expect(scenario.groups.every((g) => g.device === 'android-2m')).toBe(true);
    const link = scenario.profiles['android-2m']?.link;
    expect(link?.range).toBe(30);
    expect(link?.scanWindow).toBe(183_000);
    expect(link?.goodput).toEqual({ median: 50_000, p10: 25_000, p90: 140_000 });
  });

  it('writes a resolved YAML that loads back to the same scenario', () => {
    expect(resolvedYaml).toMatch(/^seed: 1$/m);
    expect(resolvedYaml).toContain('android-2m:');
    const again = resolveScenarioText(resolvedYaml, 'resolved-scenario.yaml', [], undefined, VILLAGE);
    expect(again.scenario).toEqual(scenario);
    expect(again.resolvedYaml).toBe(resolvedYaml);
  });
});

describe('defaults', () => {
  it('fills every documented default', () => {
    const { scenario: s } = load(minimal());
    expect(s.seed).toBe(1);
    expect(s.sampleEvery).toBe(600_000_000);
    expect(s.strategy).toEqual(['route']);
    expect(s.contacts).toEqual({ source: 'mobility' });
    expect(s.radio.profile).toBe('android-2m');
    expect(s.adapters).toEqual([]);
    const g = s.groups[0];
    expect(g?.mobility).toEqual({ model: 'random-waypoint', speed: [0.5, 1.5], pause: [0, 1_800_000_000] });
    expect(g?.storage).toBe(1_000_000_000);
    expect(g?.policy).toBe('epidemic');
    expect(g?.questionsPerDay).toBe(0);
    expect(g?.churn).toEqual({});
    expect(s.questions.domainMix).toEqual({ agronomy: 1, veterinary: 1, irrigation: 1, soil: 1, aquaculture: 1 });
    expect(s.questions.bank).toBe(join(PROJECT_ROOT, 'scenarios/questions/village-bank.yaml'));
    expect(s.quality.domains.agronomy).toEqual({ specialist: 0.213, otherSpecialist: 0.047, base: 0.08 });
    expect(s.quality.domains.aquaculture.specialist).toBe(1);
    expect(s.quality.merged).toEqual({ k2: 0.137, k3: 0.093, k4: 0.057, k5: 0.021 });
  });

  it('keeps per-field quality defaults when only some are given', () => {
    const { scenario: s } = load(minimal('quality: {domains: {soil: {base: 0.1}}, merged: {k5: 0.05}}\n'));
    expect(s.quality.domains.soil).toEqual({ specialist: 0.84, otherSpecialist: 0.027, base: 0.1 });
    expect(s.quality.merged.k5).toBe(0.05);
    expect(s.quality.merged.k2).toBe(0.137);
  });

  it('takes the seed argument over the file', () => {
    const { scenario, resolvedYaml } = load(minimal('seed: 5\n'), [], 42);
    expect(scenario.seed).toBe(42);
    expect(resolvedYaml).toMatch(/^seed: 42$/m);
  });

  it('supports YAML anchors and merge keys for group templates', () => {
    const text = minimal().replace('  - name: villagers\n', '  - &base\n    name: villagers\n') + '  - {<<: *base, name: others, count: 7}\n';
    const { scenario } = load(text);
    expect(scenario.groups.map((g) => [g.name, g.count, g.mobility.model])).toEqual([['villagers', 3, 'random-waypoint'], ['others', 7, 'random-waypoint']]);
  });

  it('accepts a list of strategies for comparison runs', () => {
    expect(load(minimal('strategy: [route, merge, none]\n')).scenario.strategy).toEqual(['route', 'merge', 'none']);
  });
});

describe('errors point at file:line:col', () => {
  it('unknown key, with a did-you-mean hint', () => {
    expect(errorOf(() => load(minimal('      spead: [1, 2]\n')))).toBe('t.yaml:9:7: unknown key "spead" (did you mean "speed"?) in groups[0].mobility');
    expect(errorOf(() => load(minimal('colour: red\n')))).toMatch(/^t\.yaml:9:1: unknown key "colour" \(known: name, description, seed, duration, /);
  });

  it('wrong type', () => {
    expect(errorOf(() => load(minimal().replace('count: 3', 'count: many')))).toBe('t.yaml:6:12: groups[0].count: expected a number, got "many"');
    expect(errorOf(() => load(minimal('groups: {a: 1}\n').replace(/^groups:\n[\s\S]*?(?=groups: \{)/m, '')))).toBe('t.yaml:4:9: groups: expected a list, got a mapping');
  });

  it('bad unit, naming the value and the accepted forms', () => {
    expect(errorOf(() => load(minimal().replace('duration: 1d', 'duration: 1x')))).toBe(
      't.yaml:2:11: duration: bad duration "1x": unknown unit "x"; expected a number with a unit us, ms, s, m (minutes), h or d (e.g. 250ms, 30m, 1.5h, 7d), or a bare number of seconds',
    );
    expect(errorOf(() => load(minimal().replace('width: 1km', 'width: 1kg')))).toMatch(/^t\.yaml:3:16: world\.width: bad distance "1kg": unknown unit "kg"/);
  });

  it('missing keys point at the enclosing mapping', () => {
    expect(errorOf(() => load(minimal().replace('duration: 1d\n', '')))).toBe('t.yaml:1:1: missing required key "duration"');
    expect(errorOf(() => load(minimal().replace('    count: 3\n', '')))).toBe('t.yaml:5:5: missing required key "count" in groups[0]');
  });

  it('enum values and union alternatives get hints', () => {
    expect(errorOf(() => load(minimal().replace('model: random-waypoint', 'model: random-waypont')))).toBe(
      't.yaml:8:14: groups[0].mobility.model: unknown model "random-waypont": expected one of random-waypoint, routine, stationary (did you mean "random-waypoint"?)',
    );
    expect(errorOf(() => load(minimal('strategy: [route, merg]\n')))).toBe('t.yaml:9:19: strategy[1]: expected one of route, merge, none; got "merg" (did you mean "merge"?)');
    expect(errorOf(() => load(minimal('radio: {link: {goodput: {median: 5x}}}\n')))).toMatch(/^t\.yaml:9:34: radio\.link\.goodput\.median: bad rate "5x"/);
  });

  it('cross-references: places, groups, origins, encounters', () => {
    const text = minimal(`adapters:
  - {id: a, domain: soil, origin: {group: elders}}
  - {id: b, domain: soil, origin: {group: villagers, index: 3}}
  - {id: a, domain: soil, origin: 7}
contacts:
  source: schedule
  encounters:
    - {a: 0, b: 9, from: 1h, to: 2h}
`).replace('model: random-waypoint', 'model: stationary\n      place: well');
    expect(errorOf(() => load(text)).split('\n')).toEqual([
      't.yaml:9:14: groups[0].mobility.place: no place "well" in world (known: none)',
      't.yaml:11:43: adapters[0].origin.group: no group "elders" (groups: villagers)',
      't.yaml:12:61: adapters[1].origin.index: group "villagers" has 3 devices: index must be < 3',
      't.yaml:13:10: adapters[2].id: duplicate adapter id "a"',
      't.yaml:13:35: adapters[2].origin: node 7 does not exist (the groups have 3 nodes: 0…2)',
      't.yaml:17:17: contacts.encounters[0].b: node 9 does not exist (the groups have 3 nodes: 0…2)',
    ]);
  });

  it('times outside the run', () => {
    expect(errorOf(() => load(minimal('adapters: [{id: a, domain: soil, origin: 0, publishAt: 2d}]\n')))).toBe(
      't.yaml:9:56: adapters[0].publishAt: publishAt is not before the end of the run (duration)',
    );
  });

  it('YAML syntax errors', () => {
    expect(errorOf(() => load('name: [unclosed\n'))).toMatch(/^t\.yaml:\d+:\d+: YAML syntax error: /);
    expect(errorOf(() => load('- just\n- a list\n'))).toBe('t.yaml:1:1: a scenario must be a YAML mapping (name, duration, world, groups, …)');
  });
});

describe('device profiles', () => {
  it('unknown profile names get a hint and the list of profiles', () => {
    expect(errorOf(() => load(minimal('radio: {profile: androd-2m}\n')))).toBe(
      't.yaml:9:18: radio.profile: no profile "androd-2m" (did you mean "android-2m"?): use one of android-2m, conservative, ios, measured-0.5b-q8, or a path to a profile YAML',
    );
  });

  it('scenario overrides apply to every profile and their errors point into the scenario', () => {
    const { scenario } = load(minimal('radio: {profile: ios, link: {range: 12m}}\n').replace('    count: 3\n', '    count: 3\n    device: conservative\n'));
    expect(scenario.groups[0]?.device).toBe('conservative');
    expect(scenario.profiles.ios?.link.range).toBe(12);
    expect(scenario.profiles.conservative?.link.range).toBe(12);
    expect(scenario.profiles.conservative?.link.maxLinks).toBe(1);
    expect(errorOf(() => load(minimal('radio: {link: {range: 5x}}\n')))).toMatch(/^t\.yaml:9:23: radio\.link\.range: bad distance "5x"/);
    expect(errorOf(() => load(minimal('radio: {profile: ios, inference: {embedding: 3ms}}\n'))).split('\n')[0]).toBe(
      't.yaml:9:23: profile "ios": missing required key "modelLoad" in inference',
    );
  });

  it('profile files given by path are read relative to the scenario, with errors in the profile file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const profile = join(dir, 'my-phone.yaml');
    const text = resolveScenario(VILLAGE).resolvedYaml; // borrow a complete profile from the resolved village
    const android = text.slice(text.indexOf('  android-2m:\n') + '  android-2m:\n'.length, text.indexOf('\ngroups:'));
    writeFileSync(profile, android.replace(/^ {4}/gm, '').replace('range: 30m', 'range: far'));
    writeFileSync(join(dir, 's.yaml'), minimal('radio: {profile: ./my-phone.yaml}\n'));
    const msg = errorOf(() => resolveScenario(join(dir, 's.yaml')));
    expect(msg).toMatch(new RegExp(`^${profile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:10: profile "./my-phone.yaml": link\\.range: bad distance "far"`));
  });

  it('inline profiles are found before shipped ones', () => {
    const { resolvedYaml } = resolveScenario(VILLAGE);
    const withInline = resolvedYaml.replace('range: 30m', 'range: 44m');
    const again = resolveScenarioText(withInline, 'r.yaml', [], undefined, VILLAGE);
    expect(again.scenario.profiles['android-2m']?.link.range).toBe(44);
  });
});

describe('contacts', () => {
  it('resolves trace paths relative to the scenario file and infers the format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    writeFileSync(join(dir, 's.yaml'), minimal('contacts: {source: trace, file: traces/c.csv}\n'));
    const { scenario } = resolveScenario(join(dir, 's.yaml'));
    expect(scenario.contacts).toEqual({ source: 'trace', file: join(dir, 'traces/c.csv'), format: 'csv' });
    writeFileSync(join(dir, 't.yaml'), minimal('contacts: {source: trace, file: x.txt}\n'));
    expect(resolveScenario(join(dir, 't.yaml')).scenario.contacts).toMatchObject({ format: 'one' });
  });

  it('accepts an explicit encounter schedule', () => {
    const { scenario } = load(minimal('contacts:\n  source: schedule\n  encounters: [{a: 0, b: 2, from: 10m, to: 25m}]\n'));
    expect(scenario.contacts).toEqual({ source: 'schedule', encounters: [{ a: 0, b: 2, from: 600_000_000, to: 1_500_000_000 }] });
    expect(errorOf(() => load(minimal('contacts:\n  source: schedule\n  encounters: [{a: 1, b: 1, from: 30m, to: 25m}]\n'))).split('\n')).toEqual([
      't.yaml:11:26: contacts.encounters[0].b: an encounter needs two different nodes',
      't.yaml:11:44: contacts.encounters[0].to: an encounter needs from < to',
    ]);
  });
});
