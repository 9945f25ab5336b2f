/**
 * Turning zod issues into one-line, located messages: a per-parse error map that words each issue
 * for a person (with "did you mean" hints for unknown keys and enum values), and a formatter that
 * prefixes each message with `file:line:col` (or with the `--set` expression that introduced the
 * value). Knows nothing about the scenario's fields.
 */
import type { z } from 'zod';
import { UserError } from '../../cli/user-error.ts';
import { hint } from './did-you-mean.ts';
import type { Path } from './yaml-source.ts';

/** Where an issue points: a file position or an override expression. */
export interface Locator {
  locate(path: Path, key: boolean): string;
}

export interface LocatedIssue {
  readonly where: string;
  readonly message: string;
}

const MAX_SHOWN = 20;

/** All the problems found in a scenario, one located line each (the message shows the first 20). */
export class ScenarioError extends UserError {
  constructor(readonly issues: readonly LocatedIssue[]) {
    const shown = issues.slice(0, MAX_SHOWN).map((i) => `${i.where}: ${i.message}`);
    if (issues.length > MAX_SHOWN) shown.push(`… and ${issues.length - MAX_SHOWN} more`);
    super(shown.join('\n'));
    this.name = 'ScenarioError';
  }
}

function show(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}

/** Error map for `safeParse(…, {error})`: human wording for the common issue codes. */
export function errorMap(iss: z.core.$ZodRawIssue): string | undefined {
  if (iss.input === undefined && (iss.code === 'invalid_type' || iss.code === 'invalid_union' || iss.code === 'invalid_value')) {
    return 'missing required key';
  }
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return 'missing required key';
      const expected = iss.expected === 'int' ? 'an integer' : iss.expected === 'object' ? 'a mapping' : iss.expected === 'array' ? 'a list' : `a ${iss.expected}`;
      return `expected ${expected}, got ${show(iss.input)}`;
    }
    case 'unrecognized_keys': {
      const shape = (iss.inst as { shape?: Record<string, unknown> } | undefined)?.shape;
      const known = shape ? Object.keys(shape) : [];
      return iss.keys.map((k) => `unknown key "${k}"${hint(k, known)}`).join('; ');
    }
    case 'invalid_value': {
      const options = iss.values.map(String);
      const got = show(iss.input);
      return options.length === 1
        ? `expected ${JSON.stringify(options[0])}, got ${got}`
        : `expected one of ${options.join(', ')}; got ${got}${typeof iss.input === 'string' ? hint(iss.input, options).replace(/ \(known: .*\)$/, '') : ''}`;
    }
    case 'invalid_union': {
      const disc = (iss as { discriminator?: string; options?: unknown[] }).discriminator;
      const options = (iss as { options?: unknown[] }).options;
      if (disc && options) {
        const names = options.map(String);
        const got = iss.input;
        const value = typeof got === 'object' && got !== null ? (got as Record<string, unknown>)[disc] : undefined;
        if (value === undefined) return `missing "${disc}": expected one of ${names.join(', ')}`;
        return `unknown ${disc} ${show(value)}: expected one of ${names.join(', ')}${typeof value === 'string' ? hint(value, names).replace(/ \(known: .*\)$/, '') : ''}`;
      }
      return undefined;
    }
    case 'too_small': {
      const what = iss.origin === 'array' ? `at least ${iss.minimum} item(s)` : iss.origin === 'string' ? 'a non-empty string' : `>= ${iss.minimum}`;
      if (iss.inclusive === false && iss.origin !== 'array' && iss.origin !== 'string') return `must be > ${iss.minimum}`;
      return iss.origin === 'array' ? `needs ${what}` : `must be ${what}`;
    }
    case 'too_big': {
      if (iss.origin === 'array') return `allows at most ${iss.maximum} item(s)`;
      return iss.inclusive === false ? `must be < ${iss.maximum}` : `must be <= ${iss.maximum}`;
    }
    default:
      return undefined;
  }
}

/** `a.b[0].c` rendering of a path. */
export function formatPath(path: Path): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s === '' ? String(seg) : `.${String(seg)}`;
  return s;
}

/**
 * One located message per issue. Unknown keys point at the key itself, a missing key at its
 * parent, everything else at the value. The message names the field when the position alone could
 * be ambiguous (a missing key, an override).
 */
export function locateIssues(issues: readonly z.core.$ZodIssue[], locator: Locator): LocatedIssue[] {
  return flattenUnions(issues).map((iss) => {
    if (iss.code === 'unrecognized_keys') {
      const key = iss.keys[0] as string;
      return { where: locator.locate([...iss.path, key], true), message: `${iss.message}${iss.path.length ? ` in ${formatPath(iss.path)}` : ''}` };
    }
    if (iss.message === 'missing required key') {
      const field = iss.path[iss.path.length - 1];
      const parent = iss.path.slice(0, -1);
      return { where: locator.locate(parent, true), message: `missing required key "${String(field)}"${parent.length ? ` in ${formatPath(parent)}` : ''}` };
    }
    return { where: locator.locate(iss.path, false), message: `${formatPath(iss.path) || '(top level)'}: ${iss.message}` };
  });
}

/**
 * A failed union reports why each alternative failed. The alternative that matched the value's
 * shape best (right type at the top, fewest missing or unknown keys at its first level) has the
 * useful issues (`{median: 5x}` → "bad duration"), so they replace the union's generic message;
 * when no single alternative is best, the union's own message stays.
 */
function flattenUnions(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const out: z.core.$ZodIssue[] = [];
  for (const iss of issues) {
    const best = iss.code === 'invalid_union' ? bestBranch(iss.errors) : undefined;
    if (!best) {
      out.push(iss);
      continue;
    }
    out.push(...flattenUnions(best.map((b) => ({ ...b, path: [...iss.path, ...b.path] }) as z.core.$ZodIssue)));
  }
  return out;
}

function structuralScore(branch: readonly z.core.$ZodIssue[]): number {
  let score = 0;
  for (const b of branch) {
    const atRoot = b.path.length === 0;
    if (atRoot && (b.code === 'invalid_type' || b.code === 'invalid_union' || b.code === 'invalid_value')) return Infinity;
    const missing = b.message === 'missing required key';
    if ((missing && b.path.length <= 1) || (b.code === 'unrecognized_keys' && atRoot)) score++;
  }
  return score;
}

function bestBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] | undefined {
  const scores = branches.map(structuralScore);
  const min = Math.min(...scores);
  if (min === Infinity || scores.filter((s) => s === min).length !== 1) return undefined;
  return branches[scores.indexOf(min)];
}
