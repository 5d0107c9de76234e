/** The results tab's export: the finished interviews (CSV or Excel; names and phone numbers only
 * when asked for, which the core writes to the audit) or one report as an Excel workbook, to a
 * file the supervisor names — typed, or picked in the save dialog. The core writes the file. */
import { useState } from "react";
import { save } from "@tauri-apps/plugin-dialog";
import { commands, type CampaignView, type Exported, type ReportKind } from "../api/bindings";
import { useLang, type MessageKey } from "../i18n";
import { whole } from "../numbers";

/** What can be exported: the interviews in either format, or one of the reports. */
export type ExportChoice = "csv" | "xlsx" | ReportKind;

const CHOICES: readonly { choice: ExportChoice; label: MessageKey; slug: string }[] = [
  { choice: "csv", label: "exp.what.csv", slug: "phieu" },
  { choice: "xlsx", label: "exp.what.xlsx", slug: "phieu" },
  { choice: "sipas", label: "exp.what.sipas", slug: "chi-so-hai-long" },
  { choice: "rates", label: "exp.what.rates", slug: "ty-le-aapor" },
  { choice: "progress", label: "exp.what.progress", slug: "tien-do" },
];

const isInterviews = (choice: ExportChoice): choice is "csv" | "xlsx" => choice === "csv" || choice === "xlsx";
const extension = (choice: ExportChoice) => (choice === "csv" ? "csv" : "xlsx");

/** The file name offered for a choice (`DEMO-2026-Q4-phieu.csv`); what a file name cannot hold becomes a dash. */
export function suggestedName(code: string, choice: ExportChoice): string {
  const safe = code.trim().replace(/[\\/:*?"<>|\s]+/g, "-") || "khao-sat";
  const slug = CHOICES.find((c) => c.choice === choice)?.slug ?? choice;
  return `${safe}-${slug}.${extension(choice)}`;
}

/** Whether a path names its folder (`/…`, `C:\…`, `\\server\…`): a bare name would be written
 * wherever the app happens to run, and `~` is not the home folder to the core. */
export function hasFolder(path: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path.trim());
}

/** The path for a new choice: while the field is empty or holds the name offered for the old
 * choice, the new one's name (in the same folder); otherwise the person's name, its extension
 * made to fit the new format. */
export function pathForChoice(path: string, code: string, from: ExportChoice, to: ExportChoice): string {
  const trimmed = path.trim();
  const cut = Math.max(trimmed.lastIndexOf("/"), trimmed.lastIndexOf("\\")) + 1;
  const folder = trimmed.slice(0, cut);
  const name = trimmed.slice(cut);
  if (name === "" || name === suggestedName(code, from)) return folder + suggestedName(code, to);
  return trimmed.replace(/\.(csv|xlsx)$/i, `.${extension(to)}`);
}

/** An export with names and numbers is audited in the name of the person logged in. */
interface Props {
  campaign: CampaignView;
  report: (e: unknown) => void;
  clearError: () => void;
}

export function ExportPanel({ campaign, report, clearError }: Props) {
  const { lang, t } = useLang();
  const [choice, setChoice] = useState<ExportChoice>("csv");
  const [path, setPath] = useState(() => suggestedName(campaign.code, "csv"));
  const [contacts, setContacts] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The path came from the save dialog, which asks before replacing a file. */
  const [confirmed, setConfirmed] = useState(false);
  const [done, setDone] = useState<{ exported: Exported; audited: boolean } | null>(null);
  const interviews = isInterviews(choice);
  const folderMissing = path.trim() !== "" && !hasFolder(path);
  const ready = !busy && path.trim() !== "" && !folderMissing;

  const choose = (next: ExportChoice) => {
    setPath(pathForChoice(path, campaign.code, choice, next));
    setConfirmed(false);
    setChoice(next);
    if (!isInterviews(next)) setContacts(false);
  };

  const pick = async () => {
    clearError();
    try {
      const chosen = await save({
        defaultPath: hasFolder(path) ? path.trim() : suggestedName(campaign.code, choice),
        filters: [{ name: t(choice === "csv" ? "exp.filterCsv" : "exp.filterXlsx"), extensions: [extension(choice)] }],
      });
      // The save dialog asked before choosing a file that is there: replacing it is confirmed.
      if (typeof chosen === "string") {
        setPath(chosen);
        setConfirmed(true);
      }
    } catch (e) {
      report(e);
    }
  };

  const run = async () => {
    const out = path.trim();
    const withContacts = interviews && contacts;
    clearError();
    setDone(null);
    setBusy(true);
    try {
      const exported = isInterviews(choice)
        ? await commands.exportInterviews({ campaignId: campaign.id, format: choice, out, withContacts, replace: confirmed })
        : await commands.exportReport({ campaignId: campaign.id, report: choice, out, replace: confirmed });
      setDone({ exported, audited: withContacts });
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel results-section" data-testid="export-panel" aria-labelledby="results-export-title">
      <h2 className="subhead" id="results-export-title">
        {t("exp.title")}
      </h2>
      <p className="muted export-hint">{t("exp.hint")}</p>
      <div className="export-form">
        <div className="export-field">
          <label className="field-label" htmlFor="export-what">
            {t("exp.what")}
          </label>
          <select
            id="export-what"
            className="select"
            data-testid="export-what"
            value={choice}
            disabled={busy}
            onChange={(e) => choose(e.target.value as ExportChoice)}
          >
            {CHOICES.map((c) => (
              <option key={c.choice} value={c.choice}>
                {t(c.label)}
              </option>
            ))}
          </select>
        </div>
        <div className="export-field">
          <label className="field-label" htmlFor="export-path">
            {t("exp.path")}
          </label>
          <div className="intake-row">
            <input
              id="export-path"
              className="input intake-path mono"
              data-testid="export-path"
              value={path}
              spellCheck={false}
              aria-invalid={folderMissing}
              aria-describedby={folderMissing ? "export-path-hint" : undefined}
              onChange={(e) => {
                setPath(e.target.value);
                setConfirmed(false);
              }}
              onBlur={() => {
                if (path.trim() === "") setPath(suggestedName(campaign.code, choice));
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter" && ready) void run();
              }}
            />
            <button type="button" className="btn" data-testid="export-choose" disabled={busy} onClick={() => void pick()}>
              {t("exp.choose")}
            </button>
          </div>
        </div>
      </div>
      {folderMissing && (
        <p className="export-note" id="export-path-hint" data-testid="export-path-hint">
          {t("exp.needFolder")}
        </p>
      )}
      <label className={`results-check export-contacts${interviews ? "" : " is-off"}`}>
        <input
          type="checkbox"
          data-testid="export-contacts"
          checked={interviews && contacts}
          disabled={!interviews || busy}
          onChange={(e) => setContacts(e.target.checked)}
        />
        <span>
          {t("exp.contacts")}
          {!interviews && <span className="muted"> — {t("exp.contactsOff")}</span>}
        </span>
      </label>
      <div className="intake-actions">
        <button type="button" className="btn btn-primary" data-testid="export-run" disabled={!ready} onClick={() => void run()}>
          {busy ? t("exp.running") : t("exp.run")}
        </button>
      </div>
      {done && (
        <p className="intake-saved export-done" role="status">
          <span data-testid="export-done">
            {t("exp.done", { n: whole(done.exported.rows, lang), path: done.exported.path })}
          </span>
          {done.audited && (
            <span className="export-audited" data-testid="export-audited">
              {t("exp.audited")}
            </span>
          )}
        </p>
      )}
    </section>
  );
}
