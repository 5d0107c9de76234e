/** The interview panel: the question to ask now, worded by the core with the respondent's details,
 * read out as it stands; the operator's instruction apart, never read out; each answer saved at once.
 * Keys: a digit answers a choice (ticks one of a multiple choice), Enter saves what is typed or
 * ticked (empty passes over an optional question), Backspace goes back a question, Esc returns to
 * the question to ask; at the end the closing words and Enter records the suggested outcome. */
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from "react";
import type { InterviewView, OptionView, OutcomeView, QuestionView } from "../api/bindings";
import { interviewKeyAction, keyTarget, type InterviewKeyState } from "../hotkeys";
import { useLang } from "../i18n";
import { fieldText, outcomeLabel, parseCodes, stopLabel, toggleCode } from "../labels";

interface Props {
  interview: InterviewView;
  outcomes: readonly OutcomeView[];
  /** A command is running: nothing more is sent until it is back. */
  busy: boolean;
  /** No dialog is open over the desk: the interview's keys act. */
  keysActive: boolean;
  /** Saves one answer; the new view, or null when it was not saved (the banner says why). */
  save: (questionId: string, input: string) => Promise<InterviewView | null>;
  /** Records an outcome through the desk (with its note or callback time, if it needs them). */
  onRecord: (outcome: OutcomeView) => void;
}

type SaveStatus = { state: "saving" | "saved" | "failed"; id: string } | null;

const FIELD_KINDS = new Set(["integer", "text", "date"]);

/** The question after `id` on the path, when it is answered already (the operator steps on through
 * answers given); null: the question to ask now. */
function followingAnswered(view: InterviewView, id: string): string | null {
  const i = view.questions.findIndex((q) => q.id === id);
  const following = i >= 0 ? view.questions[i + 1] : undefined;
  return following?.answer ? following.id : null;
}

export function Interview({ interview, outcomes, busy, keysActive, save, onRecord }: Props) {
  const { lang, t } = useLang();
  const [cursor, setCursor] = useState<string | null>(null);
  const [field, setField] = useState("");
  const [status, setStatus] = useState<SaveStatus>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  useEffect(() => {
    setCursor(null);
    setStatus(null);
  }, [interview.id]);

  const path = interview.questions;
  const shownId = cursor !== null && path.some((q) => q.id === cursor) ? cursor : interview.next;
  const index = shownId === null ? path.length : path.findIndex((q) => q.id === shownId);
  const question: QuestionView | null = path[index] ?? null;
  const reviewing = question !== null && question.id !== interview.next;
  const givenCode = question?.answer?.code ?? null;
  const suggested = outcomes.find((o) => o.code === interview.suggestedOutcome) ?? null;

  // A question shown afresh starts from its given answer (or empty), focused where the keys go.
  useEffect(() => {
    setField(question && givenCode !== null ? fieldText(question.kind, givenCode) : "");
    // A field to type in takes the keys; otherwise the panel does (digits answer or tick).
    if (question && FIELD_KINDS.has(question.kind)) inputRef.current?.focus({ preventScroll: true });
    else panelRef.current?.focus({ preventScroll: true });
  }, [question?.id, question?.kind, givenCode]);

  const submit = async (input: string) => {
    if (!question || busy) return;
    const id = question.id;
    // The answer given, kept as it is: nothing to save, on to the next question.
    if (givenCode !== null && input.trim() === fieldText(question.kind, givenCode).trim()) {
      setCursor(followingAnswered(interview, id));
      return;
    }
    setStatus({ state: "saving", id });
    const view = await save(id, input);
    setStatus({ state: view ? "saved" : "failed", id });
    if (view) setCursor(followingAnswered(view, id));
  };

  const back = () => {
    const previous = path[index - 1];
    if (previous) setCursor(previous.id);
  };

  const enter = () => {
    if (!question) return;
    if (question.kind === "single" || question.kind === "scale") {
      // Enter keeps an answer given, or passes over an optional question.
      if (givenCode !== null) void submit(givenCode);
      else if (!question.required) void submit("");
    } else {
      void submit(field);
    }
  };

  const keyState: InterviewKeyState = {
    kind: question?.kind ?? null,
    codes: question?.options.map((o) => o.code) ?? [],
    fieldEmpty: field.trim() === "",
    canGoBack: index > 0,
    hasSuggested: suggested !== null,
    busy: busy || !keysActive,
  };
  const latest = useRef({ keyState, submit, back, enter, field, suggested, onRecord });
  latest.current = { keyState, submit, back, enter, field, suggested, onRecord };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = keyTarget(e.target);
      // Typing a note is never an answer: only this panel's field counts as ours.
      if (target === "text" && e.target !== inputRef.current) return;
      const now = latest.current;
      const action = interviewKeyAction(
        { key: e.key, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey, repeat: e.repeat, target },
        now.keyState,
      );
      if (!action) return;
      e.preventDefault();
      switch (action.type) {
        case "choose":
          void now.submit(action.code);
          break;
        case "toggle":
          setField((f) => toggleCode(f, action.code));
          break;
        case "submit":
          now.enter();
          break;
        case "back":
          now.back();
          break;
        case "current":
          setCursor(null);
          break;
        case "recordSuggested":
          if (now.suggested) now.onRecord(now.suggested);
          break;
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const currentSection = question?.sectionId ?? null;
  const sectionTitle = (id: string) => {
    const s = interview.sections.find((x) => x.id === id);
    return s ? (lang === "en" && s.titleEn ? s.titleEn : s.title) : id;
  };

  return (
    <section className="panel interview" data-testid="interview" aria-labelledby="interview-title">
      <div className="interview-head">
        <h2 className="interview-title" id="interview-title">
          {interview.title}
        </h2>
        <span className="progress" data-testid="interview-progress">
          {question ? t("iv.questionOf", { n: index + 1, total: path.length }) : stopLabel(interview.stop, t)}
        </span>
      </div>

      <ol className="sections" data-testid="section-progress" aria-label={t("iv.sections")}>
        {interview.sections.map((s) => {
          const done = s.questions > 0 && s.answered === s.questions;
          return (
            <li
              key={s.id}
              className={`section-step${s.id === currentSection ? " is-current" : ""}${done ? " is-done" : ""}${s.questions === 0 ? " is-off" : ""}`}
              data-testid={`section-${s.id}`}
              aria-current={s.id === currentSection ? "step" : undefined}
            >
              <span className="section-name">{lang === "en" && s.titleEn ? s.titleEn : s.title}</span>{" "}
              <span className="section-count" data-testid={`section-count-${s.id}`}>
                {s.answered}/{s.questions}
              </span>
            </li>
          );
        })}
      </ol>

      {question ? (
        <div className="question" data-testid={`question-${question.id}`} ref={panelRef} tabIndex={-1}>
          <div className="question-meta">
            <span className="question-id">{question.id}</span>
            <span className="question-section">{sectionTitle(question.sectionId)}</span>
            {!question.required && <span className="tag">{t("iv.optional")}</span>}
            <span className="muted question-stop" data-testid="interview-stop">
              {t("iv.stopNow", { stop: stopLabel(interview.stop, t) })}
            </span>
          </div>
          {reviewing && (
            <p className="tag tag-editing" data-testid="reviewing">
              {t("iv.changing")}{" "}
              <button type="button" className="btn btn-link" onClick={() => setCursor(null)}>
                {t("iv.backToCurrent")}
              </button>
            </p>
          )}
          <p className="question-text" data-testid="question-text" lang="vi" aria-live="polite">
            {question.text}
          </p>
          {lang === "en" && question.textEn && (
            <p className="question-text-en" lang="en">
              {question.textEn}
            </p>
          )}
          {question.instruction && (
            <aside className="instruction" data-testid="question-instruction" lang="vi">
              <span className="instruction-label">
                {t("iv.instruction")} · {t("iv.instructionNote")}
              </span>
              <span className="instruction-text">{question.instruction}</span>
            </aside>
          )}
          <Answering
            question={question}
            field={field}
            setField={setField}
            inputRef={inputRef}
            busy={busy}
            onChoose={(code) => void submit(code)}
            onToggle={(code) => setField((f) => toggleCode(f, code))}
            onSubmit={enter}
          />
          {question.answer && (
            <p className="given" data-testid="question-given">
              {t("iv.given", { answer: question.answer.shown })}
            </p>
          )}
          <p className="hint" data-testid="question-keys">
            {keysHint(question, t)} {reviewing && t("iv.keysKeep")} {t("iv.keysBack")}
          </p>
        </div>
      ) : (
        <div className="question question-done" data-testid="interview-closing" ref={panelRef} tabIndex={-1}>
          <p className="closing-label">{t("iv.closing")}</p>
          <p className="question-text closing-text" lang="vi">
            {interview.closing ?? ""}
          </p>
          <p className="closing-stop" data-testid="interview-stop">
            {stopLabel(interview.stop, t)}
          </p>
          {suggested && (
            <button
              type="button"
              className="btn btn-primary btn-large"
              data-testid="record-suggested"
              disabled={busy}
              onClick={() => onRecord(suggested)}
            >
              {t("iv.record", { outcome: outcomeLabel(suggested.code, outcomes, lang), code: suggested.code })}{" "}
              <kbd className="key key-light">Enter</kbd>
            </button>
          )}
          <p className="hint">{t("iv.keysBack")}</p>
        </div>
      )}

      <p className={`save-status${status?.state === "failed" ? " is-failed" : ""}`} data-testid="save-status" aria-live="polite">
        {status?.state === "saving" && t("iv.saving")}
        {status?.state === "saved" && `✓ ${t("iv.saved", { id: status.id })}`}
        {status?.state === "failed" && t("iv.saveFailed", { id: status.id })}
        {interview.setAside > 0 && (
          <span className="muted" data-testid="set-aside">
            {" "}
            {t("iv.setAside", { n: interview.setAside })}
          </span>
        )}
      </p>

      <h3 className="subhead">{t("iv.questions")}</h3>
      <p className="hint">{t("iv.change")}</p>
      <ol className="qlist" data-testid="question-list">
        {path.map((q) => {
          const isCurrent = q.id === question?.id;
          return (
            <li key={q.id}>
              <button
                type="button"
                className={`qlist-item${isCurrent ? " is-current" : ""}${q.answer ? " is-answered" : ""}`}
                data-testid={`qlist-${q.id}`}
                disabled={busy}
                aria-current={isCurrent ? "step" : undefined}
                onClick={() => setCursor(q.id === interview.next ? null : q.id)}
              >
                <span className="qlist-mark">
                  {q.answer && (
                    <span className="saved-mark" data-testid={`saved-${q.id}`} title={t("iv.savedMark")} aria-label={t("iv.savedMark")}>
                      ✓
                    </span>
                  )}
                </span>
                <span className="qlist-id">{q.id}</span>
                <span className="qlist-text">{q.text}</span>
                <span className="qlist-answer" data-testid={`qlist-answer-${q.id}`}>
                  {q.answer ? q.answer.shown : "—"}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function keysHint(q: QuestionView, t: ReturnType<typeof useLang>["t"]): string {
  const parts: string[] = [];
  if (q.kind === "single" || q.kind === "scale") parts.push(t("iv.keysChoice"));
  else if (q.kind === "multiple") parts.push(t("iv.keysMultiple", { max: q.maxChoices ?? q.options.length }));
  else parts.push(t("iv.keysField"));
  if (!q.required) parts.push(t("iv.keysOptional"));
  return parts.join(" ");
}

interface AnsweringProps {
  question: QuestionView;
  field: string;
  setField: (value: string) => void;
  inputRef: RefObject<(HTMLInputElement & HTMLTextAreaElement) | null>;
  busy: boolean;
  onChoose: (code: string) => void;
  onToggle: (code: string) => void;
  onSubmit: () => void;
}

/** The options to press, or the field to type in. */
function Answering({ question, field, setField, inputRef, busy, onChoose, onToggle, onSubmit }: AnsweringProps) {
  const { lang, t } = useLang();
  const q = question;
  const ticked = q.kind === "multiple" ? parseCodes(field) : [];
  const chosen = (o: OptionView) => (q.kind === "multiple" ? ticked.includes(o.code) : q.answer?.code === o.code);
  const option = (o: OptionView) => (
    <button
      key={o.code}
      type="button"
      className={`btn ${q.kind === "scale" ? "btn-choice" : "btn-option"}${chosen(o) ? " is-chosen" : ""}${o.code === "0" && q.kind === "scale" ? " choice-dk" : ""}${o.ends ? " option-ends" : ""}`}
      data-testid={`answer-${q.id}-${o.code}`}
      disabled={busy}
      aria-pressed={chosen(o)}
      onClick={() => (q.kind === "multiple" ? onToggle(o.code) : onChoose(o.code))}
    >
      <kbd className="key">{o.code}</kbd>
      <span className="option-text">
        <span lang="vi">{o.text}</span>
        {lang === "en" && o.textEn && <span className="option-en">{o.textEn}</span>}
        {o.ends && <span className="option-note">{t("iv.ends")}</span>}
      </span>
    </button>
  );
  const onFieldKey = (e: ReactKeyboardEvent) => {
    // Enter is the interview's (the window listener saves); no newline in a comment.
    if (e.key === "Enter" && q.kind === "text") e.preventDefault();
  };

  if (q.kind === "scale") {
    return (
      <div className="choices" role="group" aria-label={q.id}>
        {q.options.map(option)}
      </div>
    );
  }
  if (q.kind === "single") {
    return (
      <div className="options" role="group" aria-label={q.id}>
        {q.options.map(option)}
      </div>
    );
  }
  const placeholder =
    q.kind === "multiple"
      ? t("iv.codesPlaceholder")
      : q.kind === "date"
        ? t("iv.datePlaceholder")
        : q.kind === "text"
          ? t("iv.textPlaceholder")
          : q.min !== null && q.max !== null
            ? t("iv.numberRange", { min: q.min, max: q.max })
            : "";
  const fieldRow = (
    <div className="answer-row">
      {q.kind === "text" ? (
        <textarea
          ref={inputRef}
          className="input answer-input"
          data-testid="answer-input"
          rows={2}
          maxLength={q.maxLength ?? undefined}
          value={field}
          placeholder={placeholder}
          aria-label={q.id}
          onKeyDown={onFieldKey}
          onChange={(e) => setField(e.target.value)}
        />
      ) : (
        <input
          ref={inputRef}
          type="text"
          inputMode={q.kind === "date" ? "text" : "numeric"}
          className="input answer-input"
          data-testid="answer-input"
          value={field}
          placeholder={placeholder}
          aria-label={q.kind === "multiple" ? t("iv.codes") : q.id}
          onChange={(e) => setField(e.target.value)}
        />
      )}
      <button type="button" className="btn btn-primary" data-testid="answer-save" disabled={busy} onClick={onSubmit}>
        {field.trim() === "" && !q.required ? t("iv.pass") : t("iv.save")}
      </button>
    </div>
  );
  if (q.kind === "multiple") {
    return (
      <>
        <div className="options options-multiple" role="group" aria-label={q.id}>
          {q.options.map(option)}
        </div>
        <label className="field-label">{t("iv.codes")}</label>
        {fieldRow}
      </>
    );
  }
  return fieldRow;
}
