import { describe, expect, it } from 'vitest';
import { scenarioFacts } from './sim-run.ts';

describe('facts from a resolved scenario or trial', () => {
  it('names simulated nodes <group>-<k> in file order and finds origins by index or by group', () => {
    const f = scenarioFacts(`
name: x
groups:
  - {name: experts, count: 2}
  - {name: farmers, count: 3}
adapters:
  - {id: agro, origin: {group: farmers, index: 1}}
  - {id: vet, origin: 1}
`);
    expect(f.nodes).toEqual(['experts-0', 'experts-1', 'farmers-0', 'farmers-1', 'farmers-2']);
    expect(f.origins.get('agro')).toBe('farmers-1');
    expect(f.origins.get('vet')).toBe('experts-1');
  });

  it('reads an emulated trial: node names listed, origins by name', () => {
    const f = scenarioFacts('nodes: [A, B, C]\nadapters:\n  - {name: agronomy-expert, origin: B}\n');
    expect(f.nodes).toEqual(['A', 'B', 'C']);
    expect(f.origins.get('agronomy-expert')).toBe('B');
  });

  it('knows nothing rather than guessing from a file it cannot read', () => {
    expect(scenarioFacts(': : :').nodes).toBeNull();
    expect(scenarioFacts('groups: [{name: a}]').nodes).toBeNull();
  });
});
