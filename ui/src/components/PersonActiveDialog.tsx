/** Confirms disabling a login (their held cases go back to the pool) or enabling it again.
 * Cancel has the focus, so Enter alone never locks anyone out; Esc cancels. */
import { useEffect, useRef } from "react";
import type { PersonView } from "../api/bindings";
import { useLang } from "../i18n";
import { escapeCloses, useAction } from "./dialogs";
import { FormError } from "./FormError";

interface Props {
  person: PersonView;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}

export function PersonActiveDialog({ person, onConfirm, onCancel }: Props) {
  const { t } = useLang();
  const action = useAction();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
  }, []);
  const disabling = person.active;
  const vars = { login: person.login, name: person.fullName };
  return (
    <div className="overlay" onKeyDown={escapeCloses(onCancel)}>
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="active-title"
        aria-describedby="active-text"
        data-testid="active-dialog"
      >
        <h2 id="active-title" className="dialog-title">
          {t(disabling ? "person.disableTitle" : "person.enableTitle", vars)}
        </h2>
        <p className="dialog-text" id="active-text">
          {t(disabling ? "person.disableText" : "person.enableText", vars)}
        </p>
        {action.error && <FormError error={action.error} testId="active-error" />}
        <div className="dialog-actions">
          <button ref={cancel} type="button" className="btn" data-testid="active-cancel" onClick={onCancel}>
            {t("common.cancel")}
          </button>
          <button
            type="button"
            className={`btn ${disabling ? "btn-danger" : "btn-primary"}`}
            data-testid="active-confirm"
            disabled={action.busy}
            onClick={() => void action.run(onConfirm)}
          >
            {t(disabling ? "person.disableConfirm" : "person.enableConfirm")}
          </button>
        </div>
      </div>
    </div>
  );
}
