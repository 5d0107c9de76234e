/** Labels for outcomes, case statuses and answers, in the current language. */
import type {
  CaseOverview,
  CaseStatus,
  InterviewStatus,
  InterviewStop,
  OutcomeCode,
  OutcomeView,
  RequestKind,
} from "./api/bindings";
import type { Lang, T } from "./i18n";

export function outcomeLabel(outcome: OutcomeCode, outcomes: readonly OutcomeView[], lang: Lang): string {
  const view = outcomes.find((o) => o.code === outcome);
  if (!view) return outcome;
  return lang === "en" ? view.labelEn : view.labelVi;
}

export const CASE_STATUSES: readonly CaseStatus[] = ["new", "inCall", "retry", "appointment", "closed"];

export function statusName(status: CaseStatus, t: T): string {
  return t(`status.${status}`);
}

/** The status cell: who holds a case in call, the final outcome of a closed one. */
export function caseStatusLabel(
  c: Pick<CaseOverview, "status" | "heldBy" | "finalOutcome">,
  outcomes: readonly OutcomeView[],
  lang: Lang,
  t: T,
): string {
  if (c.status === "inCall" && c.heldBy) return t("status.inCallBy", { holder: c.heldBy });
  if (c.status === "closed" && c.finalOutcome) {
    const label = outcomeLabel(c.finalOutcome, outcomes, lang);
    // An outcome that does not close a case by itself closed it at the attempt limit.
    const atLimit = outcomes.find((o) => o.code === c.finalOutcome && o.recordable && !o.isFinal);
    return atLimit ? t("status.closedAtLimit", { outcome: label }) : label;
  }
  return statusName(c.status, t);
}

/** Who a case is about, as a dialog or a message names it: the person, or once their name and
 * number are removed, the dossier ("hồ sơ STP-261012-0001"). */
export function caseName(c: Pick<CaseOverview, "respondentName" | "dossierCode" | "purged">, t: T): string {
  return c.purged ? t("sup.purgedCase", { dossier: c.dossierCode }) : c.respondentName;
}

/** A request about personal data by its kind: "Rút lại sự đồng ý". */
export function requestKindLabel(kind: RequestKind, t: T): string {
  return t(`req.kind.${kind}`);
}

/** A deletion or a withdrawal removes the person's name and number everywhere and stops their calls. */
export function forgets(kind: RequestKind): boolean {
  return kind === "delete" || kind === "withdraw";
}

export function interviewStatusLabel(status: InterviewStatus, t: T): string {
  return t(`ivstatus.${status}`);
}

/** What an interview counts as if the call stops now: "Trả lời một phần". */
export function stopLabel(stop: InterviewStop, t: T): string {
  return t(`stop.${stop}`);
}

/** Codes typed for a multiple choice ("1, 3;5") as a list, in the order typed, without repeats. */
export function parseCodes(text: string): string[] {
  return [...new Set(text.split(/[,;\s]+/).filter(Boolean))];
}

/** Ticks or unticks one code, keeping the codes in numeric order: "1, 3" + 2 → "1, 2, 3". */
export function toggleCode(text: string, code: string): string {
  const codes = parseCodes(text);
  const next = codes.includes(code) ? codes.filter((c) => c !== code) : [...codes, code];
  return next.sort((a, b) => Number(a) - Number(b) || a.localeCompare(b)).join(", ");
}

/** A stored answer as the field shows it again: a date day first, codes with a space. */
export function fieldText(kind: string, code: string): string {
  if (kind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(code)) return code.split("-").reverse().join("/");
  if (kind === "multiple") return code.split(",").filter(Boolean).join(", ");
  return code;
}
