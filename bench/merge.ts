/**
 * Merge benchmark: five rank-16 LoRA adapters of the shape-faithful Qwen2.5-0.5B (24 layers ×
 * q, k, v, o, gate, up, down; 8.8 M parameters each), generated in memory from seeds (factors are
 * produced on demand per module, as a file reader would), merged in weight-delta space and
 * re-factored to rank 16 by randomized SVD. Prints wall time, peak RSS and the kept energy per
 * method. Targets (issue 7): TIES < 60 s and < 2 GB peak. Prints numbers only; never asserts.
 * Run: node bin/run-ts.mjs bench/merge.ts [method ...] [--js]   (default: ties peft-ties linear;
 * --js forces the JavaScript kernels instead of WebAssembly SIMD)
 */
import { mergeAdapters, methodLabel, MERGE_METHODS, type MergeInput, type MergeMethod, type ModuleInfo } from '../src/merge/index.ts';
import { seededStream } from '../src/merge/index.ts';

let generationMs = 0;
const LAYERS = 24;
const E = 896;
const G = 128; // head_dim 64 × 2 kv heads
const F = 4864;
const RANK = 16;
const ALPHA = 32;
const TARGETS: readonly [string, number, number][] = [
  ['attn_q', E, E], ['attn_k', E, G], ['attn_v', E, G], ['attn_output', E, E], ['ffn_gate', E, F], ['ffn_up', E, F], ['ffn_down', F, E],
];

/** Uniform values with standard deviation `sigma` (cheap, like a file read; not the merge's cost). */
function uniform(n: number, seed: string, sigma: number): Float32Array {
  const s = seededStream(seed, 'bench');
  const width = sigma * Math.sqrt(12);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (s.nextU32() / 4294967296 - 0.5) * width;
  return out;
}

function syntheticAdapter(k: number): MergeInput {
  const modules: ModuleInfo[] = [];
  for (let l = 0; l < LAYERS; l++) for (const [t, inDim, outDim] of TARGETS) modules.push({ name: `blk.${l}.${t}.weight`, rank: RANK, inDim, outDim });
  const info = new Map(modules.map((m) => [m.name, m]));
  return {
    label: `synthetic adapter ${k + 1}`,
    modules,
    load(name) {
      const m = info.get(name) as ModuleInfo;
      // A with std 1/√in as after training from a Kaiming start; B with std 0.01 (trained B is small)
      const t0 = performance.now();
      const f = {
        a: uniform(RANK * m.inDim, `${k}/${name}/a`, 1 / Math.sqrt(m.inDim)),
        b: uniform(m.outDim * RANK, `${k}/${name}/b`, 0.01),
        rank: RANK, inDim: m.inDim, outDim: m.outDim, scale: ALPHA / RANK,
      };
      generationMs += performance.now() - t0;
      return f;
    },
  };
}

const backend = process.argv.includes('--js') ? 'js' : 'auto';
const requested = process.argv.slice(2).filter((a) => a !== '--js');
for (const r of requested) if (!(MERGE_METHODS as readonly string[]).includes(r)) throw new Error(`unknown method ${r}; use ${MERGE_METHODS.join(', ')}`);
const methods = (requested.length ? requested : ['ties', 'peft-ties', 'linear']) as MergeMethod[];
const inputs = [0, 1, 2, 3, 4].map(syntheticAdapter);
const params = inputs[0]!.modules.reduce((s, m) => s + m.rank * (m.inDim + m.outDim), 0);
console.log(`merge bench: 5 adapters × ${inputs[0]!.modules.length} modules (Qwen2.5-0.5B shapes, rank ${RANK}, ${(params / 1e6).toFixed(2)} M params each)`);

for (const method of methods) {
  const rssBefore = process.memoryUsage().rss;
  generationMs = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let lastPrint = t0;
  const merged = mergeAdapters(inputs, { method, density: 0.5, rank: RANK, seed: '1', backend }, (done, total) => {
    const now = performance.now();
    if (now - lastPrint > 10_000) {
      console.log(`  … ${done}/${total} modules after ${((now - t0) / 1000).toFixed(1)} s`);
      lastPrint = now;
    }
  });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peak = process.resourceUsage().maxRSS * 1024;
  const r = merged.report;
  const kept = Number.isNaN(r.keptFraction) ? 'n/a (factor-wise)' : `${(100 * r.keptFraction).toFixed(1)} % (worst module ${r.worstModule?.name} ${(100 * (r.worstModule?.keptFraction ?? 0)).toFixed(1)} %)`;
  console.log(
    `${methodLabel(method, 0.5).padEnd(16)} wall ${wall.toFixed(1)} s (of which ${(generationMs / 1000).toFixed(1)} s making the synthetic factors) · CPU ${cpuSeconds.toFixed(1)} s · ${r.backend} · peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (process so far; ${(rssBefore / 2 ** 20).toFixed(0)} MiB before) · rank ${merged.rank} · kept energy ${kept}`,
  );
}
