/**
 * Router benchmark: median microseconds per question for the keyword router (target ≤ 20 µs) and
 * per query vector for the embedding router (896 dimensions, the hidden size of Qwen2.5-0.5B).
 * Questions are the shipped village bank expanded to a few thousand realistic variants (greetings,
 * two questions in one message, long messages). Prints numbers only; never asserts.
 * Run: npx tsx bench/routing.ts
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createEmbeddingRouter, createKeywordRouter, DEFAULT_DOMAINS, validateQuestionBank } from '../src/core/routing/index.ts';

const bankFile = new URL('../scenarios/questions/village-bank.yaml', import.meta.url);
const bank = validateQuestionBank(parse(readFileSync(bankFile, 'utf8')));
if (!bank.ok) throw new Error(`${bankFile.pathname}: ${bank.error.message}`);
const base = bank.value.map((q) => q.question);

const openers = ['', 'Hello, ', 'Good morning doctor. ', 'Please help me. ', 'Habari! ', 'I am a farmer near Kisumu. ',
  'My neighbour told me to ask you. ', 'Sorry to disturb, ', 'Question: ', 'We are a women group. '];
const closers = ['', ' Thank you.', ' Asante sana!', ' Please answer quickly, it is urgent.', ' God bless you.'];
const questions: string[] = [];
for (let i = 0; i < base.length; i++) {
  for (const o of openers) for (const c of closers) questions.push(`${o}${base[i]}${c}`);
  for (let j = 0; j < base.length; j += 1) if (j !== i && (i + j) % 3 === 0) questions.push(`${base[i]} Also, ${base[j]}`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Median over items of the mean time of `reps` back-to-back calls, in microseconds. */
function timePerItem<T>(items: readonly T[], reps: number, run: (item: T) => unknown): { median: number; p90: number } {
  let sink = 0;
  for (let w = 0; w < 3; w++) for (const it of items) if (run(it) !== undefined) sink++;
  const times: number[] = [];
  for (const it of items) {
    const t0 = process.hrtime.bigint();
    for (let r = 0; r < reps; r++) if (run(it) !== undefined) sink++;
    times.push(Number(process.hrtime.bigint() - t0) / 1000 / reps);
  }
  if (sink < 0) console.log(sink);
  const sorted = [...times].sort((a, b) => a - b);
  return { median: median(times), p90: sorted[Math.floor(sorted.length * 0.9)] as number };
}

const keywordRouter = createKeywordRouter({ adapters: DEFAULT_DOMAINS.map((d) => ({ id: `${d.id}-v1`, domain: d.id, keywords: d.keywords })) });
const avgWords = questions.reduce((n, q) => n + q.split(/\s+/).length, 0) / questions.length;
const kw = timePerItem(questions, 10, (q) => keywordRouter.route(q));
console.log(`keyword router: ${questions.length} questions (mean ${avgWords.toFixed(1)} words), median ${kw.median.toFixed(2)} µs/query, p90 ${kw.p90.toFixed(2)} µs (target ≤ 20 µs median)`);

const compile = timePerItem(Array.from({ length: 50 }, (_, i) => i), 5, () => createKeywordRouter({ adapters: DEFAULT_DOMAINS.map((d) => ({ id: d.id, domain: d.id, keywords: d.keywords })) }));
console.log(`keyword router construction (5 adapters + catalogue): median ${compile.median.toFixed(1)} µs`);

const dims = 896;
const vector = (seed: number): Float32Array => {
  const v = new Float32Array(dims);
  let x = seed * 2654435761 % 4294967296;
  for (let i = 0; i < dims; i++) {
    x = (x * 1664525 + 1013904223) % 4294967296;
    v[i] = x / 4294967296 - 0.5;
  }
  return v;
};
for (const n of [5, 50]) {
  const embeddingRouter = createEmbeddingRouter({
    adapters: Array.from({ length: n }, (_, i) => ({ id: `a${i}`, domain: `d${i % 25}`, centroid: Array.from(vector(i + 1)) })),
  });
  const queries = Array.from({ length: 2000 }, (_, i) => vector(1000 + i));
  const em = timePerItem(queries, 10, (v) => embeddingRouter.routeVector(v));
  console.log(`embedding router: ${n} adapters × ${dims} dims, median ${em.median.toFixed(2)} µs/query, p90 ${em.p90.toFixed(2)} µs (excludes embedding)`);
}
