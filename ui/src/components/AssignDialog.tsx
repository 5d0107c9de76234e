/** Puts a person on campaigns or takes them off: a box per campaign; Enter saves the changes,
 * Esc closes. The core's refusals are shown in place. */
import { useEffect, useRef, useState } from "react";
import type { CampaignView, PersonView } from "../api/bindings";
import { useLang } from "../i18n";
import { CampaignChecks } from "./CampaignChecks";
import { DialogActions } from "./DialogActions";
import { DialogForm } from "./DialogForm";
import { useAction } from "./dialogs";
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
    <DialogForm
      titleId="assign-title"
      title={t("person.assignTitle", { name: person.fullName })}
      testId="assign-dialog"
      describedBy="assign-text"
      onSubmit={() => void action.run(() => onSave(changes))}
      onCancel={onCancel}
    >
      <p className="dialog-note" id="assign-text">
        {t("person.assignText")}
      </p>
      <CampaignChecks
        campaigns={campaigns}
        codes={codes}
        onChange={setCodes}
        testIdPrefix="assign"
        legendHidden
        firstRef={first}
      />
      {action.error && <FormError error={action.error} testId="assign-error" />}
      <DialogActions testId="assign" confirmLabel={t("person.assignConfirm")} busy={action.busy} onCancel={onCancel} />
    </DialogForm>
  );
}
