/** Numbers as the reports show them: a decimal comma in Vietnamese ("87,08"), a point in English,
 * a fixed number of decimals, and "—" where the core gives none. Formatting only: every figure
 * comes from the core's reports. */
import type { Lang } from "./i18n";

/** What a missing figure is shown as. */
export const NONE = "—";

const locale = (lang: Lang) => (lang === "en" ? "en-GB" : "vi-VN");

/** A whole number with the language's thousands separator: 1.234 / 1,234. */
export function whole(n: number, lang: Lang): string {
  return n.toLocaleString(locale(lang));
}

/** A figure with `digits` decimals (two unless told): 87,08 / 87.08; "—" when there is none. */
export function decimal(value: number | null, lang: Lang, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return NONE;
  return value.toLocaleString(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A fraction 0–1 as a percentage with two decimals: 0.4642 → 46,42%; "—" when there is none. */
export function percent(fraction: number | null, lang: Lang): string {
  if (fraction === null || !Number.isFinite(fraction)) return NONE;
  return `${decimal(fraction * 100, lang)}%`;
}

/** A core date "dd/mm/yyyy" as the ISO day a request carries ("yyyy-mm-dd"); null if it is not one. */
export function isoDay(shown: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(shown.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}
