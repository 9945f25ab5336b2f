import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, gossip } from './helpers.ts';

const REQUIRED = ['resolved-scenario.yaml', 'summary.json', 'spread.csv', 'quality.csv', 'transfers.csv', 'traffic.csv', 'coverage.csv', 'report.html',
  'charts/spread.svg', 'charts/spread.png', 'charts/quality.svg', 'charts/quality.png', 'charts/traffic.svg', 'charts/traffic.png', 'charts/coverage-map.svg', 'charts/coverage-map.png'];

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name).slice(dir.length + 1)).sort();
}

/** A file's bytes with the machine-dependent (wall-clock) parts removed. */
function stable(dir: string, f: string): string {
  const text = readFileSync(join(dir, f), 'latin1');
  if (f === 'summary.json') {
    const s = JSON.parse(text) as Record<string, unknown>;
    delete s.wallSeconds;
    delete s.eventsPerSecond;
    return JSON.stringify(s);
  }
  if (f === 'report.html') return text.split('\n').filter((l) => !l.includes('machine-dependent')).join('\n');
  return text;
}

describe('gossip sim (real CLI)', () => {
  it('writes every output, byte-identical across processes for the same scenario and seed', () => {
    const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'gossip-sim-')));
    for (const d of dirs) {
      const r = gossip(['sim', fixture('tiny-village.yaml'), '--out', d]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('tiny-village (seed 7): 40 nodes');
    }
    const [a, b] = dirs as [string, string];
    const listed = files(a);
    for (const f of REQUIRED) expect(listed).toContain(f);
    expect(files(b)).toEqual(listed);
    for (const f of listed) expect(stable(b, f), f).toBe(stable(a, f));
    const resolved = readFileSync(join(a, 'resolved-scenario.yaml'), 'utf8');
    expect(resolved).toMatch(/^# resolved by gossip-handshake \d+\.\d+\.\d+; seed 7/);
    expect(resolved).toContain('seed: 7');
    // --seed changes the run.
    const c = mkdtempSync(join(tmpdir(), 'gossip-sim-'));
    expect(gossip(['sim', fixture('tiny-village.yaml'), '--out', c, '--seed', '8', '--no-charts']).status).toBe(0);
    expect(stable(c, 'spread.csv')).not.toBe(stable(a, 'spread.csv'));
  });

  it('names the file, line and column of a bad scenario and exits 1 without a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gossip-bad-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, readFileSync(fixture('tiny-village.yaml'), 'utf8').replace('questionsPerDay: 2', 'questionsPerDya: 2'));
    const r = gossip(['sim', file, '--out', join(dir, 'out')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+: .*questionsPerDya/);
    expect(r.stderr).toContain('questionsPerDay');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the line of a malformed contact trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gossip-trace-'));
    writeFileSync(join(dir, 'trace.txt'), '0 CONN 0 1 up\n10 CONN 0 1 sideways\n');
    writeFileSync(join(dir, 'scn.yaml'), readFileSync(fixture('two-encounters.yaml'), 'utf8').replace(/contacts:[\s\S]*$/, 'contacts: {source: trace, file: trace.txt, format: one}\n'));
    const r = gossip(['sim', join(dir, 'scn.yaml'), '--out', join(dir, 'out'), '--no-charts']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/trace\.txt:2:\d+: /);
  });
});
