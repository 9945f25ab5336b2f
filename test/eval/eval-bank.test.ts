/**
 * The shipped evaluation bank: valid, covering the five published domains, held out from the
 * router's reference texts and the simulator's village bank, and scoring low for an answer that
 * only restates the question.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DEFAULT_DOMAINS, validateQuestionBank, validateReferenceTexts } from '../../src/core/routing/index.ts';
import { keywordRecall } from '../../src/eval/index.ts';

const load = (name: string): unknown => parse(readFileSync(new URL(`../../scenarios/questions/${name}`, import.meta.url), 'utf8'));

describe('scenarios/questions/eval-bank.yaml', () => {
  const bank = validateQuestionBank(load('eval-bank.yaml'));
  if (!bank.ok) throw new Error(bank.error.message);
  const questions = bank.value;

  it('has at least five questions with reference answers for each published domain, and off-domain ones', () => {
    for (const d of DEFAULT_DOMAINS) {
      const qs = questions.filter((q) => q.domain === d.id);
      expect(qs.length, d.id).toBeGreaterThanOrEqual(5);
      for (const q of qs) {
        expect(q.expectedKeywords.length).toBeGreaterThanOrEqual(4);
        expect(q.referenceAnswer).toBeTruthy();
      }
    }
    expect(questions.filter((q) => q.domain === 'none').length).toBeGreaterThan(0);
  });

  it('is held out from the router reference texts and the village bank', () => {
    const refs = validateReferenceTexts(load('reference-texts.yaml'));
    if (!refs.ok) throw new Error(refs.error.message);
    const village = validateQuestionBank(load('village-bank.yaml'));
    if (!village.ok) throw new Error(village.error.message);
    const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const others = new Set([...Object.values(refs.value).flat(), ...village.value.map((q) => q.question)].map(norm));
    for (const q of questions) expect(others.has(norm(q.question)), q.question).toBe(false);
  });

  it('mostly asks for what the question does not already say (restating it scores under 10 %)', () => {
    const scored = questions.filter((q) => q.expectedKeywords.length > 0);
    const restated = scored.map((q) => keywordRecall(q.question, q.expectedKeywords).score as number);
    expect(restated.reduce((a, b) => a + b, 0) / restated.length).toBeLessThan(0.1);
    // the reference answers contain their keywords (the bank is internally consistent)
    for (const q of scored) expect(keywordRecall(q.referenceAnswer as string, q.expectedKeywords).score, q.question).toBe(1);
  });
});
