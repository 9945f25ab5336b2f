/** Helpers for simulator tests: run a scenario file in-process, or the real CLI in a child process. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolveScenario } from '../../src/sim/scenario/index.ts';
import { Simulation } from '../../src/sim/engine/index.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/scenarios/${name}`, import.meta.url));

export function simulate(file: string, overrides: string[] = [], seed?: number) {
  const { scenario, resolvedYaml } = resolveScenario(file, overrides, seed);
  return { sim: new Simulation(scenario), resolvedYaml };
}

export function gossip(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [`${ROOT}bin/gossip.mjs`, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
