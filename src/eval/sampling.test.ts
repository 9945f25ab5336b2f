import { describe, expect, it } from 'vitest';
import type { QuestionBank } from '../core/routing/index.ts';
import { planRuns } from './sampling.ts';

const bank: QuestionBank = ['a', 'b'].flatMap((d) => Array.from({ length: 6 }, (_, i) => ({ domain: d, question: `${d}${i}`, expectedKeywords: ['x'] })));

describe('planRuns', () => {
  it('asks every question once per run, in a seeded order', () => {
    const [r0, r1] = planRuns(bank, 2, 's');
    expect([...r0!.questions].sort((x, y) => x - y)).toEqual(bank.map((_, i) => i));
    expect(r0!.questions).not.toEqual(r1!.questions);
    expect(planRuns(bank, 2, 's')[1]!.questions).toEqual(r1!.questions);
    expect(planRuns(bank, 2, 'other')[0]!.questions).not.toEqual(r0!.questions);
  });

  it('samples perDomain questions of each domain without replacement; more runs never change earlier ones', () => {
    const plans = planRuns(bank, 3, 's', 2);
    for (const p of plans) {
      expect(p.questions).toHaveLength(4);
      expect(new Set(p.questions).size).toBe(4);
      expect(p.questions.filter((q) => bank[q]!.domain === 'a')).toHaveLength(2);
    }
    expect(planRuns(bank, 1, 's', 2)[0]!.questions).toEqual(plans[0]!.questions);
    expect(plans[0]!.seedOf(3)).toBe(planRuns(bank, 1, 's', 2)[0]!.seedOf(3));
    expect(plans[0]!.seedOf(3)).not.toBe(plans[1]!.seedOf(3));
  });
});
