import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate.ts';
import { parseConfigs } from './configs.ts';
import { buildEvalReport, type EvalMeta } from './eval-report.ts';
import { runEvaluation, type EvalInputs } from './runner.ts';
import { BANK, fakeMerge, keywordEmbedder, scriptedGenerator, SPECIALISTS } from './test-kit.ts';

const configs = parseConfigs(['base', 'specialists', 'ties:0.5', 'keyword', 'embedding', 'oracle'], ['agronomy', 'veterinary']);

function inputs(over: Partial<EvalInputs> = {}): EvalInputs {
  return {
    bank: BANK, specialists: SPECIALISTS, configs, generator: scriptedGenerator(), embedder: keywordEmbedder, merge: fakeMerge,
    prompt: (q) => q, runs: 1, seed: '1', maxTokens: 32, ...over,
  };
}

const meta = (runs: number, seed = '1'): EvalMeta => ({
  model: null, bank: { path: 'bank.yaml', questions: BANK.length }, runs, seed, maxTokens: 32, temperature: 0, perDomain: null,
  prompt: 'plain', configs, specialists: SPECIALISTS,
});

describe('runEvaluation with scripted answers', () => {
  it('scores every configuration as computed by hand', async () => {
    const run = await runEvaluation(inputs());
    const results = aggregate(run.records, configs, ['agronomy', 'veterinary']);
    const r = (id: string) => results.find((x) => x.id === id)!;
    expect(r('base').recall.overall.mean).toBe(0);
    expect(r('specialist:agronomy').recall.domains.agronomy!.mean).toBe(1);
    expect(r('specialist:agronomy').recall.domains.veterinary!.mean).toBeCloseTo((1 / 2 + 1 / 4) / 2, 12);
    expect(r('specialist:agronomy').recall.overall.mean).toBeCloseTo((1 + 0.375) / 2, 12);
    expect(r('specialist:veterinary').recall.domains.veterinary!.mean).toBe(1);
    // "ticks" is not the word "tick": the word-boundary variant gives 1/2 on that question
    expect(r('specialist:veterinary').recallWord.domains.veterinary!.mean).toBeCloseTo(0.75, 12);
    expect(r('merge:ties:0.5').recall.domains.agronomy!.mean).toBeCloseTo((1 / 3 + 1 / 2) / 2, 12);
    for (const id of ['route:keyword', 'route:embedding', 'route:oracle']) {
      expect(r(id).recall.overall.mean).toBe(1);
      expect(r(id).routing!.inDomain.mean).toBe(1);
      expect(r(id).routing!.offDomainToBase!.mean).toBe(1);
    }
    expect(r('specialist:agronomy').routing).toBeNull();
  });

  it('records the route of every answer and generates each (adapter, prompt) once', async () => {
    const calls: string[] = [];
    const run = await runEvaluation(inputs({ generator: scriptedGenerator(calls), runs: 2 }));
    expect(run.records).toHaveLength(configs.length * BANK.length * 2);
    expect(run.generated).toBe(4 * BANK.length); // base, 2 specialists, merge; routing and run 2 reuse them
    expect(new Set(calls).size).toBe(calls.length);
    const offDomain = run.records.find((x) => x.config === 'route:keyword' && x.domain === 'none')!;
    expect(offDomain.adapter).toBeNull();
    expect(offDomain.routeCorrect).toBe(true);
    const goat = run.records.find((x) => x.config === 'route:embedding' && x.question === 2)!;
    expect(goat.adapter).toBe('vet-id');
    expect(goat.routedDomain).toBe('veterinary');
    expect(goat.matched).toEqual(['tick', 'acaricide']);
    expect(goat.matchedWord).toEqual(['acaricide']);
  });

  it('is deterministic under a seed; standard deviations over greedy runs are 0', async () => {
    const a = buildEvalReport(await runEvaluation(inputs({ runs: 3 })), meta(3), BANK.map((q) => q.domain));
    const b = buildEvalReport(await runEvaluation(inputs({ runs: 3 })), meta(3), BANK.map((q) => q.domain));
    const strip = (x: object) => JSON.stringify({ ...x, timing: null });
    expect(strip(a)).toBe(strip(b));
    expect(a.results.every((r) => r.recall.overall.sd === 0 && r.recall.overall.runs === 3)).toBe(true);
    expect(a.answers).toEqual({ total: configs.length * BANK.length * 3, generated: 20, reused: configs.length * BANK.length * 3 - 20 });
  });

  it('samples questions per domain with the seed, and runs then differ', async () => {
    const run = await runEvaluation(inputs({ runs: 4, perDomain: 1, configs: parseConfigs(['specialist:agronomy'], ['agronomy']) }));
    const perRun = [0, 1, 2, 3].map((r) => run.records.filter((x) => x.run === r).map((x) => x.question).sort().join(','));
    expect(run.records.filter((x) => x.run === 0)).toHaveLength(3); // one per domain, 'none' included
    expect(new Set(perRun).size).toBeGreaterThan(1);
    const results = aggregate(run.records, parseConfigs(['specialist:agronomy'], ['agronomy']), ['agronomy', 'veterinary']);
    expect(results[0]!.recall.domains.veterinary!.sd).toBeGreaterThan(0); // 1/2 or 1/4 depending on the draw
  });

  it('explains what is missing', async () => {
    await expect(runEvaluation(inputs({ embedder: undefined }))).rejects.toThrow(/embedding routing needs an embedder/);
    await expect(runEvaluation(inputs({ specialists: [SPECIALISTS[0]!, { ...SPECIALISTS[1]!, centroid: undefined }] }))).rejects.toThrow(/missing for vet/);
    await expect(runEvaluation(inputs({ specialists: [SPECIALISTS[0]!], configs: parseConfigs(['ties:0.5'], ['agronomy']) }))).rejects.toThrow(/at least 2 specialists/);
  });
});

describe('parseConfigs', () => {
  it('expands groups, keeps order, drops duplicates and rejects typos', () => {
    expect(parseConfigs(['routing,base', 'keyword', 'peft-ties:0.3@k2 linear'], ['agronomy']).map((c) => c.id))
      .toEqual(['route:keyword', 'route:embedding', 'route:oracle', 'base', 'merge:peft-ties:0.3@k2', 'merge:linear']);
    expect(() => parseConfigs(['tie:0.5'], [])).toThrow(/"tie:0.5" is not a configuration/);
    expect(() => parseConfigs(['ties'], [])).toThrow(/needs a density/);
    expect(() => parseConfigs(['linear:0.5'], [])).toThrow(/takes no density/);
    expect(() => parseConfigs(['specialist:soil'], ['agronomy'])).toThrow(/no specialist for "soil"/);
  });
});
