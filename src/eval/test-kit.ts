/**
 * Test doubles of the evaluation: a small bank, two specialists, and a scripted generator whose
 * answers depend only on the active adapter and the question (so every expected score can be
 * computed by hand), plus a keyword-count embedder. Used by tests only.
 */
import type { Embedder } from '../core/ports.ts';
import type { QuestionBank } from '../core/routing/index.ts';
import type { EvalGenerator, EvalInputs, EvalSpecialist, MergedForEval } from './runner.ts';

export const BANK: QuestionBank = [
  { domain: 'agronomy', question: 'My maize leaves have holes from armyworm. What do I do?', expectedKeywords: ['armyworm', 'neem', 'scout'] },
  { domain: 'agronomy', question: 'When should I plant sorghum?', expectedKeywords: ['sorghum', 'moisture'] },
  { domain: 'veterinary', question: 'My goat has ticks all over.', expectedKeywords: ['tick', 'acaricide'] },
  { domain: 'veterinary', question: 'Should I vaccinate my chickens against newcastle?', expectedKeywords: ['newcastle', 'eye-drop', 'vaccine', 'cool'] },
  { domain: 'none', question: 'What time does the market open?', expectedKeywords: [] },
];

export const SPECIALISTS: readonly EvalSpecialist[] = [
  { id: 'agro-id', name: 'agro', domain: 'agronomy', file: 'agro.gguf', keywords: [], centroid: [1, 0] },
  { id: 'vet-id', name: 'vet', domain: 'veterinary', file: 'vet.gguf', keywords: [], centroid: [0, 1] },
];

/**
 * agro.gguf: every keyword on agronomy questions, the first keyword elsewhere; vet.gguf: every
 * keyword on veterinary questions (but "ticks", not "tick") and nothing elsewhere; the merge: the
 * first keyword of any question; the base model: nothing.
 */
export function scriptedGenerator(calls: string[] = []): EvalGenerator {
  let active: string | null = null;
  return {
    async setAdapter(a) { active = a; },
    async generate(prompt) {
      const q = BANK.find((b) => b.question === prompt);
      if (!q) throw new Error(`unknown prompt ${prompt}`);
      calls.push(`${active ?? 'base'}: ${prompt}`);
      const kw = q.expectedKeywords;
      if (active === 'agro.gguf') return q.domain === 'agronomy' ? kw.join(', ') : `Try ${kw[0] ?? 'rest'}.`;
      if (active === 'vet.gguf') {
        if (q.domain !== 'veterinary') return 'I do not know.';
        return q.question.includes('goat') ? 'Spray for ticks with an acaricide.' : kw.join(' and ');
      }
      if (active === 'merged.gguf') return `Maybe ${kw[0] ?? 'nothing'}.`;
      return 'I do not know.';
    },
  };
}

/** Embeds a text as (agronomy words, veterinary words). */
export const keywordEmbedder: Embedder = {
  dimensions: 2,
  async embed(text) {
    const t = text.toLowerCase();
    const agro = ['maize', 'sorghum', 'plant', 'armyworm'].filter((w) => t.includes(w)).length;
    const vet = ['goat', 'tick', 'chicken', 'newcastle'].filter((w) => t.includes(w)).length;
    return Float32Array.from([agro, vet]);
  },
};

export const fakeMerge: EvalInputs['merge'] = async (_c, members): Promise<MergedForEval> =>
  ({ file: 'merged.gguf', members: members.map((m) => m.id), keptFraction: 0.5, rank: 4, wallMs: 1 });
