/**
 * `gossip eval` end to end through the command line on the tiny random-weight model: five
 * synthetic specialists packed (with reference-text centroids) into a library, then base,
 * specialists, a TIES merge of all five, the published factor-wise merge of two, and keyword,
 * embedding and oracle routing over the shipped eval bank. The numbers mean nothing on random
 * weights; this checks the structure of every output, the quality table, and determinism.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DEFAULT_DOMAINS } from '../../src/core/routing/index.ts';
import { parseCsv } from '../../src/report/index.ts';
import { qualitySchema } from '../../src/sim/scenario/workload-schema.ts';
import { gossip, tinySetup, type TinySetup } from '../merge/helpers.ts';

const BANK = new URL('../../scenarios/questions/eval-bank.yaml', import.meta.url).pathname;
const REFS = parse(readFileSync(new URL('../../scenarios/questions/reference-texts.yaml', import.meta.url), 'utf8')) as { domains: Record<string, string[]> };
const CONFIGS = 'base,specialists,ties:0.5,peft-ties:0.5@k2,keyword,embedding,oracle';

let fx: TinySetup;
beforeAll(async () => {
  fx = tinySetup('eval-e2e', []);
  expect((await gossip('keys', 'new', '--out', fx.path('pub.key'))).error).toBeUndefined();
  for (const d of DEFAULT_DOMAINS.map((x) => x.id)) {
    expect((await gossip('adapter', 'synth', '--base', fx.base, '--rank', '4', '--seed', d, '--out', fx.path(`${d}.gguf`))).error).toBeUndefined();
    writeFileSync(fx.path(`${d}.txt`), `${REFS.domains[d]!.join('\n')}\n`);
    const pack = await gossip('adapter', 'pack', fx.path(`${d}.gguf`), '--base', fx.base, '--domain', d, '--reference', fx.path(`${d}.txt`), '--key', fx.path('pub.key'), '--name', `${d}-expert`, '--out', fx.path(`${d}.pkt`));
    expect(pack.error).toBeUndefined();
    expect((await gossip('library', 'add', fx.path('lib'), fx.path(`${d}.pkt`))).error).toBeUndefined();
  }
});
afterAll(() => fx?.cleanup());

const evalArgs = (out: string) => [
  'eval', '--model', fx.base, '--library', fx.path('lib'), '--bank', BANK, '--configs', CONFIGS, '--runs', '2', '--per-domain', '2',
  '--max-tokens', '4', '--seed', '5', '--cache', fx.path('cache'), '--out', out,
];

describe('gossip eval on the tiny model', () => {
  it('writes every output with the expected structure, deterministically', async () => {
    const r = await gossip(...evalArgs(fx.path('out')));
    expect(r.error).toBeUndefined();
    expect(r.out).toMatch(/specialists: agronomy-expert \(agronomy\), veterinary-expert \(veterinary\), irrigation-expert \(irrigation\), soil-expert \(soil\), aquaculture-expert \(aquaculture\)/);
    expect(r.out).toMatch(/TIES d=0\.5 merge of all +\d+\.\d %/);
    expect(r.out).toMatch(/keyword routing +\d+\.\d % ± \d+\.\d · routing accuracy \d+\.\d %/);
    expect(r.out).toMatch(/questions\/minute generating/);
    for (const f of ['eval.json', 'eval.csv', 'eval.md', 'quality.yaml', 'charts/overall-recall.svg', 'charts/recall-by-domain.png', 'merged/ties-0.5.gguf', 'merged/peft-ties-0.5@k2.gguf']) {
      expect(existsSync(fx.path(`out/${f}`)), f).toBe(true);
    }
    const report = JSON.parse(readFileSync(fx.path('out/eval.json'), 'utf8')) as {
      results: { id: string; recall: { domains: Record<string, { runs: number }> }; routing: unknown }[];
      merges: { config: string; domains: string[]; keptEnergy: number | null }[];
      specialists: { centroid: string }[];
      answers: { total: number; generated: number };
    };
    expect(report.results.map((x) => x.id)).toEqual([
      'base', ...DEFAULT_DOMAINS.map((d) => `specialist:${d.id}`), 'merge:ties:0.5', 'merge:peft-ties:0.5@k2', 'route:keyword', 'route:embedding', 'route:oracle',
    ]);
    expect(Object.keys(report.results[0]!.recall.domains)).toEqual(DEFAULT_DOMAINS.map((d) => d.id));
    expect(report.results[0]!.recall.domains.agronomy!.runs).toBe(2);
    expect(report.merges).toEqual([
      { config: 'merge:ties:0.5', domains: DEFAULT_DOMAINS.map((d) => d.id), rank: 4, keptEnergy: expect.any(Number) },
      { config: 'merge:peft-ties:0.5@k2', domains: ['agronomy', 'veterinary'], rank: 4, keptEnergy: null },
    ]);
    expect(report.specialists.every((s) => s.centroid === 'manifest')).toBe(true);
    expect(report.answers.total).toBe(11 * 12 * 2); // 11 configurations × (2 of each of 5 domains + 2 off-domain) × 2 runs
    const csv = parseCsv(readFileSync(fx.path('out/eval.csv'), 'utf8'));
    expect(csv.records).toHaveLength(report.answers.total);
    const quality = parse(readFileSync(fx.path('out/quality.yaml'), 'utf8')) as { quality: { merged: Record<string, number> } };
    const q = qualitySchema.parse(quality.quality);
    expect(Object.keys(quality.quality.merged)).toEqual(['k5']);
    expect(q.merged.k5).toBeGreaterThanOrEqual(0);
    expect(readFileSync(fx.path('out/eval.md'), 'utf8')).toMatch(/\| each specialist on its own domain \|/);

    const again = await gossip(...evalArgs(fx.path('out2')));
    expect(again.error).toBeUndefined();
    const strip = (p: string) => {
      const j = JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
      return JSON.stringify({ ...j, timing: null });
    };
    expect(strip(fx.path('out2/eval.json'))).toBe(strip(fx.path('out/eval.json')));
    expect(readFileSync(fx.path('out2/eval.csv'), 'utf8').replace(/,\d+,("[^"]*"|[^,\n]*)$/gm, '')).toBe(readFileSync(fx.path('out/eval.csv'), 'utf8').replace(/,\d+,("[^"]*"|[^,\n]*)$/gm, ''));
  });

  it('names the problem when the inputs are wrong', async () => {
    const base = ['eval', '--model', fx.base, '--library', fx.path('lib'), '--max-tokens', '2', '--runs', '1', '--out', fx.path('bad'), '--cache', fx.path('cache')];
    expect((await gossip(...base, '--configs', 'tie:0.5')).error).toMatch(/--configs: "tie:0\.5" is not a configuration/);
    expect((await gossip(...base, '--bank', fx.path('nope.yaml'))).error).toMatch(/nope\.yaml: cannot read the question bank \(no such file\)/);
    writeFileSync(fx.path('bad-bank.yaml'), 'questions:\n  - domain: agronomy\n    question: What?\n');
    expect((await gossip(...base, '--bank', fx.path('bad-bank.yaml'))).error).toMatch(/bad-bank\.yaml: questions\[0\]\.expectedKeywords/);
    expect((await gossip(...base, '--library', fx.path('no-lib'))).error).toMatch(/no-lib: no such library folder/);
    expect((await gossip(...base, '--temperature', '0.7')).error).toMatch(/decodes greedily/);
  });
});
