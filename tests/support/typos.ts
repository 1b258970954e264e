/**
 * Made typos for the search tests and the search benchmark (the same kinds in
 * both): a typo at letter `i` of `word` — 0 substitution, 1 missing letter,
 * 2 extra letter, 3 a swap with the next letter (a substitution where a swap
 * would change nothing).
 */
export function typoAt(word: string, i: number, kind: number): string {
  const c = Array.from(word);
  const other = (ch: string) => (ch === "e" ? "a" : ch === "a" ? "o" : "e");
  if (kind === 0) c[i] = other(c[i].toLowerCase());
  else if (kind === 1) c.splice(i, 1);
  else if (kind === 2) c.splice(i, 0, other(c[i].toLowerCase()));
  else if (i + 1 < c.length && c[i] !== c[i + 1]) [c[i], c[i + 1]] = [c[i + 1], c[i]];
  else c[i] = other(c[i].toLowerCase());
  return c.join("");
}
