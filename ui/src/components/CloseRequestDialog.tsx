/** Closes a request about personal data with how the person was answered, today: Enter closes,
 * Shift+Enter starts a new line, Esc goes back; an empty answer is refused here, the core's
 * refusals are shown in place. */
import { useEffect, useRef, useState } from "react";
import type { RequestView } from "../api/bindings";
import { useLang } from "../i18n";
import { requestKindLabel } from "../labels";
import { DialogActions } from "./DialogActions";
import { DialogForm } from "./DialogForm";
import { useAction } from "./dialogs";
import { FormError } from "./FormError";

interface Props {
  request: RequestView;
  onClose: (note: string) => Promise<void>;
  onCancel: () => void;
}

export function CloseRequestDialog({ request, onClose, onCancel }: Props) {
  const { t } = useLang();
  const [note, setNote] = useState("");
  const [empty, setEmpty] = useState(false);
  const action = useAction();
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    field.current?.focus();
  }, []);

  const submit = () => {
    if (note.trim() === "") {
      action.clear();
      setEmpty(true);
      field.current?.focus();
      return;
    }
    void action.run(() => onClose(note.trim()));
  };

  return (
    <DialogForm
      titleId="close-request-title"
      title={t("req.closeTitle", { kind: requestKindLabel(request.kind, t), date: request.receivedOn })}
      testId="close-request-dialog"
      describedBy="close-request-explain"
      onSubmit={submit}
      onCancel={onCancel}
    >
      {request.note && (
        <p className="dialog-text request-asked" data-testid="close-request-asked">
          {request.note}
        </p>
      )}
      <p className="dialog-note" id="close-request-explain">
        {t("req.closeExplain")}
      </p>
      <label className="field-label" htmlFor="close-request-note">
        {t("req.closeNote")}
      </label>
      <textarea
        ref={field}
        id="close-request-note"
        className="note"
        data-testid="close-request-note"
        rows={3}
        placeholder={t("req.closePlaceholder")}
        value={note}
        aria-invalid={empty}
        aria-errormessage={empty ? "close-request-empty" : undefined}
        onChange={(e) => {
          setNote(e.target.value);
          if (e.target.value.trim() !== "") setEmpty(false);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
      />
      {empty && (
        <p className="field-error" id="close-request-empty" role="alert" data-testid="close-request-empty">
          {t("req.closeEmpty")}
        </p>
      )}
      {action.error && <FormError error={action.error} testId="close-request-error" />}
      <DialogActions testId="close-request" confirmLabel={t("req.closeConfirm")} busy={action.busy} onCancel={onCancel} />
    </DialogForm>
  );
}
