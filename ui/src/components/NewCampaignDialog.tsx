/** Makes a campaign, as `khaosat campaign create` does and with the same checks in the core:
 * code, name, the window of results received, calling days and hours, extra days off, public
 * holidays, the grace of a hard appointment, the attempt limit, the questionnaire and the
 * outcome file. Left empty, a field takes the default the hint names. The core's refusal (which
 * names the field) is shown in place. */
import { useEffect, useRef, useState } from "react";
import { open } from "@tauri-apps/plugin-dialog";
import { commands, type CampaignForm, type QuestionnaireChoice } from "../api/bindings";
import { useLang } from "../i18n";
import { DialogActions } from "./DialogActions";
import { DialogForm } from "./DialogForm";
import { useAction } from "./dialogs";
import { FormError } from "./FormError";

interface Props {
  onCreate: (form: CampaignForm) => Promise<void>;
  onCancel: () => void;
}

const EMPTY: CampaignForm = {
  code: "",
  name: "",
  receivedFrom: "",
  receivedTo: "",
  days: "",
  hours: "",
  closed: "",
  onPublicHolidays: false,
  graceMinutes: null,
  maxAttempts: null,
  questionnaire: "",
  outcomesPath: "",
};

/** A whole number typed, or null when left empty (the default). */
function count(text: string): number | null {
  return text.trim() === "" ? null : Number(text);
}

export function NewCampaignDialog({ onCreate, onCancel }: Props) {
  const { t } = useLang();
  const [form, setForm] = useState<CampaignForm>(EMPTY);
  const [questionnaires, setQuestionnaires] = useState<QuestionnaireChoice[]>([]);
  const action = useAction();
  const first = useRef<HTMLInputElement>(null);
  const set = (change: Partial<CampaignForm>) => setForm((f) => ({ ...f, ...change }));

  useEffect(() => {
    first.current?.focus();
    commands.listQuestionnaires().then(setQuestionnaires, () => setQuestionnaires([]));
  }, []);

  const field = (key: "code" | "name" | "receivedFrom" | "receivedTo" | "days" | "hours", hint?: string) => (
    <>
      <label className="field-label" htmlFor={`nc-${key}`}>
        {t(`nc.${key}`)}
      </label>
      <input
        ref={key === "code" ? first : undefined}
        id={`nc-${key}`}
        className="input"
        data-testid={`nc-${key}`}
        autoComplete="off"
        spellCheck={false}
        placeholder={hint}
        value={form[key]}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </>
  );

  /** A whole number, left empty for the default the placeholder shows. */
  const number = (key: "maxAttempts" | "graceMinutes", id: string, placeholder: string) => (
    <>
      <label className="field-label" htmlFor={`nc-${id}`}>
        {t(`nc.${key}`)}
      </label>
      <input
        id={`nc-${id}`}
        className="input"
        data-testid={`nc-${id}`}
        type="number"
        min={1}
        placeholder={placeholder}
        value={form[key] ?? ""}
        onChange={(e) => set({ [key]: count(e.target.value) })}
      />
    </>
  );

  const chooseOutcomes = async () => {
    const chosen = await open({ multiple: false, directory: false, filters: [{ name: t("nc.outcomesFilter"), extensions: ["toml"] }] });
    if (typeof chosen === "string") set({ outcomesPath: chosen });
  };

  return (
    <DialogForm
      titleId="nc-title"
      title={t("nc.title")}
      testId="new-campaign-dialog"
      onSubmit={() => void action.run(() => onCreate(form))}
      onCancel={onCancel}
    >
      <div className="nc-grid">
        <div>{field("code", "Q1-2027")}</div>
        <div>{field("name")}</div>
        <div>{field("receivedFrom", "01/01/2027")}</div>
        <div>{field("receivedTo", "31/03/2027")}</div>
        <div>{field("days", "T2-T7")}</div>
        <div>{field("hours", "07:30-11:30,13:30-20:00")}</div>
      </div>
      <label className="field-label" htmlFor="nc-closed">
        {t("nc.closed")}
      </label>
      <textarea
        id="nc-closed"
        className="input"
        data-testid="nc-closed"
        rows={2}
        placeholder="31/12/2026, 10/02/2027"
        value={form.closed}
        onChange={(e) => set({ closed: e.target.value })}
      />
      <label className="results-check">
        <input
          type="checkbox"
          data-testid="nc-holidays"
          checked={form.onPublicHolidays}
          onChange={(e) => set({ onPublicHolidays: e.target.checked })}
        />{" "}
        {t("nc.onHolidays")}
      </label>
      <div className="nc-grid">
        <div>{number("maxAttempts", "attempts", "5")}</div>
        <div>{number("graceMinutes", "grace", "15")}</div>
      </div>
      <label className="field-label" htmlFor="nc-questionnaire">
        {t("nc.questionnaire")}
      </label>
      <select
        id="nc-questionnaire"
        className="select"
        data-testid="nc-questionnaire"
        value={form.questionnaire}
        onChange={(e) => set({ questionnaire: e.target.value })}
      >
        <option value="">{t("nc.builtin")}</option>
        {questionnaires.map((q) => (
          <option key={q.hash} value={q.hash}>
            {q.title} ({q.code}@{q.version})
          </option>
        ))}
      </select>
      <label className="field-label" htmlFor="nc-outcomes">
        {t("nc.outcomes")}
      </label>
      <div className="intake-row">
        <input
          id="nc-outcomes"
          className="input mono"
          data-testid="nc-outcomes"
          placeholder={t("nc.outcomesDefault")}
          value={form.outcomesPath}
          onChange={(e) => set({ outcomesPath: e.target.value })}
        />
        <button type="button" className="btn" data-testid="nc-outcomes-choose" onClick={() => void chooseOutcomes()}>
          {t("imp.choose")}
        </button>
      </div>
      {action.error && <FormError error={action.error} testId="nc-error" />}
      <DialogActions testId="nc" confirmLabel={t("nc.create")} busy={action.busy} onCancel={onCancel} />
    </DialogForm>
  );
}
