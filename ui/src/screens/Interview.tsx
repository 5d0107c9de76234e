/** The interview panel: one question at a time on the 1–5 scale (0 = không ý kiến), every answer saved at once. */
import { useEffect, useRef } from "react";
import type { InterviewView, Questionnaire } from "../api/bindings";
import { useLang } from "../i18n";
import { choiceLabel } from "../labels";

interface Props {
  form: Questionnaire | null;
  interview: InterviewView;
  /** The question being changed, if the operator clicked an answered one. */
  editing: string | null;
  saving: boolean;
  onAnswer: (code: string) => void;
  onEdit: (questionId: string | null) => void;
  onFinish: () => void;
}

/** Keys first (1–5), then 0 — the order the scale is read to the respondent. */
function scaleOrder(form: Questionnaire) {
  return [...form.scale].sort((a, b) => (a.code === "0" ? 1 : b.code === "0" ? -1 : a.code.localeCompare(b.code)));
}

export function Interview({ form, interview, editing, saving, onAnswer, onEdit, onFinish }: Props) {
  const { lang, t } = useLang();
  const currentId = editing ?? interview.nextQuestion;
  const questionRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    questionRef.current?.focus({ preventScroll: true });
  }, [currentId]);

  if (!form) {
    return (
      <section className="panel interview" data-testid="interview">
        <p className="muted">{t("iv.loading")}</p>
      </section>
    );
  }
  const total = form.questions.length;
  const index = form.questions.findIndex((q) => q.id === currentId);
  const question = index >= 0 ? form.questions[index] : undefined;
  const answerOf = (id: string) => interview.answers.find((a) => a.questionId === id)?.answer ?? null;
  const given = question ? answerOf(question.id) : null;
  const text = (q: { textVi: string; textEn: string }) => (lang === "en" ? q.textEn : q.textVi);

  return (
    <section className="panel interview" data-testid="interview" aria-labelledby="interview-title">
      <div className="interview-head">
        <h2 className="interview-title" id="interview-title">
          {lang === "en" ? form.titleEn : form.titleVi}
        </h2>
        <span className="progress" data-testid="interview-progress">
          {question ? t("iv.progress", { n: index + 1, total }) : t("iv.done", { total })}
        </span>
      </div>
      <div className="progress-bar" aria-hidden="true">
        <div className="progress-fill" style={{ width: `${(interview.answers.length / Math.max(1, total)) * 100}%` }} />
      </div>

      {question ? (
        <div
          className="question"
          data-testid={`question-${question.id}`}
          ref={questionRef}
          tabIndex={-1}
          aria-live="polite"
        >
          {editing && <p className="tag tag-editing">{t("iv.editing", { id: question.id })}</p>}
          <p className="question-text">
            <span className="question-id">{question.id}</span> {text(question)}
          </p>
          {lang === "en" && (
            <p className="question-text-vi" lang="vi">
              {question.textVi}
            </p>
          )}
          <div className="choices" role="group" aria-label={question.id}>
            {scaleOrder(form).map((choice) => (
              <button
                key={choice.code}
                type="button"
                className={`btn btn-choice${given === choice.code ? " is-chosen" : ""}${choice.code === "0" ? " choice-dk" : ""}`}
                data-testid={`answer-${question.id}-${choice.code}`}
                disabled={saving}
                aria-pressed={given === choice.code}
                onClick={() => onAnswer(choice.code)}
              >
                <kbd className="key">{choice.code}</kbd>
                <span>{lang === "en" ? choice.labelEn : choice.labelVi}</span>
              </button>
            ))}
          </div>
          <p className="hint">
            {saving ? t("iv.saving") : t("iv.keys")}
            {editing && (
              <button type="button" className="btn btn-link" onClick={() => onEdit(null)}>
                {t("common.cancel")}
              </button>
            )}
          </p>
        </div>
      ) : (
        <div className="question question-done" ref={questionRef} tabIndex={-1}>
          <p className="question-text">{t("iv.finishHint")}</p>
          <button
            type="button"
            className="btn btn-primary btn-large"
            data-testid="finish-interview"
            disabled={saving}
            onClick={onFinish}
          >
            {t("iv.finish")} <kbd className="key key-light">Enter</kbd>
          </button>
        </div>
      )}

      <h3 className="subhead">{t("iv.questions")}</h3>
      <p className="hint">{t("iv.change")}</p>
      <ol className="qlist">
        {form.questions.map((q) => {
          const answer = answerOf(q.id);
          const isCurrent = q.id === currentId;
          return (
            <li key={q.id}>
              <button
                type="button"
                className={`qlist-item${isCurrent ? " is-current" : ""}${answer !== null ? " is-answered" : ""}`}
                data-testid={`qlist-${q.id}`}
                disabled={saving}
                aria-current={isCurrent ? "step" : undefined}
                onClick={() => onEdit(q.id === interview.nextQuestion || q.id === editing ? null : q.id)}
              >
                <span className="qlist-id">{q.id}</span>
                <span className="qlist-text">{text(q)}</span>
                <span className="qlist-answer" data-testid={`qlist-answer-${q.id}`}>
                  {answer === null ? "—" : `${answer} · ${choiceLabel(answer, form, lang)}`}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
