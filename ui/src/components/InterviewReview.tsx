/** The supervisor's review of one case's interview: the questions the answers led to, in order,
 * worded as the operator read them, each with its answer as a person reads it. Esc closes. */
import { useEffect, useRef } from "react";
import type { InterviewView } from "../api/bindings";
import { useLang } from "../i18n";
import { interviewStatusLabel, stopLabel } from "../labels";

interface Props {
  name: string;
  /** Null: the case has no interview. */
  view: InterviewView | null;
  onClose: () => void;
}

export function InterviewReview({ name, view, onClose }: Props) {
  const { lang, t } = useLang();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
  }, []);
  const sectionTitle = (id: string) => {
    const s = view?.sections.find((x) => x.id === id);
    return s ? (lang === "en" && s.titleEn ? s.titleEn : s.title) : id;
  };
  return (
    <div
      className="overlay"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="dialog dialog-wide review" role="dialog" aria-modal="true" aria-labelledby="review-title" data-testid="interview-review">
        <div className="review-head">
          <h2 id="review-title" className="dialog-title">
            {t("iv.review", { name })}
          </h2>
          <button ref={close} type="button" className="btn" data-testid="review-close" onClick={onClose}>
            {t("common.close")}
          </button>
        </div>
        {view === null ? (
          <p className="muted">{t("iv.reviewEmpty")}</p>
        ) : (
          <>
            <p className="muted review-meta">
              {t("iv.reviewMeta", { title: view.title, version: view.version })}
            </p>
            <p className="review-stop" data-testid="review-stop">
              {stopLabel(view.stop, t)} · {interviewStatusLabel(view.status, t)} ·{" "}
              {t("iv.summary", {
                answered: view.questions.filter((q) => q.answer !== null).length,
                questions: view.questions.length,
              })}
            </p>
            <ol className="review-list">
              {view.questions.map((q, i) => {
                const newSection = i === 0 || view.questions[i - 1]!.sectionId !== q.sectionId;
                return (
                  <li key={q.id} className="review-item" data-testid="review-item" data-question={q.id}>
                    {newSection && <h3 className="review-section">{sectionTitle(q.sectionId)}</h3>}
                    <p className="review-question">
                      <span className="qlist-id">{q.id}</span>{" "}
                      <span data-testid="review-question-text" lang="vi">
                        {q.text}
                      </span>
                    </p>
                    <p className={`review-answer${q.answer ? "" : " muted"}`} data-testid="review-answer">
                      {q.answer ? q.answer.shown : t("iv.notAnswered")}
                    </p>
                  </li>
                );
              })}
            </ol>
            {view.closing && (
              <p className="review-closing muted" lang="vi">
                {view.closing}
              </p>
            )}
          </>
        )}
      </div>
    </div>
  );
}
