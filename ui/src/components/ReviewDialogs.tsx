/** The review's two dialogs: returning an interview to its operator with the reason (required),
 * and correcting one answer with the new value, typed as an operator types it, and the reason.
 * Enter confirms, Esc goes back; an empty reason is refused here, the core's refusals (a value
 * the question does not take, a change that would leave the interview unfinished) in place. */
import { useEffect, useRef, useState } from "react";
import type { QuestionView } from "../api/bindings";
import { useLang } from "../i18n";
import { DialogActions } from "./DialogActions";
import { DialogForm } from "./DialogForm";
import { useAction } from "./dialogs";
import { FormError } from "./FormError";

/** The reason field both dialogs share: required, one line. */
function ReasonField({
  id,
  value,
  empty,
  autoFocus,
  required = true,
  onChange,
}: {
  id: string;
  value: string;
  empty: boolean;
  autoFocus: boolean;
  required?: boolean;
  onChange: (value: string) => void;
}) {
  const { t } = useLang();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);
  useEffect(() => {
    if (empty) field.current?.focus();
  }, [empty]);
  return (
    <>
      <label className="field-label" htmlFor={id}>
        {required ? t("rv.reason") : t("rv.note")}
      </label>
      <input
        ref={field}
        id={id}
        className="input"
        data-testid={id}
        maxLength={500}
        value={value}
        aria-invalid={empty}
        aria-errormessage={empty ? `${id}-empty` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {empty && (
        <p className="field-error" id={`${id}-empty`} role="alert" data-testid={`${id}-empty`}>
          {t("rv.reasonEmpty")}
        </p>
      )}
    </>
  );
}

export function ReturnDialog({
  who,
  onReturn,
  onCancel,
}: {
  /** The interview, as the queue names it. */
  who: string;
  onReturn: (reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useLang();
  const [reason, setReason] = useState("");
  const [empty, setEmpty] = useState(false);
  const action = useAction();
  const submit = () => {
    if (reason.trim() === "") {
      action.clear();
      setEmpty(true);
      return;
    }
    void action.run(() => onReturn(reason.trim()));
  };
  return (
    <DialogForm
      titleId="review-return-title"
      title={t("rv.returnTitle", { who })}
      testId="review-return-dialog"
      describedBy="review-return-explain"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <p className="dialog-note" id="review-return-explain">
        {t("rv.returnExplain")}
      </p>
      <ReasonField
        id="review-return-reason"
        value={reason}
        empty={empty}
        autoFocus
        onChange={(value) => {
          setReason(value);
          if (value.trim() !== "") setEmpty(false);
        }}
      />
      {action.error && <FormError error={action.error} testId="review-return-error" />}
      <DialogActions testId="review-return" confirmLabel={t("rv.returnConfirm")} busy={action.busy} onCancel={onCancel} />
    </DialogForm>
  );
}

export function CorrectDialog({
  question,
  reasonRequired = true,
  onCorrect,
  onCancel,
}: {
  question: QuestionView;
  /** A supervisor's correction needs a reason; an operator's of a returned interview may have one. */
  reasonRequired?: boolean;
  onCorrect: (value: string, reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useLang();
  const [value, setValue] = useState(question.answer?.code ?? "");
  const [reason, setReason] = useState("");
  const [empty, setEmpty] = useState(false);
  const action = useAction();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  const submit = () => {
    if (reasonRequired && reason.trim() === "") {
      action.clear();
      setEmpty(true);
      return;
    }
    void action.run(() => onCorrect(value, reason.trim()));
  };
  const choices = question.options.map((o) => `${o.code} — ${o.text}`).join(" · ");
  return (
    <DialogForm
      titleId="review-correct-title"
      title={t("rv.correctTitle")}
      testId="review-correct-dialog"
      describedBy="review-correct-question"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <p className="dialog-text" id="review-correct-question" lang="vi">
        {question.text}
      </p>
      <p className="dialog-note" data-testid="review-correct-was">
        {t("rv.correctWas", { answer: question.answer?.shown ?? t("iv.notAnswered") })}
      </p>
      <label className="field-label" htmlFor="review-correct-value">
        {t("rv.correctValue")}
      </label>
      <input
        ref={field}
        id="review-correct-value"
        className="input"
        data-testid="review-correct-value"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      {choices && (
        <p className="hint" data-testid="review-correct-choices">
          {choices}
        </p>
      )}
      <ReasonField
        id="review-correct-reason"
        value={reason}
        empty={empty}
        autoFocus={false}
        required={reasonRequired}
        onChange={(next) => {
          setReason(next);
          if (next.trim() !== "") setEmpty(false);
        }}
      />
      {action.error && <FormError error={action.error} testId="review-correct-error" />}
      <DialogActions testId="review-correct" confirmLabel={t("rv.correctConfirm")} busy={action.busy} onCancel={onCancel} />
    </DialogForm>
  );
}
