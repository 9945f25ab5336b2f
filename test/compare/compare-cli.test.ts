import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Comparison } from '../../src/compare/index.ts';
import { matchingArrival, slowArrival, writeArrivalsCsv, writeSweep, writeTrialLog } from './synthetic.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

function gossip(args: string[]) {
  const r = spawnSync(process.execPath, [`${ROOT}bin/run-ts.mjs`, `${ROOT}test/compare/cli-entry.ts`, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Comparison;

describe('gossip compare (real CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gossip-compare-'));
  const sweep = join(dir, 'sweep');
  writeSweep(sweep, SEEDS);

  it('passes a trial that behaves like the model, and writes json, csv, charts and a self-contained html', () => {
    const trial = join(dir, 'trial');
    writeTrialLog(trial, matchingArrival);
    const out = join(dir, 'out-match');
    const r = gossip(['compare', sweep, trial, '--out', out, '--check']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('synthetic: 20 simulated seeds (8 nodes) vs measured trial-log (8 nodes)');
    expect(r.stdout).toContain('PASS: 2/2 adapters');
    for (const f of ['comparison.json', 'comparison.html', 'coverage-band.csv', 'measured-spread.csv', 'arrivals.csv',
      'charts/coverage.svg', 'charts/coverage.png', 'charts/arrivals.svg', 'charts/arrivals.png', 'charts/nodes.svg', 'charts/transfers.png']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const c = readJson(join(out, 'comparison.json'));
    expect(c.pass).toBe(true);
    expect(c.alignment.nodes.method).toBe('index');
    expect(c.alignment.nodes.matched).toBe(8);
    const agro = c.adapters.find((a) => a.adapter === 'agronomy')!;
    expect(agro.measuredName).toBe('agronomy');
    expect(agro.t50.measured).toBe(180); // 4th of 8 holders: origin + nodes 1..3 at 60·k s
    expect(agro.t50.insideInterval).toBe(true);
    expect(Math.abs(agro.t50.relativeError!)).toBeLessThan(0.15);
    expect(agro.arrivals.distance).toBeLessThan(0.3);
    expect(agro.arrivals.measuredSamples).toBe(7);
    expect(agro.arrivals.simulatedSamples).toBe(140);
    const html = readFileSync(join(out, 'comparison.html'), 'utf8');
    expect(html).toContain('PASS');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it('reports a deliberately slower measured run as outside the interval and fails --check with status 3', () => {
    const csv = join(dir, 'slow.csv');
    writeArrivalsCsv(csv, slowArrival);
    const out = join(dir, 'out-slow');
    const r = gossip(['compare', sweep, csv, '--out', out, '--check', '--no-charts']);
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('FAIL');
    expect(r.stdout).toContain('OUT');
    const c = readJson(join(out, 'comparison.json'));
    expect(c.pass).toBe(false);
    for (const a of c.adapters) {
      expect(a.t90.insideInterval).toBe(false);
      expect(a.t90.relativeError!).toBeGreaterThan(0.4);
      expect(a.pass).toBe(false);
    }
    expect(c.alignment.nodes.method).toBe('name');
    expect(c.nodes.some((n) => !n.insideInterval)).toBe(true);
    expect(c.transfers).toBeNull();
    expect(readFileSync(join(out, 'comparison.html'), 'utf8')).toContain('outside');
  });

  it('names the file, line and column of a bad arrivals CSV', () => {
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'adapter,node,arrival_s\nagronomy,phones-0,0\nagronomy,phones-1,soon\n');
    const r = gossip(['compare', sweep, csv, '--out', join(dir, 'bad')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.csv:3: column arrival_s: expected a number of seconds .* \(got "soon"\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('asks for --point when a sweep holds several grid points, and names the points', () => {
    const two = join(dir, 'two-points');
    writeSweep(two, [1, 2], 'groups.phones.policy=epidemic');
    writeSweep(two, [1, 2], 'groups.phones.policy=rarest-first');
    const csv = join(dir, 'match.csv');
    writeArrivalsCsv(csv, matchingArrival);
    const r = gossip(['compare', two, csv, '--out', join(dir, 'pt')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('choose one with --point');
    expect(r.stderr).toContain('groups.phones.policy=rarest-first');
    const ok = gossip(['compare', two, csv, '--out', join(dir, 'pt'), '--point', 'groups.phones.policy=epidemic', '--no-charts']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(readJson(join(dir, 'pt', 'comparison.json')).simulated.point).toBe('groups.phones.policy=epidemic');
  });

  it('says what is missing when a directory holds no measured data', () => {
    const empty = mkdtempSync(join(tmpdir(), 'gossip-empty-'));
    const r = gossip(['compare', sweep, empty]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no measured data here (looked for trial.jsonl, arrivals.csv, summary.json)');
  });
});
