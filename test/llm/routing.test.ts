/**
 * Routing through the real model: a library folder holds three signed adapter packets for the
 * tiny model; an expert session routes village questions, exports the routed adapter from the
 * library, swaps it in and answers, and the answer's logits are those of that adapter's file.
 *
 * Embedding routing with random weights: the tiny model's embeddings carry no meaning (texts of
 * different domains have cosine ≈ 0.96–0.98 with each other), so centroids built from reference
 * texts cannot separate held-out questions (village-bank questions route near chance, about
 * 11 of 40). What random weights CAN show, and what is asserted here: (1) centroids computed with
 * the real model from the very texts being routed send each text to its own adapter (the whole
 * path — manifest centroid, base-model embedding with no adapter, cosine router — is wired
 * correctly); (2) held-out variants of those texts (a greeting put in front, never embedded
 * before) still reach their adapter, because the embedding is a deterministic function of the
 * text. Semantic routing of unseen questions needs trained weights (a real Qwen2.5 GGUF).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { buildPacket, signingKeyFromSeed } from '../../src/core/packet/index.ts';
import { chunkCount } from '../../src/core/types.ts';
import { baseModelId, readGguf } from '../../src/hw/gguf/index.ts';
import { openExpertSession, openLlamaRuntime, openLocalModel, referenceCentroid, type ExpertSession, type LlamaRuntime } from '../../src/hw/llm/index.ts';
import { openFsStore } from '../../src/hw/store/index.ts';
import { DOMAINS, tinyFixture, type TestDomain, type TinyFixture } from './fixture.ts';

const referenceTexts = (parse(readFileSync(new URL('../../scenarios/questions/reference-texts.yaml', import.meta.url), 'utf8')) as { domains: Record<string, string[]> }).domains;
/** The one reference text each adapter ships (its centroid is computed from it). */
const own = (d: TestDomain) => referenceTexts[d]![0]!;

let fx: TinyFixture;
let runtime: LlamaRuntime;
const ids = {} as Record<TestDomain, string>;

beforeAll(async () => {
  fx = tinyFixture('llm-routing');
  runtime = await openLlamaRuntime({ threads: 1 });
  const key = signingKeyFromSeed(new Uint8Array(32).fill(7));
  const baseModel = baseModelId(readGguf(fx.base));
  const store = openFsStore(fx.path('library'), { durable: false });
  for (const d of DOMAINS) {
    const payload = new Uint8Array(readFileSync(fx.adapters[d]));
    const centroid = await referenceCentroid(fx.base, [own(d)], 1, runtime); // as `gossip adapter pack --base --reference` does
    const p = buildPacket(payload, { name: `${d}-expert`, version: 1, baseModel, domain: d, keywords: [], referenceTexts: [own(d)], centroid, chunkSize: 16 * 1024 }, key);
    store.putManifest(p.id, p.manifest);
    for (let i = 0; i < chunkCount(p.manifest); i++) store.putChunk(p.id, i, p.chunk(i) as { body: Uint8Array; proof: Uint8Array });
    ids[d] = p.id;
  }
});
afterAll(async () => {
  await runtime?.dispose();
  fx?.cleanup();
});

async function session(router: 'keyword' | 'embedding', margin?: number): Promise<ExpertSession> {
  return openExpertSession({ modelPath: fx.base, libraryDir: fx.path('library'), router, runtime, cacheDir: fx.path('cache'), margin });
}

describe('keyword routing through the real model', () => {
  const cases: [string, TestDomain | null][] = [
    ['Small black insects got into the maize I stored after harvest and the grain is full of holes.', 'agronomy'],
    ['My cassava leaves are curling and turning yellow in patches. Should I pull out those plants?', 'agronomy'],
    ['Several of my goats are coughing. Is there a vaccine I can get for them?', 'veterinary'],
    ['After grazing near the river my cattle are covered in ticks. How can I get rid of them?', 'veterinary'],
    ['Early in the morning my tilapia come up to the top of the pond gasping. What is wrong with them?', 'aquaculture'],
    ['What can I feed my catfish that is cheaper than the pellets they sell in town?', 'aquaculture'],
    ['How many drip lines can one small solar pump run for a quarter acre of onions?', null],
    ['What time is the football match on Saturday?', null],
  ];

  it('answers each question with the intended adapter, exported from the library and active in llama.cpp', async () => {
    const s = await session('keyword');
    const direct = await openLocalModel({ modelPath: fx.base, runtime });
    try {
      expect(s.adapters.map((a) => a.id).sort()).toEqual(Object.values(ids).sort());
      for (const [question, domain] of cases) {
        const answer = await s.answer(question, { maxTokens: 4 });
        const routed = answer.routed.adapter;
        expect(routed?.manifest.domain ?? null, question).toBe(domain);
        expect(answer.completion.generatedTokens).toBeGreaterThan(0);
        // the active adapter is the library's copy of that domain's adapter: same logits as its source file
        const probe = 'The answer is';
        await direct.swapAdapter(domain === null ? null : fx.adapters[domain]);
        expect(Array.from(await s.model.nextTokenLogits(probe))).toEqual(Array.from(await direct.nextTokenLogits(probe)));
      }
    } finally {
      await direct.dispose();
      await s.dispose();
    }
  });

  it('reports an irrigation question as demand for a domain the library lacks', async () => {
    const s = await session('keyword');
    try {
      const r = await s.route('The small holes in my drip pipes keep getting blocked. How do I clean the emitters?');
      expect(r.decision).toMatchObject({ kind: 'base', reason: 'no-match', demandDomain: 'irrigation' });
    } finally {
      await s.dispose();
    }
  });
});

describe('embedding routing through the real model (random weights: see the file comment)', () => {
  it('routes each shipped reference text to its own adapter', async () => {
    const s = await session('embedding', 0.002);
    try {
      for (const d of DOMAINS) {
        const r = await s.route(own(d));
        expect(r.decision.kind === 'adapter' && r.decision.adapterId, d).toBe(ids[d]);
        expect(r.decision.confidence).toBeGreaterThan(0);
      }
    } finally {
      await s.dispose();
    }
  });

  it('routes held-out variants (a greeting in front) of those texts to the same adapters', async () => {
    const s = await session('embedding', 0.002);
    try {
      for (const d of DOMAINS) {
        const r = await s.route(`Habari! ${own(d)}`);
        expect(r.decision.kind === 'adapter' && r.decision.adapterId, d).toBe(ids[d]);
      }
    } finally {
      await s.dispose();
    }
  });

  it('embeds with no adapter: routing is the same before and after an adapter is swapped in', async () => {
    const s = await session('embedding', 0.002);
    try {
      const before = await s.route('Habari! ' + own('veterinary'));
      await s.model.swapAdapter(fx.adapters.agronomy);
      const after = await s.route('Habari! ' + own('veterinary'));
      expect(after.decision).toEqual(before.decision);
    } finally {
      await s.dispose();
    }
  });
});
