/** Asks for the note an outcome requires (a soft refusal, a break-off…) before it is recorded:
 * Enter records, Shift+Enter starts a new line, Esc goes back; an empty note is refused here. */
import { useEffect, useRef, useState } from "react";
import { useLang } from "../i18n";
import { DialogActions } from "./DialogActions";

interface Props {
  /** The outcome's label, in the current language. */
  outcome: string;
  initial: string;
  busy: boolean;
  onConfirm: (note: string) => void;
  onCancel: () => void;
}

/** The same limit as the core's. */
const NOTE_MAX = 1000;

export function NoteDialog({ outcome, initial, busy, onConfirm, onCancel }: Props) {
  const { t } = useLang();
  const [value, setValue] = useState(initial);
  const [refused, setRefused] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = field.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const submit = () => {
    const note = value.trim();
    if (note === "") {
      setRefused(true);
      field.current?.focus();
      return;
    }
    if (!busy) onConfirm(note);
  };
  return (
    <div className="overlay">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="note-title"
        aria-describedby="note-explain"
        data-testid="note-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 id="note-title" className="dialog-title">
          {t("note.title", { outcome })}
        </h2>
        <p className="dialog-note" id="note-explain">
          {t("note.explain")}
        </p>
        <label className="field-label" htmlFor="note-required">
          {t("note.label")}
        </label>
        <textarea
          ref={field}
          id="note-required"
          className="note"
          data-testid="note-required"
          rows={3}
          maxLength={NOTE_MAX}
          value={value}
          aria-invalid={refused}
          aria-errormessage={refused ? "note-refused" : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            if (e.target.value.trim() !== "") setRefused(false);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
        />
        {refused && (
          <p className="field-error" id="note-refused" role="alert" data-testid="note-refused">
            {t("note.empty")}
          </p>
        )}
        <DialogActions testId="note" confirmLabel={t("note.confirm")} busy={busy} onCancel={onCancel} />
      </form>
    </div>
  );
}
