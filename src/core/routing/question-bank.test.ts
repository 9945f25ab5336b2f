import { describe, expect, it } from 'vitest';
import { validateQuestionBank } from './question-bank.ts';
import { validateReferenceTexts } from './reference-texts.ts';

const q = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  domain: 'agronomy',
  question: 'My maize leaves are yellow',
  expectedKeywords: ['Nitrogen', 'urea'],
  ...over,
});
const failure = (value: unknown): string => {
  const r = validateQuestionBank(value);
  if (r.ok) throw new Error('expected a failure');
  expect(r.error.code).toBe('decode/bad-value');
  return r.error.message;
};

describe('validateQuestionBank', () => {
  it('accepts a `questions` object or a bare list, normalising keywords to lower case', () => {
    const expected = [{ domain: 'agronomy', question: 'My maize leaves are yellow', expectedKeywords: ['nitrogen', 'urea'] }];
    expect(validateQuestionBank({ questions: [q()] })).toEqual({ ok: true, value: expected });
    expect(validateQuestionBank([q()])).toEqual({ ok: true, value: expected });
    const withAnswer = validateQuestionBank([q({ referenceAnswer: 'Top-dress with urea.' })]);
    expect(withAnswer.ok && withAnswer.value[0]?.referenceAnswer).toBe('Top-dress with urea.');
  });

  it('allows off-domain questions without expected keywords, but not in-domain ones', () => {
    expect(validateQuestionBank([q({ domain: 'none', expectedKeywords: [] })]).ok).toBe(true);
    expect(failure({ questions: [q(), q({ question: 'Other', expectedKeywords: [] })] })).toMatch(/^questions\[1\]\.expectedKeywords:/);
  });

  it('names the field that is wrong', () => {
    expect(failure({ questions: [q(), q({ question: 'x', expectedKeywords: ['ok', ''] })] })).toMatch(/^questions\[1\]\.expectedKeywords\[1\]:/);
    expect(failure({ questions: [q({ domain: 'Agronomy' })] })).toMatch(/^questions\[0\]\.domain:/);
    expect(failure({ questions: [q({ question: '   ' })] })).toMatch(/^questions\[0\]\.question:/);
    expect(failure([q({ expectedKeyword: ['typo'] })])).toMatch(/^\[0\]/);
    expect(failure({ questions: [] })).toMatch(/^questions:/);
    expect(failure('just text')).toMatch(/^\(top level\)|^questions/);
  });

  it('rejects a question that appears twice', () => {
    expect(failure({ questions: [q(), q({ question: ' my maize LEAVES are yellow ' })] })).toBe('questions[1].question: duplicates questions[0]');
  });
});

describe('validateReferenceTexts', () => {
  it('accepts domains with texts and rejects empty ones with the field path', () => {
    expect(validateReferenceTexts({ domains: { soil: [' Red soils fix phosphorus. '] } })).toEqual({ ok: true, value: { soil: ['Red soils fix phosphorus.'] } });
    const bad = validateReferenceTexts({ domains: { soil: [] } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/^domains\.soil:/);
  });
});
