/**
 * Question banks: the questions a simulated (or real) village asks, each labelled with its domain
 * and the keywords a good answer should contain (the published keyword-recall metric). Owns the
 * type and a validator of an already-parsed value (YAML/JSON parsing and file errors belong to the
 * caller, which turns a failed Result into a UserError naming the file). Knows nothing about routers.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../errors.ts';

/** Domain label of questions no expert adapter should answer. */
export const OFF_DOMAIN = 'none';

export interface BankQuestion {
  /** A domain id ("agronomy", ...), or OFF_DOMAIN. */
  readonly domain: string;
  readonly question: string;
  /** Lower-case keywords a good answer contains; empty allowed only for OFF_DOMAIN questions. */
  readonly expectedKeywords: readonly string[];
  readonly referenceAnswer?: string;
}

export type QuestionBank = readonly BankQuestion[];

const nonEmpty = z.string().trim().min(1, 'must be a non-empty string');
const questionSchema = z.strictObject({
  domain: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lower-case domain id such as "agronomy" (or "none")'),
  question: nonEmpty,
  expectedKeywords: z.array(nonEmpty),
  referenceAnswer: nonEmpty.optional(),
});
const bankSchema = z.union([z.strictObject({ questions: z.array(questionSchema).min(1) }), z.array(questionSchema).min(1)]);

/** `questions[3].expectedKeywords[0]` style path for messages. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out === '' ? '(top level)' : out;
}

function firstIssue(error: z.ZodError): string {
  // For the top-level union, report the branch the value was meant for (an object → the `questions` form).
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid question bank';
  if (issue.code === 'invalid_union' && issue.path.length === 0) {
    const branches = issue.errors;
    const branch = branches.find((b) => b.some((i) => i.path.length > 0)) ?? branches[0] ?? [];
    const inner = branch[0];
    if (inner !== undefined) return `${formatPath(inner.path)}: ${inner.message}`;
    return '(top level): expected a list of questions or an object with a `questions` list';
  }
  return `${formatPath(issue.path)}: ${issue.message}`;
}

/**
 * Validates a parsed question bank: either a list of questions or `{ questions: [...] }`. Each
 * question has exactly `domain`, `question`, `expectedKeywords` and optionally `referenceAnswer`;
 * in-domain questions need at least one expected keyword; a question text may appear only once.
 * Errors carry code `decode/bad-value` (origin local) and a message starting with the field path.
 */
export function validateQuestionBank(value: unknown): Result<QuestionBank> {
  const parsed = bankSchema.safeParse(value);
  if (!parsed.success) return err('decode/bad-value', firstIssue(parsed.error), 'local');
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.questions;
  const prefix = Array.isArray(parsed.data) ? '' : 'questions';
  const seen = new Map<string, number>();
  const out: BankQuestion[] = [];
  for (let i = 0; i < list.length; i++) {
    const q = list[i] as z.infer<typeof questionSchema>;
    const at = `${prefix}[${i}]`;
    if (q.domain !== OFF_DOMAIN && q.expectedKeywords.length === 0) {
      return err('decode/bad-value', `${at}.expectedKeywords: an in-domain question needs at least one expected keyword`, 'local');
    }
    const key = q.question.trim().toLowerCase();
    const dup = seen.get(key);
    if (dup !== undefined) return err('decode/bad-value', `${at}.question: duplicates ${prefix}[${dup}]`, 'local');
    seen.set(key, i);
    out.push({
      domain: q.domain,
      question: q.question.trim(),
      expectedKeywords: q.expectedKeywords.map((k) => k.trim().toLowerCase()),
      ...(q.referenceAnswer !== undefined ? { referenceAnswer: q.referenceAnswer } : {}),
    });
  }
  return ok(out);
}
