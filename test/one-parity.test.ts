/**
 * ONE-compatible mode against The ONE's own reports (golden fixtures in test/fixtures/the-one/,
 * see its README): MessageStats, DeliveredMessages and EventLog for micro, micro-edge and
 * village126, plus the `gossip one run` command end to end and its refusal of unsupported settings.
 */
import { beforeAll, describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs';
import { oneCommand } from '../src/cli/commands/one.ts';
import { commands } from '../src/cli/commands/index.ts';
import { loadOneScenario, reportText, runOneScenario } from '../src/sim/one/index.ts';
import type { OneReportName, OneRunResult } from '../src/sim/one/index.ts';

const FIX = join(import.meta.dirname, 'fixtures', 'the-one');
const REPO = join(import.meta.dirname, '..');

const fixtures = [
  { dir: 'micro', settings: 'micro_settings.txt', name: 'micro' },
  { dir: 'micro-edge', settings: 'edge_settings.txt', name: 'micro_edge' },
  { dir: 'village126', settings: 'village126_settings.txt', name: 'village126_epidemic' },
];

const golden = (dir: string, name: string, report: OneReportName): string =>
  readFileSync(join(FIX, dir, 'reports', `${name}_${report}.txt`), 'utf8');

function parseStats(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n').slice(1)) {
    const i = line.indexOf(': ');
    if (i > 0) out.set(line.slice(0, i), line.slice(i + 2));
  }
  return out;
}

function expectStatsMatch(ours: string, theirs: string): void {
  expect(ours.split('\n')[0]).toBe(theirs.split('\n')[0]);
  const a = parseStats(ours);
  const b = parseStats(theirs);
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [key, want] of b) {
    const got = a.get(key) as string;
    if (/^-?\d+$/.test(want)) expect(got, key).toBe(want);
    else if (want === 'NaN') expect(got, key).toBe('NaN');
    else expect(Math.abs(Number(got) - Number(want)), `${key}: ${got} vs ${want}`).toBeLessThanOrEqual(1e-4 + 1e-9);
  }
}

function expectDeliveredMatch(ours: string, theirs: string): void {
  const a = ours.trimEnd().split('\n');
  const b = theirs.trimEnd().split('\n');
  expect(a.length).toBe(b.length);
  expect(a[0]).toBe(b[0]);
  for (let i = 1; i < b.length; i++) {
    const x = (a[i] as string).split(' ');
    const y = (b[i] as string).split(' ');
    const timesAt = [0, 4];
    expect(x.filter((_, k) => !timesAt.includes(k)), `line ${i + 1}`).toEqual(y.filter((_, k) => !timesAt.includes(k)));
    for (const k of timesAt) expect(Math.abs(Number(x[k]) - Number(y[k])), `line ${i + 1} field ${k}`).toBeLessThanOrEqual(1e-4 + 1e-9);
  }
}

function expectEventLogMatch(ours: string, theirs: string): void {
  const a = ours.trimEnd().split('\n');
  const b = theirs.trimEnd().split('\n');
  expect(a.length).toBe(b.length);
  for (let i = 0; i < b.length; i++) {
    const la = a[i] as string;
    const lb = b[i] as string;
    const sa = la.indexOf(' ');
    const sb = lb.indexOf(' ');
    // same (action, hosts, id, flag), and the same clock value as a double
    if (la.slice(sa) !== lb.slice(sb) || Number(la.slice(0, sa)) !== Number(lb.slice(0, sb))) {
      expect(la, `event log line ${i + 1}`).toBe(lb);
    }
  }
}

describe.each(fixtures)('ONE parity: $dir', ({ dir, settings, name }) => {
  let result: OneRunResult;
  beforeAll(() => {
    result = runOneScenario(loadOneScenario([join(FIX, dir, settings)]));
  });

  it('MessageStatsReport: equal counts, 4-decimal values within 1e-4', () => {
    expectStatsMatch(reportText(result, 'MessageStatsReport') as string, golden(dir, name, 'MessageStatsReport'));
  });

  it('DeliveredMessagesReport: equal lines, times within 1e-4', () => {
    expectDeliveredMatch(reportText(result, 'DeliveredMessagesReport') as string, golden(dir, name, 'DeliveredMessagesReport'));
  });

  it('EventLogReport: the same events in the same order at the same clock values', () => {
    expectEventLogMatch(reportText(result, 'EventLogReport') as string, golden(dir, name, 'EventLogReport'));
  });
});

describe('gossip one run', () => {
  const micro = join(FIX, 'micro', 'micro_settings.txt');

  async function runViaYargs(args: string[]): Promise<void> {
    await yargs(args).command(oneCommand).strict().fail((msg, err) => { throw err ?? new Error(msg); }).parseAsync();
  }

  it('writes the three reports named after Scenario.name into --out (command module through yargs)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'one-yargs-'));
    const write = process.stdout.write;
    let printed = '';
    process.stdout.write = ((s: string) => { printed += s; return true; }) as typeof process.stdout.write;
    try {
      await runViaYargs(['one', 'run', micro, '--out', out]);
    } finally {
      process.stdout.write = write;
    }
    expect(printed).toMatch(/micro: created 2, started 3, relayed 2, aborted 1, delivered 1/);
    expect(readFileSync(join(out, 'micro_EventLogReport.txt'), 'utf8')).toBe(golden('micro', 'micro', 'EventLogReport'));
    expectStatsMatch(readFileSync(join(out, 'micro_MessageStatsReport.txt'), 'utf8'), golden('micro', 'micro', 'MessageStatsReport'));
    expectDeliveredMatch(readFileSync(join(out, 'micro_DeliveredMessagesReport.txt'), 'utf8'), golden('micro', 'micro', 'DeliveredMessagesReport'));
  });

  it('refuses an unsupported router with one line naming the setting and the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'one-bad-'));
    const bad = join(dir, 'micro_settings.txt');
    writeFileSync(bad, readFileSync(micro, 'utf8').replace('Group.router = EpidemicRouter', 'Group.router = ProphetRouter'));
    await expect(runViaYargs(['one', 'run', bad, '--out', dir])).rejects.toThrow(
      `${bad}:18: Group.router = ProphetRouter is not supported in ONE-compatible mode (supported: EpidemicRouter)`,
    );
  });

  it('is registered in the CLI', () => {
    expect(commands).toContain(oneCommand);
  });

  it('runs through the real CLI binary (node bin/gossip.mjs one run ...)', () => {
    const out = mkdtempSync(join(tmpdir(), 'one-cli-'));
    const stdout = execFileSync(process.execPath, ['bin/gossip.mjs', 'one', 'run', 'test/fixtures/the-one/micro/micro_settings.txt', '--out', out], { cwd: REPO, encoding: 'utf8' });
    expect(stdout).toMatch(/created 2, started 3, relayed 2, aborted 1, delivered 1/);
    expect(readFileSync(join(out, 'micro_EventLogReport.txt'), 'utf8')).toBe(golden('micro', 'micro', 'EventLogReport'));
  });

  it('the real CLI prints the unsupported-setting error on one line and exits non-zero', () => {
    const dir = mkdtempSync(join(tmpdir(), 'one-cli-bad-'));
    copyFileSync(join(FIX, 'micro', 'micro_trace.tsv'), join(dir, 'micro_trace.tsv'));
    copyFileSync(join(FIX, 'micro', 'micro_msgs.txt'), join(dir, 'micro_msgs.txt'));
    const bad = join(dir, 'micro_settings.txt');
    writeFileSync(bad, readFileSync(micro, 'utf8').replace('Group.router = EpidemicRouter', 'Group.router = ProphetRouter'));
    const r = spawnSync(process.execPath, ['bin/gossip.mjs', 'one', 'run', bad, '--out', dir], { cwd: REPO, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: ${bad}:18: Group.router = ProphetRouter is not supported in ONE-compatible mode (supported: EpidemicRouter)\n`);
  });
});
