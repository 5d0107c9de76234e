/** Labels for outcomes, case statuses and answers, in the current language. */
import type {
  AnswerView,
  CaseOverview,
  CaseStatus,
  InterviewStatus,
  OutcomeCode,
  OutcomeView,
  Questionnaire,
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
  if (c.status === "closed" && c.finalOutcome) return outcomeLabel(c.finalOutcome, outcomes, lang);
  return statusName(c.status, t);
}

export function interviewStatusLabel(status: InterviewStatus, t: T): string {
  return t(`ivstatus.${status}`);
}

/** The answers in questionnaire order (unknown ids last, as given). */
export function orderedAnswers(answers: readonly AnswerView[], form: Questionnaire | null): AnswerView[] {
  if (!form) return [...answers];
  const index = (id: string) => {
    const i = form.questions.findIndex((q) => q.id === id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...answers].sort((a, b) => index(a.questionId) - index(b.questionId));
}

/** A choice's label on the scale, e.g. "Hài lòng". */
export function choiceLabel(code: string, form: Questionnaire | null, lang: Lang): string {
  const choice = form?.scale.find((c) => c.code === code);
  if (!choice) return code;
  return lang === "en" ? choice.labelEn : choice.labelVi;
}
