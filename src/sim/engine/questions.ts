/**
 * The question workload: loads the question bank a scenario names and draws questions (domain by
 * the scenario's mix, then a question of that domain) from a node's own stream. Knows nothing of
 * answers or gossip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';
import type { Rng } from '../../core/ports.ts';
import { validateQuestionBank, type BankQuestion } from '../../core/routing/index.ts';
import { UserError } from '../../cli/user-error.ts';
import { choice, weightedChoice } from '../rng.ts';
import { PROJECT_ROOT } from '../scenario/index.ts';

export class QuestionSampler {
  private readonly byDomain = new Map<string, BankQuestion[]>();
  private readonly domains: string[];
  private readonly weights: number[];

  constructor(bank: readonly BankQuestion[], mix: Readonly<Record<string, number | undefined>>, where: string) {
    for (const q of bank) {
      const list = this.byDomain.get(q.domain) ?? [];
      list.push(q);
      this.byDomain.set(q.domain, list);
    }
    this.domains = Object.keys(mix).filter((d) => (mix[d] ?? 0) > 0).sort();
    this.weights = this.domains.map((d) => mix[d] ?? 0);
    for (const d of this.domains) {
      if (!this.byDomain.has(d)) throw new UserError(`${where}: the question bank has no questions for domain "${d}" named in questions.domainMix`);
    }
  }

  draw(rng: Rng): BankQuestion {
    const d = weightedChoice(rng, this.domains, this.weights);
    return choice(rng, this.byDomain.get(d)!);
  }
}

export function loadQuestionBank(bank: string, scenarioFile: string): { questions: readonly BankQuestion[]; file: string } {
  const candidates = isAbsolute(bank) ? [bank] : [resolve(dirname(scenarioFile), bank), resolve(PROJECT_ROOT, bank)];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new UserError(`${scenarioFile}: questions.bank: cannot find "${bank}" (looked in ${candidates.join(' and ')})`);
  let parsed: unknown;
  try {
    parsed = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UserError(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const r = validateQuestionBank(parsed);
  if (!r.ok) throw new UserError(`${file}: ${r.error.message}`);
  return { questions: r.value, file };
}
