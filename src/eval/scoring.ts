/**
 * Answer scoring by keyword recall, as published and in a stricter variant:
 * - `substring` (published): a keyword counts if its lower-case form occurs anywhere in the
 *   lower-case answer ("ec" counts inside "hectare", "fingerling" inside "fingerlings");
 * - `word`: the keyword must stand as a whole word or phrase — no letter or digit directly before
 *   its first character or after its last (where those are letters or digits). No stemming:
 *   "fingerling" does not count in "fingerlings".
 * A question's score is matched / total keywords (each keyword once); a question without keywords
 * (off-domain) has no score. Pure; knows nothing about models or configurations.
 */

export type Scoring = 'substring' | 'word';

export interface KeywordScore {
  /** matched / total, or null when there are no keywords. */
  readonly score: number | null;
  readonly matched: readonly string[];
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function occursAsWord(text: string, keyword: string): boolean {
  const startsWord = WORD_CHAR.test(keyword.charAt(0));
  const endsWord = WORD_CHAR.test(keyword.charAt(keyword.length - 1));
  for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
    const before = at === 0 ? '' : text.charAt(at - 1);
    const after = text.charAt(at + keyword.length);
    if ((!startsWord || before === '' || !WORD_CHAR.test(before)) && (!endsWord || after === '' || !WORD_CHAR.test(after))) return true;
  }
  return false;
}

/** Keyword recall of `answer` for `keywords` under `scoring`. */
export function keywordRecall(answer: string, keywords: readonly string[], scoring: Scoring = 'substring'): KeywordScore {
  if (keywords.length === 0) return { score: null, matched: [] };
  const text = answer.toLowerCase();
  const unique = [...new Set(keywords.map((k) => k.toLowerCase()))];
  const matched = unique.filter((k) => (scoring === 'substring' ? text.includes(k) : occursAsWord(text, k)));
  return { score: matched.length / unique.length, matched };
}
