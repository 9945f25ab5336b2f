/**
 * A precompiled keyword index: many keyword sets (one per catalogue domain or adapter) compiled
 * once into a stem → keyword map, then matched against a question in one pass over its tokens.
 * Single-word keywords are one map lookup per token; multi-word keywords ("sand dam",
 * "eye-drop") are indexed by their first stem and checked as token n-grams. A multi-word keyword
 * also matches its words written together ("eyedrops", "swimup"), and two adjacent question words
 * also match a compound keyword written as one word ("stem borers" → "stemborer", "bore hole" →
 * "borehole"; only when the joined word has 6+ letters, so stray letters do not glue into "ec").
 * Each keyword counts once per question however often it occurs; occurrences and the first
 * position are reported for tie-breaking. Owns matching only; knows nothing about domains,
 * adapters, confidence or decisions.
 */
import { stem, tokenize } from './tokens.ts';

/** One distinct keyword (after stemming) and the sets it belongs to. */
interface CompiledKeyword {
  /** The keyword as first given (lower-cased, trimmed), for reporting hits. */
  readonly text: string;
  readonly stems: readonly string[];
  /** Indices of the keyword sets that contain it (ascending, distinct). */
  readonly sets: readonly number[];
}

/** What a question matched: distinct keywords in order of first occurrence. */
export interface KeywordMatch {
  readonly keyword: string;
  /** Indices of the keyword sets containing this keyword. */
  readonly sets: readonly number[];
  /** Number of occurrences in the question (each keyword still scores once). */
  readonly occurrences: number;
  /** Token index of the first occurrence. */
  readonly firstToken: number;
}

export interface KeywordIndex {
  /** Number of keyword sets compiled. */
  readonly setCount: number;
  /** Matches of a question, one per distinct keyword, ordered by first occurrence. */
  match(question: string): KeywordMatch[];
}

const MIN_COMPOUND_CHARS = 6;

/** Compiles keyword sets; empty or punctuation-only keywords are ignored. */
export function compileKeywordIndex(sets: readonly (readonly string[])[]): KeywordIndex {
  const byKey = new Map<string, { text: string; stems: string[]; sets: number[] }>();
  sets.forEach((keywords, setIndex) => {
    for (const raw of keywords) {
      const stems = tokenize(raw).map(stem);
      if (stems.length === 0) continue;
      const key = stems.join(' ');
      const entry = byKey.get(key);
      if (entry === undefined) byKey.set(key, { text: raw.trim().toLowerCase(), stems, sets: [setIndex] });
      else if (entry.sets[entry.sets.length - 1] !== setIndex) entry.sets.push(setIndex);
    }
  });

  const compiled: CompiledKeyword[] = [];
  const single = new Map<string, CompiledKeyword>();
  const multi = new Map<string, CompiledKeyword[]>();
  for (const e of byKey.values()) {
    const kw: CompiledKeyword = { text: e.text, stems: e.stems, sets: e.sets };
    compiled.push(kw);
    const first = e.stems[0] as string;
    if (e.stems.length === 1) {
      single.set(first, kw);
    } else {
      const list = multi.get(first);
      if (list === undefined) multi.set(first, [kw]);
      else list.push(kw);
    }
  }
  // Multi-word keywords written as one word ("eyedrop"), unless that form is itself a keyword.
  for (const kw of compiled) {
    if (kw.stems.length < 2) continue;
    const joined = stem(tokenize(kw.text).join(''));
    if (!single.has(joined)) single.set(joined, kw);
  }

  // First halves worth gluing: prefixes (2+ letters) of every single-word form, so that stem(a + b)
  // is only computed when `a` can start a compound keyword (keeps matching within the time budget).
  const gluePrefixes = new Set<string>();
  for (const form of single.keys()) {
    if (form.length < MIN_COMPOUND_CHARS - 2) continue;
    for (let n = 2; n < form.length; n++) gluePrefixes.add(form.slice(0, n));
  }

  return {
    setCount: sets.length,
    match(question: string): KeywordMatch[] {
      const tokens = tokenize(question);
      const stems = tokens.map(stem);
      const found: { kw: CompiledKeyword; occurrences: number; firstToken: number }[] = [];
      const atToken: CompiledKeyword[] = [];
      const note = (kw: CompiledKeyword, at: number): void => {
        // The same keyword found twice at one position ("eye drops" as words and glued) is one occurrence.
        if (atToken.includes(kw)) return;
        atToken.push(kw);
        for (const f of found) {
          if (f.kw === kw) {
            f.occurrences += 1;
            return;
          }
        }
        found.push({ kw, occurrences: 1, firstToken: at });
      };
      for (let i = 0; i < stems.length; i++) {
        atToken.length = 0;
        const s = stems[i] as string;
        const one = single.get(s);
        if (one !== undefined) note(one, i);
        const many = multi.get(s);
        if (many !== undefined) {
          for (const kw of many) {
            if (i + kw.stems.length > stems.length) continue;
            let all = true;
            for (let k = 1; k < kw.stems.length; k++) {
              if (stems[i + k] !== kw.stems[k]) {
                all = false;
                break;
              }
            }
            if (all) note(kw, i);
          }
        }
        if (i + 1 < tokens.length) {
          const a = tokens[i] as string;
          const b = tokens[i + 1] as string;
          if (b.length >= 2 && a.length + b.length >= MIN_COMPOUND_CHARS && gluePrefixes.has(a)) {
            const glued = single.get(stem(a + b));
            if (glued !== undefined) note(glued, i);
          }
        }
      }
      return found.map((f) => ({ keyword: f.kw.text, sets: f.kw.sets, occurrences: f.occurrences, firstToken: f.firstToken }));
    },
  };
}
