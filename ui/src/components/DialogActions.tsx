/** The cancel and confirm buttons at the foot of a desk dialog form: Enter confirms (submit), Esc or Hủy cancels. */
import { useLang } from "../i18n";

interface Props {
  /** Test ids are `<testId>-cancel` and `<testId>-confirm`. */
  testId: string;
  confirmLabel: string;
  busy: boolean;
  onCancel: () => void;
}

export function DialogActions({ testId, confirmLabel, busy, onCancel }: Props) {
  const { t } = useLang();
  return (
    <div className="dialog-actions">
      <button type="button" className="btn" data-testid={`${testId}-cancel`} onClick={onCancel}>
        {t("common.cancel")}
      </button>
      <button type="submit" className="btn btn-primary" data-testid={`${testId}-confirm`} disabled={busy}>
        {confirmLabel} <kbd className="key key-light">Enter</kbd>
      </button>
    </div>
  );
}
