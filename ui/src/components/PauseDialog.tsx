/** Asks why the operator stops taking calls: one of the reasons the core offers, or their own
 * words. Enter confirms, Esc goes back; the core's refusal (a case still held) shows in place. */
import { useEffect, useRef, useState } from "react";
import { commands } from "../api/bindings";
import { useLang } from "../i18n";
import { DialogActions } from "./DialogActions";
import { DialogForm } from "./DialogForm";
import { useAction } from "./dialogs";
import { FormError } from "./FormError";

interface Props {
  onPause: (reason: string) => Promise<void>;
  onCancel: () => void;
}

const OTHER = "";

export function PauseDialog({ onPause, onCancel }: Props) {
  const { t } = useLang();
  const [reasons, setReasons] = useState<string[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [other, setOther] = useState("");
  const [empty, setEmpty] = useState(false);
  const action = useAction();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    commands.pauseReasons().then((got) => {
      setReasons(got);
      setChosen(got[0] ?? OTHER);
    }, () => setChosen(OTHER));
  }, []);
  useEffect(() => {
    first.current?.focus();
  }, [reasons]);

  const reason = chosen === OTHER ? other.trim() : (chosen ?? "");
  const submit = () => {
    if (reason === "") {
      action.clear();
      setEmpty(true);
      return;
    }
    void action.run(() => onPause(reason));
  };

  return (
    <DialogForm titleId="pause-title" title={t("pause.title")} testId="pause-dialog" onSubmit={submit} onCancel={onCancel}>
      <fieldset className="choice-list">
        <legend className="field-label">{t("pause.reason")}</legend>
        {reasons.map((r, i) => (
          <label key={r} className="check">
            <input
              ref={i === 0 ? first : undefined}
              type="radio"
              name="pause-reason"
              data-testid="pause-reason"
              value={r}
              checked={chosen === r}
              onChange={() => setChosen(r)}
            />
            <span>{r}</span>
          </label>
        ))}
        <label className="check">
          <input
            type="radio"
            name="pause-reason"
            data-testid="pause-reason-other"
            checked={chosen === OTHER}
            onChange={() => setChosen(OTHER)}
          />
          <span>{t("pause.other")}</span>
        </label>
        {chosen === OTHER && (
          <input
            className="input"
            data-testid="pause-other"
            maxLength={100}
            value={other}
            aria-label={t("pause.other")}
            aria-invalid={empty}
            onChange={(e) => {
              setOther(e.target.value);
              if (e.target.value.trim() !== "") setEmpty(false);
            }}
          />
        )}
      </fieldset>
      {empty && (
        <p className="field-error" role="alert" data-testid="pause-empty">
          {t("pause.empty")}
        </p>
      )}
      {action.error && <FormError error={action.error} testId="pause-error" />}
      <DialogActions testId="pause" confirmLabel={t("pause.confirm")} busy={action.busy} onCancel={onCancel} />
    </DialogForm>
  );
}
