/** Confirms taking a case back from the operator holding it (a workstation left on, a call
 * abandoned). Cancel has the focus, so Enter alone never takes a case away; Esc cancels. */
import { useEffect, useRef } from "react";
import { useLang } from "../i18n";

interface Props {
  name: string;
  holder: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ForceReleaseDialog({ name, holder, busy, onConfirm, onCancel }: Props) {
  const { t } = useLang();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
  }, []);
  return (
    <div
      className="overlay"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="release-title"
        aria-describedby="release-text"
        data-testid="release-dialog"
      >
        <h2 id="release-title" className="dialog-title">
          {t("fr.title")}
        </h2>
        <p className="dialog-text" id="release-text" data-testid="release-text">
          {t("fr.text", { name, holder })}
        </p>
        <p className="dialog-note">{t("fr.when")}</p>
        <div className="dialog-actions">
          <button ref={cancel} type="button" className="btn" data-testid="release-cancel" onClick={onCancel}>
            {t("common.cancel")}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            data-testid="release-confirm"
            disabled={busy}
            onClick={onConfirm}
          >
            {t("fr.confirm")}
          </button>
        </div>
      </div>
    </div>
  );
}
