/** Text helpers: folding Vietnamese for search ("nguyen" finds "Nguyễn"). */

/** Lower case, without diacritics, đ → d, spaces collapsed. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether every word of the query is found in one of the fields. */
export function matches(query: string, fields: readonly (string | null | undefined)[]): boolean {
  const words = fold(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(fields.filter(Boolean).join(" \u0000 "));
  return words.every((w) => haystack.includes(w));
}
