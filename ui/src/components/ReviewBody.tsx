/** An interview under review, below its heading: its review history (who did what, when and
 * why, with a correction's old and new value), its calls, and its answers in order — each with
 * "Sửa" when the reader may correct it. The supervisor's queue and the operator's returned
 * interviews show it alike. */
import type { OutcomeView, QuestionView, ReviewView } from "../api/bindings";
import { useLang } from "../i18n";
import { outcomeLabel } from "../labels";

interface Props {
  view: ReviewView;
  outcomes: readonly OutcomeView[];
  /** Null: the answers are read only. */
  onCorrect: ((question: QuestionView) => void) | null;
  /** The questions' ids beside their wording: for supervisors, never for operators. */
  showIds: boolean;
}

/** A question as an operator names it: "câu 12", its place in the interview. */
function questionNumber(view: ReviewView, id: string): string {
  const at = view.interview.questions.findIndex((q) => q.id === id);
  return at < 0 ? "" : `câu ${at + 1}`;
}

export function ReviewBody({ view, outcomes, onCorrect, showIds }: Props) {
  const { lang, t } = useLang();
  return (
    <>
      {view.history.length > 0 && (
        <section aria-labelledby="review-history-title">
          <h4 className="review-section" id="review-history-title">
            {t("rv.history")}
          </h4>
          <ol className="review-history" data-testid="review-history">
            {view.history.map((s, n) => (
              <li key={n} data-testid="review-step" data-action={s.action}>
                <span className="muted">{s.at}</span> <b>{s.by}</b> — {s.label}
                {s.question && (
                  <>
                    {" "}
                    {showIds ? <code>{s.question}</code> : questionNumber(view, s.question)}: {s.oldValue ?? "∅"} →{" "}
                    {s.newValue}
                  </>
                )}
                {s.reason && <span className="review-step-reason"> — {s.reason}</span>}
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="review-calls-title">
        <h4 className="review-section" id="review-calls-title">
          {t("rv.calls")}
        </h4>
        <ul className="review-calls" data-testid="review-calls">
          {view.calls.map((c, n) => (
            <li key={n}>
              {c.at} — {c.outcome} {outcomeLabel(c.outcome, outcomes, lang)}
              {c.note && <span className="muted"> — {c.note}</span>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="review-answers-title">
        <h4 className="review-section" id="review-answers-title">
          {t("rv.answers")}
        </h4>
        <ol className="review-list">
          {view.interview.questions
            .filter((q) => q.answer !== null)
            .map((q) => (
              <li key={q.id} className="review-item" data-testid="review-answer-row" data-question={q.id}>
                <p className="review-question">
                  {showIds && <span className="qlist-id">{q.id}</span>} <span lang="vi">{q.text}</span>
                </p>
                <p className="review-answer">
                  <span data-testid="review-answer-shown">{q.answer!.shown}</span>{" "}
                  {onCorrect && (
                    <button type="button" className="btn btn-small" data-testid="review-correct" onClick={() => onCorrect(q)}>
                      {t("rv.correct")}
                    </button>
                  )}
                </p>
              </li>
            ))}
        </ol>
      </section>
    </>
  );
}
