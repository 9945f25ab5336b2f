/**
 * Reference texts: short domain texts an adapter publisher ships in a manifest so that a receiving
 * node can build the adapter's embedding centroid without local training data. Owns the type and a
 * validator of an already-parsed `{ domains: { <id>: [text, ...] } }` value; parsing and file
 * errors belong to the caller. Knows nothing about embedders or routers.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../errors.ts';
import { formatPath } from './question-bank.ts';

/** Domain id → its reference texts (at least one each). */
export type ReferenceTexts = Readonly<Record<string, readonly string[]>>;

const schema = z.strictObject({
  domains: z.record(
    z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'domain ids are lower-case, e.g. "agronomy"'),
    z.array(z.string().trim().min(1, 'must be a non-empty string')).min(1, 'needs at least one text'),
  ),
});

/** Validates parsed reference texts; errors carry code `decode/bad-value` and the field path. */
export function validateReferenceTexts(value: unknown): Result<ReferenceTexts> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '(top level)' : formatPath(issue.path);
    return err('decode/bad-value', `${where}: ${issue?.message ?? 'invalid reference texts'}`, 'local');
  }
  const out: Record<string, readonly string[]> = {};
  for (const [domain, texts] of Object.entries(parsed.data.domains)) out[domain] = texts.map((t) => t.trim());
  return ok(out);
}
