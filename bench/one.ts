/**
 * ONE-compatible mode speed on the village126 fixture (126 hosts, 61,749 CONN lines, 43,200 s at
 * 0.1 s ticks) against The ONE's 9.2 s wall for the same run. Prints the median in-process time
 * (load, simulation + report rendering) over N runs, then the median wall time of the whole
 * process `node bin/gossip.mjs one run ...` over 5 runs (and, for comparison, the same through a
 * minimal launcher that loads only tsx, yargs and this command), with the ratios to The ONE.
 *
 * Run: npx tsx bench/one.ts [--runs N]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { commands } from '../src/cli/commands/index.ts';
import { oneCommand } from '../src/cli/commands/one.ts';
import { loadOneScenario, runOneScenario } from '../src/sim/one/index.ts';

const THE_ONE_WALL_S = 9.2;
const REPO = resolve(import.meta.dirname, '..');
const SETTINGS = 'test/fixtures/the-one/village126/village126_settings.txt';
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;
const PROCESS_RUNS = 5;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

const loadMs: number[] = [];
const simMs: number[] = [];
let info = '';
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const scn = loadOneScenario([join(REPO, SETTINGS)]);
  const t1 = performance.now();
  const r = runOneScenario(scn);
  const t2 = performance.now();
  loadMs.push(t1 - t0);
  simMs.push(t2 - t1);
  info = `started ${r.stats.started}, aborted ${r.stats.aborted}, relayed ${r.stats.relayed}, delivered ${r.stats.delivered}; ` +
    `${r.hostUpdates} host updates in ${r.rounds} rounds (The ONE: ~${Math.round(126 * (432_001 + 61_789) / 1e6)} M)`;
}
const sim = median(simMs);
const load = median(loadMs);
console.log(`village126: ${info}`);
console.log(`in-process, median of ${RUNS}: simulation ${sim.toFixed(1)} ms (first run ${simMs[0]?.toFixed(1)} ms), loading ${load.toFixed(1)} ms` +
  ` -> ${(THE_ONE_WALL_S * 1000 / sim).toFixed(0)}x faster than The ONE's ${THE_ONE_WALL_S} s wall (simulation only)`);

/** Median wall time of `node <argv>` over PROCESS_RUNS runs (throws if it fails). */
function processWall(argv: readonly string[]): number {
  const wall: number[] = [];
  for (let i = 0; i < PROCESS_RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, argv, { cwd: REPO, encoding: 'utf8' });
    wall.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`node ${argv.join(' ')} failed: ${r.stderr}`);
  }
  return median(wall);
}

const ratio = (ms: number): string => `${(THE_ONE_WALL_S * 1000 / ms).toFixed(1)}x faster than The ONE`;
const out = mkdtempSync(join(tmpdir(), 'one-bench-out-'));
const oneRun = ['one', 'run', SETTINGS, '--out', out];

// 1. The whole process, as a user runs it (if the lead has registered `one`).
if (commands.includes(oneCommand as never)) {
  const w = processWall(['bin/gossip.mjs', ...oneRun]);
  const idle = processWall(['bin/gossip.mjs', '--help']);
  console.log(`whole process \`node bin/gossip.mjs one run ${SETTINGS}\`, median of ${PROCESS_RUNS}: ${w.toFixed(0)} ms -> ${ratio(w)}` +
    ` (target >= 20x = < ${(THE_ONE_WALL_S * 1000 / 20).toFixed(0)} ms)`);
  console.log(`  CLI start-up alone (\`node bin/gossip.mjs --help\`): ${idle.toFixed(0)} ms, so \`one run\` itself adds ${(w - idle).toFixed(0)} ms`);
} else {
  console.log('whole process: `one` is not registered in src/cli/commands/index.ts yet; skipped');
}

// 2. The same with a minimal launcher: tsx + yargs + only oneCommand, i.e. the CLI when every other
//    command loads its implementation lazily (inside its handler) as oneCommand does.
const dir = mkdtempSync(join(tmpdir(), 'one-bench-'));
const launcher = join(dir, 'gossip-one-only.mjs');
const url = (p: string): string => pathToFileURL(join(REPO, p)).href;
writeFileSync(launcher, [
  `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};`,
  'register();',
  `const { default: yargs } = await import(${JSON.stringify(import.meta.resolve('yargs'))});`,
  `const { oneCommand } = await import(${JSON.stringify(url('src/cli/commands/one.ts'))});`,
  'await yargs(process.argv.slice(2)).scriptName("gossip").command(oneCommand).strict().help().parseAsync();',
].join('\n'));
const lean = processWall([launcher, ...oneRun]);
const leanIdle = processWall([launcher, '--help']);
console.log(`whole process with a lazy-loading CLI (tsx + yargs + oneCommand only), median of ${PROCESS_RUNS}: ${lean.toFixed(0)} ms -> ${ratio(lean)}` +
  ` (start-up alone ${leanIdle.toFixed(0)} ms)`);
