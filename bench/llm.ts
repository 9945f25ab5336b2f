/**
 * Local inference benchmark (medians, 1 thread by default) on the shape-faithful Qwen2.5-0.5B
 * Q8_0 model with random weights (written once to /tmp, 528 MB, never committed) and two rank-16
 * adapters on all seven targets:
 * - adapter swap on the live context (internal `_setLoras`) vs a new context per query (public
 *   API), against the published ~5 ms in-memory switch;
 * - prompt tokens/s (16, 64, 256-token prompts) and generation ms/token, base vs adapter active,
 *   against the figures in shared/design/llm.md (141 tok/s, 30.6 ms; with adapter 122 / 34.8);
 * - model load, first adapter load;
 * - keyword routing per question, and embedding routing (one embedding pass + cosine) against
 *   the embedding pass alone and the published ~117 ms.
 * Prints numbers only. Run: node bin/run-ts.mjs bench/llm.ts [--threads N] [--repeats N] [--shape qwen2.5-1.5b] [--quant q4_0]
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createEmbeddingRouter, createKeywordRouter, DEFAULT_DOMAINS, validateQuestionBank } from '../src/core/routing/index.ts';
import { ALL_LORA_TARGETS, readGguf, synthAdapter, synthModel, type QuantName, type ShapeName } from '../src/hw/gguf/index.ts';
import { centroidWith, chatMl, DEFAULT_SYSTEM, openLlamaRuntime, openLocalModel } from '../src/hw/llm/index.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? String(process.argv[i + 1]) : fallback;
};
const THREADS = Number(arg('threads', '1'));
const REPEATS = Number(arg('repeats', '7'));
const SHAPE = arg('shape', 'qwen2.5-0.5b') as ShapeName;
const QUANT = arg('quant', 'q8_0') as QuantName;
const DIR = '/tmp/gossip-llm-bench';
const LLM_MD = { promptTps: 141, genMs: 30.6, adapterPromptTps: 122, adapterGenMs: 34.8 }; // 0.5B Q8_0, 1 thread

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const f = (x: number, d = 2) => x.toFixed(d);
const vs = (x: number, ref: number) => `${x >= ref ? '+' : ''}${f((100 * (x - ref)) / ref, 0)} % vs llm.md ${ref}`;

mkdirSync(DIR, { recursive: true });
const modelPath = join(DIR, `${SHAPE}-${QUANT}.gguf`);
if (!existsSync(modelPath)) {
  const t0 = performance.now();
  const r = synthModel({ shape: SHAPE, quant: QUANT, seed: 'bench', out: modelPath });
  console.log(`wrote ${modelPath}: ${(r.bytes / 1e6).toFixed(1)} MB in ${f((performance.now() - t0) / 1000, 1)} s`);
}
const base = readGguf(modelPath);
const adapters = ['a', 'b'].map((seed) => {
  const out = join(DIR, `${SHAPE}-${QUANT}-lora16-${seed}.gguf`);
  if (!existsSync(out)) synthAdapter({ base, rank: 16, alpha: 32, targets: ALL_LORA_TARGETS, seed, out, type: 'f16' });
  return out;
});
console.log(`model ${modelPath} (${(base.fileSize / 1e6).toFixed(1)} MB), ${THREADS} thread(s), ${REPEATS} repeats; adapters rank 16 on q,k,v,o,gate,up,down (F16)`);
console.log(`machine load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} cores (other work on the machine slows wall times; CPU-time figures are printed too)`);

const runtime = await openLlamaRuntime({ threads: THREADS });
let t = performance.now();
const live = await openLocalModel({ modelPath, runtime, threads: THREADS });
console.log(`model load (GGUF index + llama.cpp + 2048-token context): ${f(performance.now() - t, 0)} ms`);

// --- adapter load and swap ---------------------------------------------------------------------
const firstLoads: number[] = [];
for (const a of adapters) firstLoads.push((await live.swapAdapter(a)).ms);
const liveSwaps: number[] = [];
for (let i = 0; i < 50; i++) liveSwaps.push((await live.swapAdapter(adapters[i % 2] as string)).ms);
const noneSwaps: number[] = [];
for (let i = 0; i < 20; i++) noneSwaps.push((await live.swapAdapter(i % 2 ? null : (adapters[0] as string))).ms);
const fresh = await openLocalModel({ modelPath, runtime, threads: THREADS, swap: 'new-context' });
for (const a of adapters) await fresh.swapAdapter(a); // adapters cached in the model, as in the live case
const contextSwaps: number[] = [];
for (let i = 0; i < 15; i++) contextSwaps.push((await fresh.swapAdapter(adapters[i % 2] as string)).ms);
await fresh.dispose();
console.log(`first adapter load: ${firstLoads.map((x) => f(x, 1)).join(', ')} ms`);
console.log(`swap, live context (_setLoras + KV clear): median ${f(median(liveSwaps), 3)} ms (adapter↔adapter), ${f(median(noneSwaps), 3)} ms (adapter↔none)`);
console.log(`swap, new context per query (public lora option): median ${f(median(contextSwaps), 1)} ms  → live is ${f(median(contextSwaps) / median(liveSwaps), 0)}× faster; published in-memory switch ~5 ms`);

// --- prompt and generation speed -----------------------------------------------------------------
const question = 'My cow has a hot, swollen udder and there are clots in the milk. What should I do, and can the calf still drink it?';
const real = live.tokenize(chatMl(question, DEFAULT_SYSTEM));
async function speed(adapter: string | null) {
  await live.swapAdapter(adapter);
  const prompt: Record<number, number> = {};
  const promptCpu: Record<number, number> = {};
  for (const n of [16, 64, 256]) {
    const tokens = Array.from({ length: n }, (_, i) => real[i % real.length] as number);
    await live.evaluateOnly(tokens);
    const tps: number[] = [];
    const cpuTps: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      const cpu0 = process.cpuUsage();
      tps.push((n * 1000) / (await live.evaluateOnly(tokens)));
      const cpu = process.cpuUsage(cpu0);
      cpuTps.push((n * 1e6) / (cpu.user + cpu.system));
    }
    prompt[n] = median(tps);
    promptCpu[n] = median(cpuTps);
  }
  const gen: number[] = [];
  const genCpu: number[] = [];
  const ttft: number[] = [];
  for (let r = 0; r < Math.max(3, Math.ceil(REPEATS / 2)); r++) {
    const c = await live.complete(chatMl(question, DEFAULT_SYSTEM), { maxTokens: 32, stopAtEndOfGeneration: false });
    gen.push(c.generationMsPerToken);
    ttft.push(c.timeToFirstTokenMs);
    // CPU time per token of a 1-token prompt + 32 generated tokens: less sensitive to other load on
    // the machine than wall time (with 1 thread, CPU ≈ wall on an idle machine)
    const cpu0 = process.cpuUsage();
    const one = await live.complete('a', { maxTokens: 32, stopAtEndOfGeneration: false, specialTokens: false });
    const cpu = process.cpuUsage(cpu0);
    genCpu.push((cpu.user + cpu.system) / 1000 / (one.generatedTokens + 1));
  }
  return { prompt, promptCpu, gen: median(gen), genCpu: median(genCpu), ttft: median(ttft), promptTokens: live.tokenize(chatMl(question, DEFAULT_SYSTEM)).length };
}
const b = await speed(null);
const a = await speed(adapters[0] as string);
console.log(`prompt tok/s, base:         16 tok ${f(b.prompt[16]!, 0)} · 64 tok ${f(b.prompt[64]!, 0)} · 256 tok ${f(b.prompt[256]!, 0)}   (64 tok: ${vs(b.prompt[64]!, LLM_MD.promptTps)})`);
console.log(`prompt tok/s, rank-16 LoRA: 16 tok ${f(a.prompt[16]!, 0)} · 64 tok ${f(a.prompt[64]!, 0)} · 256 tok ${f(a.prompt[256]!, 0)}   (64 tok: ${vs(a.prompt[64]!, LLM_MD.adapterPromptTps)})`);
console.log(`prompt tok/s per CPU second (64 tok): base ${f(b.promptCpu[64]!, 0)}, LoRA ${f(a.promptCpu[64]!, 0)} (256 tok: ${f(b.promptCpu[256]!, 0)}, ${f(a.promptCpu[256]!, 0)})`);
console.log(`generation ms/token (wall), base ${f(b.gen, 1)} (${vs(b.gen, LLM_MD.genMs)}); rank-16 LoRA ${f(a.gen, 1)} (${vs(a.gen, LLM_MD.adapterGenMs)}); adapter's extra cost ${f(a.gen - b.gen, 1)} ms/token (${f((100 * (a.gen - b.gen)) / b.gen, 0)} %)`);
console.log(`generation CPU ms/token, base ${f(b.genCpu, 1)}; rank-16 LoRA ${f(a.genCpu, 1)}; extra ${f(a.genCpu - b.genCpu, 1)} ms/token (${f((100 * (a.genCpu - b.genCpu)) / b.genCpu, 0)} %)`);
console.log(`time to first token (${b.promptTokens}-token byte-level ChatML prompt): base ${f(b.ttft, 0)} ms, LoRA ${f(a.ttft, 0)} ms`);

// --- routing -----------------------------------------------------------------------------------
const bank = validateQuestionBank(parse(readFileSync(new URL('../scenarios/questions/village-bank.yaml', import.meta.url), 'utf8')));
if (!bank.ok) throw new Error(bank.error.message);
const questions = bank.value.map((q) => q.question);
const keyword = createKeywordRouter({ adapters: DEFAULT_DOMAINS.map((d) => ({ id: d.id, domain: d.id, keywords: d.keywords })) });
for (const q of questions) keyword.route(q);
const kw: number[] = [];
for (const q of questions) {
  const t0 = performance.now();
  for (let i = 0; i < 100; i++) keyword.route(q);
  kw.push((performance.now() - t0) / 100);
}
console.log(`keyword routing: median ${f(median(kw), 4)} ms per question (${questions.length} village questions)`);

await live.swapAdapter(adapters[1] as string); // an adapter active on the generation context: embeddings must not see it
const embedder = await live.embedder();
const refs = (parse(readFileSync(new URL('../scenarios/questions/reference-texts.yaml', import.meta.url), 'utf8')) as { domains: Record<string, string[]> }).domains;
const routerAdapters = [];
for (const [d, texts] of Object.entries(refs)) routerAdapters.push({ id: d, domain: d, centroid: await centroidWith(embedder, texts, d) });
const router = createEmbeddingRouter({ adapters: routerAdapters });
// The synthetic vocabulary is byte-level (1 token per byte); Qwen's BPE needs ~1 token per 4
// characters of English, so each question is also cut to that many bytes to time a pass over
// as many tokens as the real tokenizer would produce.
async function routing(texts: readonly string[]) {
  const pass: number[] = [];
  const passCpu: number[] = [];
  const routed: number[] = [];
  for (const q of texts) {
    t = performance.now();
    const cpu0 = process.cpuUsage();
    await embedder.embed(q);
    const cpu = process.cpuUsage(cpu0);
    pass.push(performance.now() - t);
    passCpu.push((cpu.user + cpu.system) / 1000);
    t = performance.now();
    await router.route(q, embedder);
    routed.push(performance.now() - t);
  }
  return { pass: median(pass), passCpu: median(passCpu), routed: median(routed), tokens: median(texts.map((q) => live.tokenize(q, false).length)) };
}
const sample = questions.slice(0, 16);
const qwenLength = await routing(sample.map((q) => q.slice(0, Math.ceil(q.length / 4))));
const byteLength = await routing(sample);
console.log(`embedding routing, Qwen-length questions (median ${qwenLength.tokens} tokens): ${f(qwenLength.routed, 1)} ms = one embedding pass (${f(qwenLength.pass, 1)} ms) + cosine over ${routerAdapters.length} centroids (pass CPU ${f(qwenLength.passCpu, 1)} ms); published pass ~117 ms`);
console.log(`embedding routing, byte-level questions (median ${byteLength.tokens} tokens): ${f(byteLength.routed, 1)} ms (pass ${f(byteLength.pass, 1)} ms)`);
console.log(`machine load average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
await live.dispose();
await runtime.dispose();
