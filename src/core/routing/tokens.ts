/**
 * Text to matchable word forms: lower-case tokenisation and a small, deterministic light stemmer.
 * The same two functions are applied to router keywords and to questions, so matching is always
 * "same stem at a word boundary" (never a substring inside a longer word: "ec" does not fire in
 * "hectare", "vet" not in "velvet", "tick" not in "sticky", "fry" not in "frying").
 *
 * Stemming rules (in order, each at most once):
 * 1. a few irregular plurals (leaves → leaf, feet → foot, fungi → fungus, hooves → hoof, ...);
 * 2. tokens of 3 characters or fewer are left alone ("ec", "uv", "vet", "fry", "soc");
 * 3. British "-ise" spellings become "-ize" (fertiliser → fertilizer);
 * 4. plurals (Harman's S-stemmer): "-ies" → "-y" (only if 4+ characters remain, so "fries" is not
 *    "fry"), "-es" → "-e" (not after a, e, o), "-s" → "" (not after u or s; 3+ characters remain);
 * 5. one derivational ending, the first of -ation, -ating, -ated, -ion, -ity, -ing, -ate, -ed, -er, -e
 *    that leaves 4+ characters; after -ing/-ed/-er a doubled final consonant is undone
 *    (cropping → crop). So "deworming" meets "deworm", "vaccinate" meets "vaccine", "compacted"
 *    meets "compaction", while "frying" (stem "fry" too short) stays away from "fry".
 * Owns no state and knows nothing about domains, adapters or routing decisions.
 */

const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['leaves', 'leaf'], ['feet', 'foot'], ['fungi', 'fungus'], ['hooves', 'hoof'], ['calves', 'calf'],
  ['halves', 'half'], ['knives', 'knife'], ['teeth', 'tooth'], ['geese', 'goose'], ['mice', 'mouse'],
  ['lice', 'louse'], ['children', 'child'], ['women', 'woman'], ['men', 'man'], ['oxen', 'ox'],
]);

/** Endings tried by rule 5, in order; the first that leaves at least MIN_STEM characters wins. */
const DERIVATIONAL: readonly string[] = ['ation', 'ating', 'ated', 'ion', 'ity', 'ing', 'ate', 'ed', 'er', 'e'];
const UNDOUBLE_AFTER: ReadonlySet<string> = new Set(['ing', 'ed', 'er']);
const MIN_STEM = 4;
const BRITISH_ISE = /is(e|es|ed|er|ers|ing|ation|ations)$/;
const NON_WORD = /[^\p{L}\p{N}]+/u;
const APOSTROPHES = /['\u2019]/g;

/**
 * Lower-case word tokens: maximal runs of Unicode letters and digits. Apostrophes are dropped
 * first ("farmer's" → "farmers"); hyphens, slashes and other punctuation separate words.
 */
export function tokenize(text: string): string[] {
  const parts = text.toLowerCase().replace(APOSTROPHES, '').split(NON_WORD);
  const out: string[] = [];
  for (const p of parts) if (p.length > 0) out.push(p);
  return out;
}

function isVowel(c: string): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';
}

function stripPlural(t: string): string {
  if (t.endsWith('ies')) {
    if (t.length - 2 >= MIN_STEM) return t.slice(0, -3) + 'y';
  }
  if (t.endsWith('es')) {
    const before = t.charAt(t.length - 3);
    if (before !== 'a' && before !== 'e' && before !== 'o') return t.slice(0, -1);
  }
  if (t.endsWith('s') && !t.endsWith('us') && !t.endsWith('ss') && t.length - 1 >= 3) return t.slice(0, -1);
  return t;
}

function stripDerivational(t: string): string {
  for (const suffix of DERIVATIONAL) {
    if (!t.endsWith(suffix) || t.length - suffix.length < MIN_STEM) continue;
    let stem = t.slice(0, -suffix.length);
    if (UNDOUBLE_AFTER.has(suffix)) {
      const last = stem.charAt(stem.length - 1);
      if (last === stem.charAt(stem.length - 2) && !isVowel(last) && last !== 'l' && last !== 's' && last !== 'z') {
        stem = stem.slice(0, -1);
      }
    }
    return stem;
  }
  return t;
}

/** The matchable form of one lower-case token (see the module comment for the rules). */
export function stem(token: string): string {
  let t = IRREGULAR.get(token) ?? token;
  if (t.length <= 3) return t;
  t = t.replace(BRITISH_ISE, 'iz$1');
  t = stripPlural(t);
  return stripDerivational(t);
}
