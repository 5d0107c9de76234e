/** Records a person's request about their data: its kind, their phone number, the day it came and
 * what they asked. A deletion or a withdrawal needs the number and asks once more, saying what it
 * does at once: the person's name and number leave every campaign and their calls stop. Enter
 * goes on, Esc closes (from the confirmation: back to the form); the core's refusals are shown in
 * the form. */
import { useEffect, useRef, useState } from "react";
import type { NewRequest, RequestKind } from "../api/bindings";
import { readDay, todayIn, type DayReading } from "../datetime";
import { useLang } from "../i18n";
import { forgets, requestKindLabel } from "../labels";
import { DialogForm } from "./DialogForm";
import { enterSubmits, escapeCloses, useAction } from "./dialogs";
import { FormError } from "./FormError";

const KINDS: readonly RequestKind[] = ["access", "correct", "delete", "withdraw"];
/** The register keeps Vietnam's days. */
const ZONE = "Asia/Ho_Chi_Minh";

interface Props {
  /** Today by the app's clock, `yyyy-mm-dd` (the core's today, KHAOSAT_NOW included). */
  today: string | null;
  onAdd: (req: NewRequest) => Promise<void>;
  onCancel: () => void;
}

type DateProblem = Extract<DayReading, { ok: false }>["problem"];

export function NewRequestDialog({ today, onAdd, onCancel }: Props) {
  const { t } = useLang();
  const [kind, setKind] = useState<RequestKind>("access");
  const [phone, setPhone] = useState("");
  const [receivedOn, setReceivedOn] = useState(() =>
    today ? today.split("-").reverse().join("/") : todayIn(ZONE),
  );
  const [note, setNote] = useState("");
  const [phoneMissing, setPhoneMissing] = useState(false);
  const [dateProblem, setDateProblem] = useState<DateProblem | null>(null);
  /** A deletion or a withdrawal waiting for its confirmation. */
  const [confirming, setConfirming] = useState<NewRequest | null>(null);
  const action = useAction();
  const kindField = useRef<HTMLInputElement>(null);
  const phoneField = useRef<HTMLInputElement>(null);
  const dateField = useRef<HTMLInputElement>(null);
  const back = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) back.current?.focus();
    else kindField.current?.focus();
  }, [confirming]);

  const submit = () => {
    action.clear();
    const day = readDay(receivedOn);
    const missing = forgets(kind) && phone.trim() === "";
    setDateProblem(day.ok ? null : day.problem);
    setPhoneMissing(missing);
    if (missing) {
      phoneField.current?.focus();
      return;
    }
    if (!day.ok) {
      dateField.current?.focus();
      return;
    }
    const req: NewRequest = { kind, phone: phone.trim() === "" ? null : phone.trim(), receivedOn: day.iso, note };
    if (forgets(kind)) setConfirming(req);
    else void action.run(() => onAdd(req));
  };

  /** The confirmed deletion or withdrawal; refused, the form shows why. */
  const forget = (req: NewRequest) =>
    void action.run(async () => {
      try {
        await onAdd(req);
      } catch (e) {
        setConfirming(null);
        throw e;
      }
    });

  if (confirming) {
    return (
      <div className="overlay" onKeyDown={escapeCloses(() => setConfirming(null))}>
        <div
          className="dialog"
          role="alertdialog"
          aria-modal="true"
          aria-labelledby="forget-title"
          aria-describedby="forget-text"
          data-testid="request-confirm-step"
        >
          <h2 id="forget-title" className="dialog-title">
            {t("req.confirmTitle", { phone: confirming.phone ?? "" })}
          </h2>
          <p className="dialog-text" id="forget-text" data-testid="request-confirm-text">
            {t("req.confirmText", { kind: requestKindLabel(confirming.kind, t) })}
          </p>
          <p className="dialog-note">{t("req.confirmKeep")}</p>
          <div className="dialog-actions">
            <button ref={back} type="button" className="btn" data-testid="request-back" onClick={() => setConfirming(null)}>
              {t("req.back")}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              data-testid="request-forget"
              disabled={action.busy}
              onClick={() => forget(confirming)}
            >
              {t("req.forget")}
            </button>
          </div>
        </div>
      </div>
    );
  }

  return (
    <DialogForm
      titleId="request-title"
      title={t("req.newTitle")}
      testId="request-dialog"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <fieldset className="choice-group request-kinds">
        <legend className="field-label">{t("req.kind")}</legend>
        {KINDS.map((k) => (
          <label key={k} className="check">
            <input
              ref={k === kind ? kindField : undefined}
              type="radio"
              name="request-kind"
              data-testid={`request-kind-${k}`}
              checked={k === kind}
              onChange={() => {
                setKind(k);
                setPhoneMissing(false);
              }}
              onKeyDown={enterSubmits}
            />
            <span>
              <span className="check-main">{requestKindLabel(k, t)}</span>
              <span className="hint check-hint">{t(`req.kindHint.${k}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="field-label" htmlFor="request-phone">
        {t("req.phone")}
      </label>
      <input
        ref={phoneField}
        id="request-phone"
        className="input"
        data-testid="request-phone"
        inputMode="tel"
        autoComplete="off"
        aria-describedby="request-phone-hint"
        aria-invalid={phoneMissing}
        value={phone}
        onChange={(e) => {
          setPhone(e.target.value);
          if (e.target.value.trim() !== "") setPhoneMissing(false);
        }}
      />
      {phoneMissing ? (
        <p className="field-error" id="request-phone-hint" role="alert" data-testid="request-phone-missing">
          {t("req.phoneMissing")}
        </p>
      ) : (
        <p className="hint" id="request-phone-hint">
          {t(forgets(kind) ? "req.phoneNeeded" : "req.phoneHint")}
        </p>
      )}
      <label className="field-label" htmlFor="request-received-on">
        {t("req.receivedOn")}
      </label>
      <input
        ref={dateField}
        id="request-received-on"
        className="input request-date"
        data-testid="request-received-on"
        placeholder="dd/mm/yyyy"
        autoComplete="off"
        aria-describedby="request-date-hint"
        aria-invalid={dateProblem !== null}
        value={receivedOn}
        onChange={(e) => {
          setReceivedOn(e.target.value);
          setDateProblem(null);
        }}
      />
      {dateProblem ? (
        <p className="field-error" id="request-date-hint" role="alert" data-testid="request-date-problem">
          {dateProblem === "empty"
            ? t("req.dateEmpty")
            : t(dateProblem === "unreadable" ? "req.dateUnreadable" : "req.dateImpossible", { value: receivedOn.trim() })}
        </p>
      ) : (
        <p className="hint" id="request-date-hint">
          {t("req.receivedHint", { example: todayIn(ZONE) })}
        </p>
      )}
      <label className="field-label" htmlFor="request-note">
        {t("req.note")}
      </label>
      <textarea
        id="request-note"
        className="note"
        data-testid="request-note"
        rows={2}
        placeholder={t("req.notePlaceholder")}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
      {action.error && <FormError error={action.error} testId="request-error" />}
      <div className="dialog-actions">
        <button type="button" className="btn" data-testid="request-cancel" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="submit" className="btn btn-primary" data-testid="request-confirm" disabled={action.busy}>
          {t(forgets(kind) ? "req.continue" : "req.record")} <kbd className="key key-light">Enter</kbd>
        </button>
      </div>
    </DialogForm>
  );
}
