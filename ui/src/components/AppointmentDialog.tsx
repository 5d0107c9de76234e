/** Asks for the callback time agreed with the respondent before a callback is recorded. */
import { useEffect, useRef, useState } from "react";
import { appointmentValue } from "../datetime";
import { useLang } from "../i18n";

interface Props {
  initial: string;
  busy: boolean;
  onConfirm: (appointmentAt: string) => void;
  onCancel: () => void;
}

export function AppointmentDialog({ initial, busy, onConfirm, onCancel }: Props) {
  const { t } = useLang();
  const [value, setValue] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
  }, []);
  const parsed = appointmentValue(value);
  return (
    <div className="overlay">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="appointment-title"
        data-testid="appointment-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (parsed) onConfirm(parsed);
        }}
      >
        <h2 id="appointment-title" className="dialog-title">
          {t("appt.title")}
        </h2>
        <label className="field-label" htmlFor="appointment-input">
          {t("appt.label")}
        </label>
        <input
          ref={input}
          id="appointment-input"
          className="input"
          type="datetime-local"
          data-testid="appointment-input"
          value={value}
          required
          onChange={(e) => setValue(e.target.value)}
        />
        <div className="dialog-actions">
          <button type="button" className="btn" data-testid="appointment-cancel" onClick={onCancel}>
            {t("common.cancel")}
          </button>
          <button
            type="submit"
            className="btn btn-primary"
            data-testid="appointment-confirm"
            disabled={busy || !parsed}
          >
            {t("appt.confirm")}
          </button>
        </div>
      </form>
    </div>
  );
}
