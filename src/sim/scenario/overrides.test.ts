import { describe, it, expect } from 'vitest';
import { UserError } from '../../cli/user-error.ts';
import { resolveScenarioText } from './index.ts';
import { parseOverridePath } from './overrides.ts';

const TEXT = `name: t
duration: 1d
world: {width: 1km, height: 1km}
groups:
  - name: villagers
    count: 3
  - name: experts
    count: 1
adapters:
  - {id: soil-v1, domain: soil, origin: {group: experts}}
`;

const load = (...overrides: string[]) => resolveScenarioText(TEXT, 't.yaml', overrides).scenario;

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('--set overrides', () => {
  it('sets dotted paths, list indices and list elements by name or id', () => {
    const s = load('duration=3d', 'groups[0].count=50', 'groups.experts.count=2', 'adapters.soil-v1.size=35MB', 'world.width=2km');
    expect(s.duration).toBe(3 * 86_400_000_000);
    expect(s.groups.map((g) => g.count)).toEqual([50, 2]);
    expect(s.adapters[0]?.size).toBe(35_000_000);
    expect(s.world.width).toBe(2000);
  });

  it('parses values as YAML, including flow lists and mappings', () => {
    const s = load('groups.villagers.mobility={model: random-waypoint, speed: [1, 2]}', 'strategy=[route, none]', "name='x: y'", 'description=30m');
    expect(s.groups[0]?.mobility).toMatchObject({ model: 'random-waypoint', speed: [1, 2] });
    expect(s.strategy).toEqual(['route', 'none']);
    expect(s.name).toBe('x: y');
    expect(s.description).toBe('30m');
  });

  it('creates missing mappings on the way (radio.link.range without a radio key)', () => {
    const s = load('radio.link.range=12m', 'groups.villagers.churn.nightOff.probability=0.25');
    expect(s.profiles['android-2m']?.link.range).toBe(12);
    expect(s.groups[0]?.churn.nightOff).toEqual({ from: 22 * 3_600_000_000, to: 6 * 3_600_000_000, probability: 0.25 });
  });

  it('applies overrides in order, later ones winning', () => {
    expect(load('duration=2d', 'duration=5h').duration).toBe(5 * 3_600_000_000);
  });

  it('reports errors against the --set expression', () => {
    expect(messageOf(() => load('world.widht=3km'))).toBe('--set world.widht=3km: unknown key "widht" (did you mean "width"?) in world');
    expect(messageOf(() => load('groups.villagers.count=abc'))).toBe('--set groups.villagers.count=abc: groups[0].count: expected a number, got "abc"');
    expect(messageOf(() => load('duration=3x'))).toMatch(/^--set duration=3x: duration: bad duration "3x"/);
  });

  it('rejects paths that do not exist', () => {
    expect(messageOf(() => load('groups.elders.count=1'))).toBe('--set groups.elders.count=1: groups has 2 element(s), no element named "elders" (names: villagers, experts)');
    expect(messageOf(() => load('groups[5].count=1'))).toBe('--set groups[5].count=1: groups has 2 element(s), index 5 (names: villagers, experts)');
    expect(messageOf(() => load('duration.days=1'))).toBe('--set duration.days=1: duration is a single value, not a mapping or list');
    expect(messageOf(() => load('world[0]=1'))).toBe('--set world[0]=1: world is not a list');
  });

  it('rejects malformed expressions', () => {
    expect(messageOf(() => load('duration'))).toBe('--set duration: expected key=value (e.g. --set duration=3d)');
    expect(messageOf(() => load('a..b=1'))).toMatch(/^--set a\.\.b=1: bad key "a\.\.b"/);
    expect(messageOf(() => load('name=[unclosed'))).toMatch(/^--set name=\[unclosed: the value is not valid YAML/);
  });
});

describe('parseOverridePath', () => {
  it('splits dots and indices', () => {
    expect(parseOverridePath('a.b.c', '')).toEqual(['a', 'b', 'c']);
    expect(parseOverridePath('groups[0].mobility.speed[1]', '')).toEqual(['groups', 0, 'mobility', 'speed', 1]);
    expect(parseOverridePath('groups.villagers.count', '')).toEqual(['groups', 'villagers', 'count']);
    expect(() => parseOverridePath('.a', '')).toThrow(/bad key/);
    expect(() => parseOverridePath('a[x]', '')).toThrow(/bad key/);
  });
});
