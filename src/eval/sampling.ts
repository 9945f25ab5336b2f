/**
 * Seeded sampling of each run: which questions are asked (all, or `perDomain` drawn without
 * replacement from each domain) and in which order (a seeded shuffle), plus a generation seed per
 * (run, question) for samplers that use one. Run r's draws depend only on (seed, r), so adding
 * runs never changes earlier ones. Pure; knows nothing about models.
 */
import type { QuestionBank } from '../core/routing/index.ts';
import { seededStream, type SeededStream } from '../merge/seeded-stream.ts';

export interface RunPlan {
  readonly run: number;
  /** Bank indices in asking order. */
  readonly questions: readonly number[];
  /** The generation seed of one question in this run (a 32-bit integer). */
  seedOf(question: number): number;
}

function shuffle(items: number[], s: SeededStream): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(s.next() * (i + 1));
    const t = items[i] as number;
    items[i] = items[j] as number;
    items[j] = t;
  }
}

export function planRuns(bank: QuestionBank, runs: number, seed: string, perDomain?: number): RunPlan[] {
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive integer, got ${runs}`);
  if (perDomain !== undefined && (!Number.isInteger(perDomain) || perDomain < 1)) throw new RangeError(`perDomain must be a positive integer, got ${perDomain}`);
  const byDomain = new Map<string, number[]>();
  bank.forEach((q, i) => byDomain.set(q.domain, [...(byDomain.get(q.domain) ?? []), i]));
  return Array.from({ length: runs }, (_, run) => {
    const s = seededStream(seed, `eval/run ${run}`);
    let chosen: number[] = [];
    for (const [, indices] of [...byDomain.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const pool = [...indices];
      if (perDomain !== undefined && pool.length > perDomain) {
        shuffle(pool, s);
        chosen = chosen.concat(pool.slice(0, perDomain));
      } else chosen = chosen.concat(pool);
    }
    shuffle(chosen, s);
    return {
      run,
      questions: chosen,
      seedOf: (question: number) => seededStream(seed, `eval/generate ${run} ${question}`).nextU32(),
    };
  });
}
