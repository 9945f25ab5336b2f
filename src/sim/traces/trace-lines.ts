/**
 * Shared line handling for the trace readers: splits text into lines (LF or CRLF), skips blanks and
 * `#` comments, tokenises with column numbers, converts times (seconds) to µs, and builds
 * `file:line:col` errors. Knows no particular format.
 */
import { UserError } from '../../cli/user-error.ts';
import type { Micros } from '../../core/types.ts';

export interface Token {
  readonly text: string;
  /** 1-based column. */
  readonly col: number;
}

/** Splits `line` on runs of spaces and tabs, keeping each token's column. */
export function tokenizeWhitespace(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i === n) break;
    const start = i;
    while (i < n && line[i] !== ' ' && line[i] !== '\t') i++;
    tokens.push({ text: line.slice(start, i), col: start + 1 });
  }
  return tokens;
}

export class TraceErrorFactory {
  constructor(private readonly file: string) {}

  at(line: number, col: number, message: string): UserError {
    return new UserError(`${this.file}:${line}:${col}: ${message}`);
  }
}

const SECONDS = /^[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/** A non-negative decimal number of seconds → integer µs, or undefined if malformed. */
export function secondsToMicros(text: string): Micros | undefined {
  if (!SECONDS.test(text)) return undefined;
  const us = Math.round(Number(text) * 1_000_000);
  return Number.isSafeInteger(us) ? us : undefined;
}

/** A node index: digits, optionally after a name prefix (`n12` → 12, as The ONE reads hosts). */
export function nodeIndex(text: string): number | undefined {
  const m = /^[A-Za-z_]*([0-9]+)$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Iterates content lines as [1-based line number, text], skipping blanks and `#` comments. */
export function* contentLines(text: string): Generator<[number, string]> {
  let lineNo = 0;
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    lineNo++;
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    start = end + 1;
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) yield [lineNo, line];
    if (end === n) break;
  }
}
