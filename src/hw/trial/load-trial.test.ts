import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTrial, parseTrial } from './load-trial.ts';

const base = `name: t
duration: 20s
nodes: [A, B, C]
adapters:
  - {name: x, origin: A, size: 100kB}
`;

const dir = mkdtempSync(join(tmpdir(), 'trial-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('trial files', () => {
  it('loads the shipped three-hop trial with units converted and defaults filled in', () => {
    const t = loadTrial('scenarios/trials/three-hop.yaml');
    expect(t.nodes).toEqual(['A', 'B', 'C']);
    expect(t.air.rate).toBe(400_000);
    expect(t.adapters[0]).toMatchObject({ origin: 'A', size: 524_288, chunkSize: 65_536 });
    expect(t.contacts?.map((c) => [c.a, c.b, c.from / 1e6])).toEqual([['A', 'B', 0], ['B', 'C', 6]]);
  });

  it('reports mistakes with file:line:col and what is wrong', () => {
    const bad = `${base}contacts:\n  - {a: A, b: D, from: 2s}\n  - {a: A, b: B, from: 5s, to: 3s}\n`;
    expect(() => parseTrial(bad, 'bad.yaml')).toThrow(/bad\.yaml:7:\d+: node "D" is not one of the nodes/);
    expect(() => parseTrial(bad, 'bad.yaml')).toThrow(/bad\.yaml:8:\d+: a contact must end after it starts/);
    expect(() => parseTrial(base.replace('size: 100kB', 'size: 100kB, file: x.gguf'), 'two.yaml')).toThrow(/two\.yaml:5:\d+: give exactly one of size/);
    expect(() => parseTrial(base.replace('duration: 20s', 'duration: soon'), 'd.yaml')).toThrow(/d\.yaml:2:\d+/);
  });

  it('turns a CSV contact trace into contacts between named nodes', () => {
    writeFileSync(join(dir, 'trace.csv'), 't,a,b,event\n1,0,1,up\n4,0,1,down\n5,1,2,up\n');
    writeFileSync(join(dir, 'trial.yaml'), `${base}contactTrace: {file: trace.csv}\n`);
    const t = loadTrial(join(dir, 'trial.yaml'));
    expect(t.contactSource).toBe('trace');
    expect(t.contacts).toEqual([{ a: 'A', b: 'B', from: 1e6, to: 4e6 }, { a: 'B', b: 'C', from: 5e6, to: Infinity }]);
  });

  it('without contacts, everyone is in range (open air)', () => {
    expect(parseTrial(base, 'open.yaml')).toMatchObject({ contacts: undefined, contactSource: 'open-air' });
  });
});
