/** The supervisor's review of one case's interview: the record of the person's consent (given or
 * refused, when, by whom, on which questionnaire, and the question's wording), then the questions
 * the answers led to, in order, worded as the operator read them, each with its answer as a
 * person reads it. Esc closes. */
import { useEffect, useRef } from "react";
import type { ConsentView, InterviewView, StaffView } from "../api/bindings";
import { useLang } from "../i18n";
import { interviewStatusLabel, stopLabel } from "../labels";

interface Props {
  name: string;
  /** Null: the case has no interview. */
  view: InterviewView | null;
  /** The people, to name the operator who asked for consent. */
  staff: readonly StaffView[];
  onClose: () => void;
}

export function InterviewReview({ name, view, staff, onClose }: Props) {
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
            <ConsentBlock consent={view.consent} staff={staff} />
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

/** The record of consent: given or refused, the answer, when, by which operator (their id when
 * they are not among the people), the questionnaire's version, and the question's wording. */
function ConsentBlock({ consent, staff }: { consent: ConsentView | null; staff: readonly StaffView[] }) {
  const { t } = useLang();
  if (!consent) {
    return (
      <section className="review-consent" aria-labelledby="consent-title" data-testid="review-consent">
        <h3 className="review-consent-title" id="consent-title">
          {t("consent.title")}
        </h3>
        <p className="muted" data-testid="consent-none">
          {t("consent.none")}
        </p>
      </section>
    );
  }
  const operator = staff.find((s) => s.id === consent.operatorId)?.fullName ?? consent.operatorId;
  return (
    <section
      className={`review-consent ${consent.given ? "is-given" : "is-refused"}`}
      aria-labelledby="consent-title"
      data-testid="review-consent"
      data-given={consent.given}
    >
      <h3 className="review-consent-title" id="consent-title">
        {t("consent.title")}{" "}
        <span className={`badge ${consent.given ? "consent-given" : "consent-refused"}`} data-testid="consent-status">
          {t(consent.given ? "consent.given" : "consent.refused")}
        </span>
      </h3>
      <dl className="consent-facts">
        <div>
          <dt>{t("consent.answer")}</dt>
          <dd data-testid="consent-answer" lang="vi">
            {consent.answer}
          </dd>
        </div>
        <div>
          <dt>{t("consent.at")}</dt>
          <dd className="mono" data-testid="consent-at">
            {consent.at}
          </dd>
        </div>
        <div>
          <dt>{t("consent.operator")}</dt>
          <dd data-testid="consent-operator">{operator}</dd>
        </div>
        <div>
          <dt>{t("consent.questionnaire")}</dt>
          <dd className="mono" data-testid="consent-questionnaire">
            {consent.questionnaire}
          </dd>
        </div>
      </dl>
      <details className="consent-wording" data-testid="consent-wording">
        <summary>{t("consent.wording")}</summary>
        <p lang="vi" data-testid="consent-question">
          {consent.question}
        </p>
      </details>
    </section>
  );
}
