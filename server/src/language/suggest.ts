// "Did you mean …": the closest known names to a misspelt one, by edit distance.

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (optimal string
 * alignment), since `modle` for `model` is the commonest typo; exits early past `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * Candidates close enough to `name` to be what was meant, best first: within a third of the
 * name's length (at least 1, at most 3) edits, case differences counting half.
 */
export function suggest(name: string, candidates: Iterable<string>): string[] {
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  const scored: { candidate: string; score: number }[] = [];
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance > limit) continue;
    const score = distance + (candidate.toLowerCase() === lower ? 0.5 : 0);
    scored.push({ candidate, score });
  }
  scored.sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate));
  return scored.map((s) => s.candidate);
}

/** ` (did you mean `x`?)` or an empty string. */
/** "a, b or c". */
export function orList(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

export function didYouMean(suggestions: string[]): string {
  return suggestions.length ? `; did you mean \`${suggestions[0]}\`?` : '';
}
