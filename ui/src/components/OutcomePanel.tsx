/** The call-outcome buttons (each with its hotkey) and the note sent with the outcome. */
import type { OutcomeView } from "../api/bindings";
import { useLang } from "../i18n";

interface Props {
  outcomes: readonly OutcomeView[];
  disabled: boolean;
  keysActive: boolean;
  note: string;
  onNote: (note: string) => void;
  onChoose: (outcome: OutcomeView) => void;
}

export function OutcomePanel({ outcomes, disabled, keysActive, note, onNote, onChoose }: Props) {
  const { lang, t } = useLang();
  return (
    <section className="panel outcomes" aria-labelledby="outcomes-title">
      <div className="outcomes-head">
        <h3 className="subhead" id="outcomes-title">
          {t("desk.outcomes")}
        </h3>
        <span className={keysActive ? "hint" : "hint hint-off"}>{t("desk.outcomesHint")}</span>
      </div>
      <div className="outcome-grid">
        {outcomes.filter((o) => o.recordable).map((o) => (
          <button
            key={o.code}
            type="button"
            className={`btn btn-outcome outcome-${o.category}`}
            data-testid={`outcome-${o.code}`}
            disabled={disabled}
            onClick={() => onChoose(o)}
            title={`${o.code} ${lang === "en" ? o.labelEn : o.labelVi}`}
          >
            {o.hotkey && <kbd className="key">{o.hotkey}</kbd>}
            <span>{lang === "en" ? o.labelEn : o.labelVi}</span>
          </button>
        ))}
      </div>
      <label className="field-label" htmlFor="note">
        {t("desk.note")}
      </label>
      <textarea
        id="note"
        className="note"
        data-testid="note"
        rows={2}
        maxLength={1000}
        value={note}
        placeholder={t("desk.notePlaceholder")}
        onChange={(e) => onNote(e.target.value)}
      />
    </section>
  );
}
