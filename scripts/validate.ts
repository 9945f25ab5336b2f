/**
 * `npm run validate`: the calibrate-and-compare loop, closed on what this machine can run.
 *
 *   1. calibrate the radio on the virtual air, with the air settings of the validation trial:
 *      `gossip hw calibrate --radio emulated` (discovery latency, ATT MTU, connection failures,
 *      one idle pair in one process) → results/validation/calibrated-radio.yaml, then an emulated
 *      calibration trial with the validation trial's processes and load
 *      (scenarios/validation/calibration-trial.yaml, a different schedule) whose log gives the
 *      connection delay and goodput distributions written into the same profile
 *      (src/compare/trial-calibration.ts)
 *   2. run the emulated trial (`gossip emulate scenarios/validation/trial.yaml`) → results/validation/emulate/
 *   3. simulate the same encounters with the calibrated profile over 20 seeds
 *      (`gossip sweep scenarios/validation/sim.yaml --set radio.profile=…`) → results/validation/sweep/
 *   4. compare (`gossip compare`) → results/validation/comparison/
 *
 * then prints, per adapter, the measured t50/t90 against the simulated median and 95 % interval,
 * the relative errors, the KS distance of arrival times, the verdict, and the wall time of every
 * step. Every step goes through the real CLI in a child process. Exits 1 when the loop fails
 * (a step fails, or a measured figure is outside the interval or the 15 % tolerance).
 *
 * Options: --seeds A..B (default 1..20), --out DIR (default results/validation),
 * --skip-emulate (reuse DIR/emulate from an earlier run), --skip-calibrate (reuse the profile).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTrial } from '../src/hw/trial/index.ts';
import { formatDuration as unitDuration, formatRate } from '../src/sim/units.ts';
import { calibrateProfileFromTrial } from '../src/compare/trial-calibration.ts';
import type { Comparison } from '../src/compare/index.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TRIAL = join(ROOT, 'scenarios/validation/trial.yaml');
const SCENARIO = join(ROOT, 'scenarios/validation/sim.yaml');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const out = resolve(option('out') ?? join(ROOT, 'results/validation'));
const seeds = option('seeds') ?? '1..20';
const profile = join(out, 'calibrated-radio.yaml');
const emulateDir = join(out, 'emulate');
const sweepDir = join(out, 'sweep');
const compareDir = join(out, 'comparison');
const calibrationDir = join(out, 'calibration-trial');
const CALIBRATION_TRIAL = join(ROOT, 'scenarios/validation/calibration-trial.yaml');

/**
 * The real CLI: bin/gossip.mjs when src/cli/commands/index.ts registers the command, else the same
 * main() with the command added (test/compare/cli-entry.ts), for commands not registered yet.
 */
function entryFor(command: string): string[] {
  const text = readFileSync(join(ROOT, 'src/cli/commands/index.ts'), 'utf8');
  const registered = new RegExp(`\\b${command}Command\\b`).test(text);
  return registered ? [join(ROOT, 'bin/gossip.mjs')] : [join(ROOT, 'bin/run-ts.mjs'), join(ROOT, 'test/compare/cli-entry.ts')];
}

interface Step { readonly name: string; readonly seconds: number }
const steps: Step[] = [];

function gossip(name: string, args: string[]): void {
  const entry = entryFor(args[0]!);
  process.stdout.write(`\n== ${name}: gossip ${args.join(' ')}\n`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...entry, ...args], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, CI: process.env.CI ?? 'true' } });
  const seconds = (performance.now() - t0) / 1000;
  steps.push({ name, seconds });
  if (r.status !== 0 && !(args[0] === 'compare' && r.status === 3)) {
    process.stderr.write(`validate: step "${name}" failed (exit ${r.status ?? r.signal})\n`);
    process.exit(1);
  }
}

const tStart = performance.now();
mkdirSync(out, { recursive: true });
const trial = loadTrial(TRIAL);

if (!flag('skip-calibrate') || !existsSync(profile)) {
  gossip('calibrate the radio on the virtual air', [
    'hw', 'calibrate', '--radio', 'emulated',
    '--air-rate', formatRate(trial.air.rate), '--air-setup', unitDuration(trial.air.connectionSetup),
    '--trials', '20', '--out', profile,
  ]);
  gossip('calibrate under trial load: emulated calibration trial', ['emulate', CALIBRATION_TRIAL, '--out', calibrationDir, '--no-charts']);
  const fit = calibrateProfileFromTrial(profile, join(calibrationDir, 'trial.jsonl'), loadTrial(CALIBRATION_TRIAL).name);
  const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;
  const kbs = (b: number) => `${(b / 1000).toFixed(1)} kB/s`;
  process.stdout.write(`calibrated from the trial log: connection setup ${ms(fit.connectionSetup.median)} (p10 ${ms(fit.connectionSetup.p10)}, p90 ${ms(fit.connectionSetup.p90)}), `
    + `goodput ${kbs(fit.goodput.median)} (p10 ${kbs(fit.goodput.p10)}, p90 ${kbs(fit.goodput.p90)}) → ${profile}\n`);
}
if (!flag('skip-emulate') || !existsSync(join(emulateDir, 'trial.jsonl'))) {
  gossip('run the emulated trial', ['emulate', TRIAL, '--out', emulateDir]);
}
gossip(`simulate the same schedule over seeds ${seeds}`, ['sweep', SCENARIO, '--seeds', seeds, '--set', `radio.profile=${profile}`, '--out', sweepDir]);
gossip('compare', ['compare', sweepDir, emulateDir, '--out', compareDir, '--check']);

const wall = (performance.now() - tStart) / 1000;
const c = JSON.parse(readFileSync(join(compareDir, 'comparison.json'), 'utf8')) as Comparison;
const s = (x: number | null) => (x === null ? 'never' : `${x.toFixed(2)} s`);
const pct = (x: number | null) => (x === null ? '–' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`);
const lines = [
  '',
  '== validation loop',
  `trial ${trial.name}: ${trial.nodes.length} nodes, ${trial.adapters.length} adapters, ${trial.contacts?.length ?? 0} contacts; `
    + `${c.simulated.runs} simulated seeds; profile ${profile}`,
  'adapter      figure  measured   sim median  sim 95 % interval        rel. error  inside  within 15 %',
];
for (const a of c.adapters) {
  for (const [name, f] of [['t50', a.t50], ['t90', a.t90]] as const) {
    lines.push(`${a.adapter.padEnd(12)} ${name.padEnd(6)}  ${s(f.measured).padStart(8)}   ${s(f.simulated.median).padStart(9)}  `
      + `${`${s(f.simulated.lo)} – ${s(f.simulated.hi)}`.padEnd(22)}  ${pct(f.relativeError).padStart(9)}  ${(f.insideInterval ? 'yes' : 'NO').padEnd(6)}  ${f.withinTolerance ? 'yes' : 'NO'}`);
  }
  lines.push(`${a.adapter.padEnd(12)} KS distance of arrival times ${a.arrivals.distance === null ? '–' : a.arrivals.distance.toFixed(3)}`
    + ` (p ≈ ${a.arrivals.pValue === null ? '–' : a.arrivals.pValue.toFixed(2)}, ${a.arrivals.simulatedSamples} simulated vs ${a.arrivals.measuredSamples} measured arrivals)`);
}
lines.push(...c.warnings.map((w) => `warning: ${w}`));
lines.push('wall time: ' + steps.map((st) => `${st.name} ${st.seconds.toFixed(1)} s`).join(' · ') + ` · total ${wall.toFixed(1)} s`);
lines.push(c.pass
  ? 'PASS: every adapter\'s measured t50 and t90 lie inside the simulated 95 % interval and within 15 % of the simulated median'
  : `FAIL: ${c.adapters.filter((a) => !a.pass).map((a) => a.adapter).join(', ')} outside the simulated interval or tolerance (see ${join(compareDir, 'comparison.html')})`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = c.pass ? 0 : 1;
