/**
 * "Did you mean" hints: the closest known word by edit distance (case-insensitive), if it is close
 * enough to be a plausible typo. Pure.
 */

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/** The known word closest to `word`, or undefined when none is within ~1/3 of its length. */
export function closest(word: string, known: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(w, k.toLowerCase());
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** ` (did you mean "speed"?)`, or ` (known: a, b, c)` when nothing is close. */
export function hint(word: string, known: readonly string[]): string {
  const c = closest(word, known);
  if (c !== undefined) return ` (did you mean "${c}"?)`;
  return known.length > 0 ? ` (known: ${known.join(', ')})` : '';
}
