/** Purges one campaign's personal data. It opens on a dry run, which says what would go ("sẽ xoá
 * họ tên và số điện thoại của N ca và M hồ sơ") or why the core refuses (the list's period not
 * over, a call going on); the purge itself waits for the campaign's code typed in full. Enter
 * purges, Esc closes; the core's refusals are shown in place. */
import { useEffect, useRef, useState } from "react";
import { commands, type ApiError, type CampaignView, type PurgeReport } from "../api/bindings";
import { toApiError } from "../errors";
import { useLang } from "../i18n";
import { whole } from "../numbers";
import { DialogForm } from "./DialogForm";
import { useAction } from "./dialogs";
import { FormError } from "./FormError";

interface Props {
  campaign: CampaignView;
  onPurged: (done: PurgeReport) => void;
  onCancel: () => void;
}

type Preview = { state: "checking" } | { state: "refused"; error: ApiError } | { state: "ready"; report: PurgeReport };

export function PurgeDialog({ campaign, onPurged, onCancel }: Props) {
  const { lang, t } = useLang();
  const [preview, setPreview] = useState<Preview>({ state: "checking" });
  const [code, setCode] = useState("");
  const [wrongCode, setWrongCode] = useState(false);
  const action = useAction();
  const codeField = useRef<HTMLInputElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    commands.purgeCampaign({ campaignId: campaign.id, dryRun: true }).then(
      (report) => live && setPreview({ state: "ready", report }),
      (e: unknown) => live && setPreview({ state: "refused", error: toApiError(e) }),
    );
    return () => {
      live = false;
    };
  }, [campaign.id]);

  useEffect(() => {
    if (preview.state === "ready") codeField.current?.focus();
    else closeButton.current?.focus();
  }, [preview.state]);

  const submit = () => {
    if (code.trim() !== campaign.code) {
      action.clear();
      setWrongCode(true);
      codeField.current?.select();
      return;
    }
    void action.run(async () => onPurged(await commands.purgeCampaign({ campaignId: campaign.id, dryRun: false })));
  };

  return (
    <DialogForm
      titleId="purge-title-dialog"
      title={t("purge.dialogTitle", { code: campaign.code })}
      testId="purge-dialog"
      describedBy={preview.state === "ready" ? "purge-counts" : undefined}
      role="alertdialog"
      busy={preview.state === "checking"}
      onSubmit={() => {
        if (preview.state === "ready") submit();
      }}
      onCancel={onCancel}
    >
      <p className="dialog-note">{campaign.name}</p>
      {preview.state === "checking" && (
        <p className="dialog-text muted" data-testid="purge-checking">
          {t("purge.checking")}
        </p>
      )}
      {preview.state === "refused" && <FormError error={preview.error} testId="purge-error" />}
      {preview.state === "ready" && (
        <>
          <p className="dialog-text purge-counts" id="purge-counts" data-testid="purge-counts">
            {t("purge.will", { cases: whole(preview.report.cases, lang), dossiers: whole(preview.report.dossiers, lang) })}
          </p>
          <p className="dialog-note">{t("purge.final")}</p>
          <label className="field-label" htmlFor="purge-code">
            {t("purge.typeCode", { code: campaign.code })}
          </label>
          <input
            ref={codeField}
            id="purge-code"
            className="input mono"
            data-testid="purge-code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-invalid={wrongCode}
            aria-errormessage={wrongCode ? "purge-wrong-code" : undefined}
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setWrongCode(false);
            }}
          />
          {wrongCode && (
            <p className="field-error" id="purge-wrong-code" role="alert" data-testid="purge-wrong-code">
              {t("purge.wrongCode", { code: campaign.code })}
            </p>
          )}
          {action.error && <FormError error={action.error} testId="purge-error" />}
        </>
      )}
      <div className="dialog-actions">
        <button
          ref={closeButton}
          type="button"
          className="btn"
          data-testid="purge-cancel"
          onClick={onCancel}
        >
          {t(preview.state === "ready" ? "common.cancel" : "common.close")}
        </button>
        {preview.state === "ready" && (
          <button type="submit" className="btn btn-danger" data-testid="purge-confirm" disabled={action.busy}>
            {t("purge.confirm")} <kbd className="key key-light">Enter</kbd>
          </button>
        )}
      </div>
    </DialogForm>
  );
}
