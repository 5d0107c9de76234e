/** Puts a person on campaigns or takes them off: a box per campaign; Enter saves the changes,
 * Esc closes. The core's refusals are shown in place. */
import { useEffect, useRef, useState } from "react";
import type { CampaignView, PersonView } from "../api/bindings";
import { useLang } from "../i18n";
import { DialogActions } from "./DialogActions";
import { enterSubmits, escapeCloses, useAction } from "./dialogs";
import { FormError } from "./FormError";

/** One campaign to put the person on (`assigned`) or take them off. */
export interface AssignChange {
  campaign: string;
  assigned: boolean;
}

interface Props {
  person: PersonView;
  campaigns: readonly CampaignView[];
  onSave: (changes: AssignChange[]) => Promise<void>;
  onCancel: () => void;
}

export function AssignDialog({ person, campaigns, onSave, onCancel }: Props) {
  const { t } = useLang();
  const [codes, setCodes] = useState<string[]>(person.campaigns);
  const action = useAction();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);
  const changes: AssignChange[] = campaigns
    .filter((c) => codes.includes(c.code) !== person.campaigns.includes(c.code))
    .map((c) => ({ campaign: c.code, assigned: codes.includes(c.code) }));
  return (
    <div className="overlay" onKeyDown={escapeCloses(onCancel)}>
      <form
        className="dialog dialog-form"
        role="dialog"
        aria-modal="true"
        aria-labelledby="assign-title"
        aria-describedby="assign-text"
        data-testid="assign-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(() => onSave(changes));
        }}
      >
        <h2 id="assign-title" className="dialog-title">
          {t("person.assignTitle", { name: person.fullName })}
        </h2>
        <p className="dialog-note" id="assign-text">
          {t("person.assignText")}
        </p>
        <fieldset className="choice-group person-campaigns">
          <legend className="sr-only">{t("person.campaigns")}</legend>
          {campaigns.length === 0 && <p className="muted">{t("person.noCampaigns")}</p>}
          {campaigns.map((c, i) => (
            <label key={c.id} className="check">
              <input
                ref={i === 0 ? first : undefined}
                type="checkbox"
                data-testid={`assign-${c.code}`}
                checked={codes.includes(c.code)}
                onChange={(e) =>
                  setCodes(e.target.checked ? [...codes, c.code] : codes.filter((code) => code !== c.code))
                }
                onKeyDown={enterSubmits}
              />
              <span>
                {c.code} — {c.name}
              </span>
            </label>
          ))}
        </fieldset>
        {action.error && <FormError error={action.error} testId="assign-error" />}
        <DialogActions testId="assign" confirmLabel={t("person.assignConfirm")} busy={action.busy} onCancel={onCancel} />
      </form>
    </div>
  );
}
