/**
 * Golden outputs of small seeded scenarios (results/golden/<name>/): the deterministic files of a
 * run, pinned so that any change to the engine's behaviour shows up as a reviewed diff.
 * Regenerate after an intended change with `npm run golden` and review `git diff results/golden`.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveScenario } from '../../src/sim/scenario/index.ts';
import { Simulation, writeSimRun } from '../../src/sim/engine/index.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const GOLDEN = [
  { name: 'tiny-village', scenario: 'test/fixtures/scenarios/tiny-village.yaml' },
  { name: 'two-encounters', scenario: 'test/fixtures/scenarios/two-encounters.yaml' },
] as const;
export const GOLDEN_FILES = ['summary.json', 'spread.csv', 'quality.csv', 'traffic.csv', 'transfers.csv'] as const;

/** Runs a golden scenario and returns its deterministic files (wall-clock fields zeroed). */
export async function goldenFiles(scenario: string): Promise<Map<string, string>> {
  const { scenario: s, resolvedYaml } = resolveScenario(join(ROOT, scenario));
  const out = mkdtempSync(join(tmpdir(), 'golden-'));
  await writeSimRun(out, new Simulation(s).result(), resolvedYaml, 0, false);
  return new Map(GOLDEN_FILES.map((f) => [f, readFileSync(join(out, f), 'utf8')]));
}
