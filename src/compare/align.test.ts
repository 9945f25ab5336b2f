import { describe, expect, it } from 'vitest';
import { alignAdapters, alignNodes } from './align.ts';
import type { RunData } from './run-data.ts';

const measured = (nodes: string[], nodesKnown = true) => ({ nodes, nodesKnown }) as unknown as RunData;

describe('adapter alignment', () => {
  it('matches exactly, then ignoring case and separators, and lists what is left over', () => {
    const a = alignAdapters(['agronomy-expert', 'soil', 'veterinary'], ['Agronomy_Expert', 'soil', 'irrigation'], 'sim', 'trial');
    expect(a.pairs).toEqual([
      { adapter: 'agronomy-expert', simulated: 'agronomy-expert', measured: 'Agronomy_Expert' },
      { adapter: 'soil', simulated: 'soil', measured: 'soil' },
    ]);
    expect(a.unmatchedSimulated).toEqual(['veterinary']);
    expect(a.unmatchedMeasured).toEqual(['irrigation']);
  });

  it('refuses inputs with no adapter in common, naming both sides', () => {
    expect(() => alignAdapters(['a'], ['b'], 'runs/', 'x.csv')).toThrow(/no adapter in common: runs\/ has a, x\.csv has b/);
  });
});

describe('node alignment', () => {
  const sim = ['phones-0', 'phones-1', 'phones-2', 'phones-3'];
  it('matches by name', () => {
    const n = alignNodes(sim, measured(['phones-0', 'phones-2', 'phones-3']));
    expect(n.method).toBe('name');
    expect([...n.map]).toEqual([['phones-0', 'phones-0'], ['phones-2', 'phones-2'], ['phones-3', 'phones-3']]);
  });

  it('falls back to the number a name ends in as the 0-based node index', () => {
    const n = alignNodes(sim, measured(['n3', 'n0', 'n1', 'n9']));
    expect(n.method).toBe('index');
    expect(n.map.get('n3')).toBe('phones-3');
    expect(n.map.get('n0')).toBe('phones-0');
    expect(n.unmatchedMeasured).toEqual(['n9']);
  });

  it('gives up when names mean nothing, or the source names no nodes', () => {
    expect(alignNodes(sim, measured(['alice', 'bob'])).method).toBe('none');
    expect(alignNodes(sim, measured(['#1', '#2'], false)).method).toBe('none');
  });
});
