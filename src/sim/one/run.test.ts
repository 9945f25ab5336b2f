import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runOne } from './run.ts';

const MICRO = resolve(import.meta.dirname, '../../../test/fixtures/the-one/micro/micro_settings.txt');

describe('runOne', () => {
  it('writes <Scenario.name>_<Report>.txt into results/one/<Scenario.name>/ by default', () => {
    const dir = mkdtempSync(join(tmpdir(), 'one-default-out-'));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = runOne([MICRO]);
      expect(r.outDir).toBe(join('results', 'one', 'micro'));
      for (const name of ['MessageStats', 'DeliveredMessages', 'EventLog']) {
        expect(existsSync(join(dir, 'results', 'one', 'micro', `micro_${name}Report.txt`))).toBe(true);
      }
    } finally {
      process.chdir(cwd);
    }
  });

  it('writes only the reports the settings list (Report.reportN)', () => {
    const out = mkdtempSync(join(tmpdir(), 'one-some-'));
    const settingsDir = mkdtempSync(join(tmpdir(), 'one-some-settings-'));
    const extra = join(settingsDir, 'only-stats.txt');
    // a second settings file overrides the first one's report list
    writeFileSync(extra, 'Report.nrofReports = 1\nReport.report1 = MessageStatsReport\n');
    const r = runOne([MICRO, extra], { outDir: out });
    expect(r.files.map((f) => f.slice(out.length + 1))).toEqual(['micro_MessageStatsReport.txt']);
    expect(readFileSync(r.files[0] as string, 'utf8')).toMatch(/^Message stats for scenario micro\nsim_time: 1100\.0000\n/);
  });
});
