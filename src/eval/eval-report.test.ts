import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { resolveScenarioText } from '../sim/scenario/index.ts';
import { qualitySchema } from '../sim/scenario/workload-schema.ts';
import { parseCsv } from '../report/index.ts';
import { parseConfigs } from './configs.ts';
import { buildEvalReport, writeEvalOutputs, type EvalMeta } from './eval-report.ts';
import { runEvaluation } from './runner.ts';
import { BANK, fakeMerge, keywordEmbedder, scriptedGenerator, SPECIALISTS } from './test-kit.ts';

const configs = parseConfigs(['base', 'specialists', 'ties:0.5', 'keyword', 'oracle'], ['agronomy', 'veterinary']);
const meta: EvalMeta = {
  model: null, bank: { path: 'bank.yaml', questions: BANK.length }, runs: 2, seed: '7', maxTokens: 32, temperature: 0, perDomain: null,
  prompt: 'plain', configs, specialists: SPECIALISTS,
};

async function evaluate() {
  const run = await runEvaluation({
    bank: BANK, specialists: SPECIALISTS, configs, generator: scriptedGenerator(), embedder: keywordEmbedder, merge: fakeMerge,
    prompt: (q) => q, runs: 2, seed: '7', maxTokens: 32,
  });
  return { run, report: buildEvalReport(run, meta, BANK.map((q) => q.domain)) };
}

describe('evaluation outputs', () => {
  it('the quality table holds the measured numbers and loads as a scenario `quality:` section', async () => {
    const { report } = await evaluate();
    const q = report.quality.quality;
    expect(q.domains.agronomy).toEqual({ specialist: 1, otherSpecialist: 0, base: 0 });
    expect(q.domains.veterinary).toEqual({ specialist: 1, otherSpecialist: 0.375, base: 0 });
    expect(q.merged).toEqual({ k2: Math.round(10000 * ((1 / 3 + 1 / 2) / 2 + (1 / 2 + 1 / 4) / 2) / 2) / 10000 });
    const parsed = qualitySchema.parse(q);
    expect(parsed.domains.agronomy.specialist).toBe(1);
    expect(parsed.domains.soil.specialist).toBe(0.84); // not measured: the scenario default stays
    expect(report.quality.notes.join('\n')).toMatch(/irrigation: specialist, otherSpecialist, base not measured/);
  });

  it('writes eval.json, eval.csv, eval.md, quality.yaml and charts', async () => {
    const { run, report } = await evaluate();
    const dir = mkdtempSync(join(tmpdir(), 'eval-out-'));
    try {
      const w = await writeEvalOutputs(dir, report, run);
      for (const f of w.files) expect(existsSync(join(dir, f))).toBe(true);
      const json = JSON.parse(readFileSync(join(dir, 'eval.json'), 'utf8')) as { schema: string; results: { id: string }[] };
      expect(json.schema).toBe('gossip-eval/1');
      expect(json.results.map((r) => r.id)).toEqual(configs.map((c) => c.id));
      const csv = parseCsv(readFileSync(join(dir, 'eval.csv'), 'utf8'));
      expect(csv.records).toHaveLength(configs.length * BANK.length * 2);
      expect(csv.columns).toContain('answer');
      const md = readFileSync(join(dir, 'eval.md'), 'utf8');
      expect(md).toMatch(/\| configuration \| agronomy \| veterinary \| overall \|/);
      expect(md).toMatch(/\| each specialist on its own domain \| 100\.0 \| 100\.0 \| — \|/);
      expect(md).toMatch(/\| a specialist on another domain \(range\) \| 0\.0–0\.0 \| 37\.5–37\.5 \| 50\.0–68\.8 \|/);
      expect(md).toMatch(/\| keyword routing \| 100\.0 ± 0\.0 \| 100\.0 ± 0\.0 \| 100\.0 ± 0\.0 \| 100\.0 ± 0\.0 \|/);
      const yaml = parse(readFileSync(join(dir, 'quality.yaml'), 'utf8')) as { quality: unknown };
      expect(qualitySchema.parse(yaml.quality).domains.veterinary.otherSpecialist).toBe(0.375);
      expect(readFileSync(join(dir, 'charts', 'overall-recall.svg'), 'utf8')).toMatch(/^<svg/);
      // appended to a scenario without a quality section, the file is that scenario's quality table
      const village = readFileSync(new URL('../../scenarios/village.yaml', import.meta.url), 'utf8');
      const scenarioPath = new URL('../../scenarios/village.yaml', import.meta.url).pathname;
      const { scenario } = resolveScenarioText(`${village}\n${readFileSync(join(dir, 'quality.yaml'), 'utf8')}`, 'village+quality.yaml', [], undefined, scenarioPath);
      expect(scenario.quality.domains.veterinary.otherSpecialist).toBe(0.375);
      expect(scenario.quality.domains.irrigation.specialist).toBe(0.96); // not measured: default
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
