/** The supervisor's import tab: choose a list file, preview how its columns are read, import it, keep the rejected rows. */
import { useState } from "react";
import { listen } from "@tauri-apps/api/event";
import { open, save } from "@tauri-apps/plugin-dialog";
import {
  commands,
  IMPORT_PROGRESS_EVENT,
  type CampaignView,
  type ImportPreview,
  type ImportProgress,
  type ImportReport,
} from "../api/bindings";
import { useLang } from "../i18n";
import { UnknownAgencies } from "./UnknownAgencies";

interface Props {
  campaign: CampaignView;
  report: (e: unknown) => void;
  clearError: () => void;
  /** Called after an import, so the case table can refresh. */
  onImported: () => void;
}

type Busy = "preview" | "import" | "save" | null;

/** `…/danh-sach.csv` → `…/danh-sach-tu-choi.csv`, next to the list. */
export function rejectsPath(path: string): string {
  return `${path.replace(/\.(csv|xlsx)$/i, "")}-tu-choi.csv`;
}

const isXlsx = (path: string) => /\.xlsx$/i.test(path.trim());

export function ImportPanel({ campaign, report, clearError, onImported }: Props) {
  const { lang, t } = useLang();
  const [path, setPath] = useState("");
  const [sheet, setSheet] = useState("");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<{ path: string; sheet: string | null; report: ImportReport } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [step, setStep] = useState<ImportProgress | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  /** Add the agencies the catalogue does not know, with the import. */
  const [addAgencies, setAddAgencies] = useState(false);

  const request = (p = path) => ({
    campaignId: campaign.id,
    path: p.trim(),
    sheet: isXlsx(p) && sheet.trim() ? sheet.trim() : null,
    addAgencies,
  });

  const forget = () => {
    setAddAgencies(false);
    setPreview(null);
    setResult(null);
    setSaved(null);
  };

  async function run<T>(kind: Busy, work: () => Promise<T>): Promise<T | undefined> {
    clearError();
    setBusy(kind);
    try {
      return await work();
    } catch (e) {
      report(e);
      return undefined;
    } finally {
      setBusy(null);
    }
  }

  const doPreview = async (p = path) => {
    forget();
    const found = await run("preview", () => commands.previewImport(request(p)));
    if (found) setPreview(found);
  };

  const choose = async () => {
    const chosen = await run(null, () =>
      open({ multiple: false, directory: false, filters: [{ name: t("imp.filter"), extensions: ["csv", "xlsx"] }] }),
    );
    if (typeof chosen === "string") {
      setPath(chosen);
      await doPreview(chosen);
    }
  };

  const doImport = async () => {
    setResult(null);
    setSaved(null);
    const req = request();
    // The shell reports how the import goes; without events the bar just shows it is busy.
    const unlisten = await listen<ImportProgress>(IMPORT_PROGRESS_EVENT, (event) => setStep(event.payload)).catch(
      () => null,
    );
    const done = await run("import", () => commands.importList(req));
    unlisten?.();
    setStep(null);
    if (done) {
      setResult({ path: req.path, sheet: req.sheet, report: done });
      onImported();
    }
  };

  const saveRejects = async () => {
    if (!result) return;
    setSaved(null);
    const out = await run("save", () =>
      save({ defaultPath: rejectsPath(result.path), filters: [{ name: t("imp.saveFilter"), extensions: ["csv"] }] }),
    );
    if (typeof out !== "string") return;
    const ok = await run("save", () =>
      // The save dialog asked before choosing a file that is there.
      commands.saveRejects({ path: result.path, sheet: result.sheet, out, rejections: result.report.rejections, replace: true }),
    );
    if (ok !== undefined) setSaved(t("imp.saved", { n: result.report.rejections.length, path: out }));
  };

  const summary = result?.report.summary;
  const canImport = path.trim() !== "" && busy === null && !preview?.problem;

  return (
    <section className="intake" data-testid="import-screen" aria-labelledby="import-title">
      <div className="panel intake-form">
        <h2 className="subhead" id="import-title">
          {t("imp.title")}
        </h2>
        <p className="muted intake-hint">{t("imp.hint")}</p>
        <label className="field-label" htmlFor="import-path">
          {t("imp.path")}
        </label>
        <div className="intake-row">
          <input
            id="import-path"
            className="input intake-path mono"
            data-testid="import-path"
            placeholder={t("imp.pathPlaceholder")}
            value={path}
            spellCheck={false}
            onChange={(e) => {
              setPath(e.target.value);
              forget();
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter" && path.trim()) void doPreview();
            }}
          />
          <button type="button" className="btn" data-testid="import-choose" disabled={busy !== null} onClick={() => void choose()}>
            {t("imp.choose")}
          </button>
        </div>
        {isXlsx(path) && (
          <>
            <label className="field-label" htmlFor="import-sheet">
              {t("imp.sheet")}
            </label>
            <input
              id="import-sheet"
              className="input"
              data-testid="import-sheet"
              placeholder={t("imp.sheetPlaceholder")}
              value={sheet}
              onChange={(e) => {
                setSheet(e.target.value);
                forget();
              }}
            />
          </>
        )}
        <div className="intake-actions">
          <button
            type="button"
            className="btn"
            data-testid="import-preview"
            disabled={path.trim() === "" || busy !== null}
            onClick={() => void doPreview()}
          >
            {t("imp.preview")}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="import-run"
            disabled={!canImport}
            onClick={() => void doImport()}
          >
            {t("imp.run")}
          </button>
        </div>
        {busy === "import" && (
          <ImportProgressBar step={step} />
        )}
      </div>

      {preview && (
        <div className="panel intake-preview" data-testid="import-preview-panel">
          <p className="intake-file" data-testid="import-file">
            {preview.sheet
              ? t("imp.previewOfSheet", { file: preview.file, sheet: preview.sheet, rows: preview.rows })
              : t("imp.previewOf", { file: preview.file, rows: preview.rows })}
          </p>
          <UnknownAgencies agencies={preview.unknownAgencies} add={addAgencies} setAdd={setAddAgencies} />
          {preview.problem && (
            <div className="banner banner-error intake-problem" data-testid="import-problem">
              <div className="banner-text">
                <p className="banner-main">{t("imp.cannot")}</p>
                <p className="banner-sub" lang="vi">
                  {preview.problem}
                </p>
              </div>
            </div>
          )}
          <div className="intake-grid">
            <div>
              <h3 className="subhead">{t("imp.mapping")}</h3>
              <table className="agency-table mapping" data-testid="import-mapping">
                <thead>
                  <tr>
                    <th scope="col">{t("imp.col.header")}</th>
                    <th scope="col">{t("imp.col.column")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.columns.map((c, i) => (
                    <tr key={i} className={c.column ? "" : "is-ignored"} data-testid="import-mapping-row">
                      <td>{c.header}</td>
                      <td>{c.column ? <strong>{c.column}</strong> : <em>{t("imp.ignored")}</em>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="intake-first">
              <h3 className="subhead">{t("imp.firstRows", { n: preview.firstRows.length })}</h3>
              <div className="table-wrap">
                <table className="cases first-rows" data-testid="import-first-rows">
                  <thead>
                    <tr>
                      {preview.columns.map((c, i) => (
                        <th key={i} scope="col" className={c.column ? "" : "is-ignored"}>
                          {c.header}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.firstRows.map((row, r) => (
                      <tr key={r}>
                        {preview.columns.map((c, i) => (
                          <td
                            key={i}
                            className={[(row[i] ?? "").length > 24 ? "" : "nowrap", c.column ? "" : "is-ignored"].join(" ").trim()}
                          >
                            {row[i] ?? ""}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}

      {result && summary && (
        <div className="panel intake-result">
          <p className="intake-summary" data-testid="import-summary">
            {t("imp.summary", {
              rows: summary.rows.toLocaleString(lang === "en" ? "en-GB" : "vi-VN"),
              accepted: summary.accepted.toLocaleString(lang === "en" ? "en-GB" : "vi-VN"),
              rejected: summary.rejected.toLocaleString(lang === "en" ? "en-GB" : "vi-VN"),
              newCases: summary.new_cases.toLocaleString(lang === "en" ? "en-GB" : "vi-VN"),
              total: summary.cases_total.toLocaleString(lang === "en" ? "en-GB" : "vi-VN"),
            })}
          </p>
          {summary.agencies_added.length > 0 && (
            <p className="intake-saved" data-testid="import-agencies-added">
              {t("imp.added", { list: summary.agencies_added.map((a) => `${a.code} — ${a.name}`).join("; ") })}
            </p>
          )}
          {result.report.rejections.length === 0 ? (
            <p className="muted">{t("imp.noRejects")}</p>
          ) : (
            <>
              <div className="intake-row intake-rejects-head">
                <h3 className="subhead">{t("imp.rejects")}</h3>
                <button
                  type="button"
                  className="btn"
                  data-testid="import-save-rejects"
                  disabled={busy !== null}
                  onClick={() => void saveRejects()}
                >
                  {t("imp.saveRejects")}
                </button>
              </div>
              {saved && (
                <p className="intake-saved" role="status" data-testid="import-saved">
                  {saved}
                </p>
              )}
              <div className="table-wrap">
                <table className="cases" data-testid="import-rejects">
                  <thead>
                    <tr>
                      <th scope="col" className="num">{t("imp.col.row")}</th>
                      <th scope="col">{t("imp.col.field")}</th>
                      <th scope="col">{t("imp.col.value")}</th>
                      <th scope="col">{t("imp.col.reason")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.report.rejections.map((r, i) => (
                      <tr key={`${r.row}-${i}`} data-testid="import-reject-row">
                        <td className="num" data-testid="import-reject-line">{r.row}</td>
                        <td className="nowrap" data-testid="import-reject-column">{r.column ?? t("imp.wholeRow")}</td>
                        <td data-testid="import-reject-value">
                          {r.value || <span className="muted">{t("imp.empty")}</span>}
                        </td>
                        <td lang="vi" data-testid="import-reject-reason">{r.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}

/** The import's bar: how many rows are checked, then the store's write; busy until the first report. */
function ImportProgressBar({ step }: { step: ImportProgress | null }) {
  const { t } = useLang();
  const share = step?.stage === "checking" && step.total > 0 ? step.done / step.total : step?.stage === "storing" ? 1 : null;
  const label =
    step?.stage === "checking"
      ? t("imp.checking", { done: String(step.done), total: String(step.total) })
      : step?.stage === "storing"
        ? t("imp.storing", { rows: String(step.rows) })
        : t("imp.running");
  return (
    <div
      className="import-progress"
      role="progressbar"
      aria-label={label}
      aria-valuenow={share === null ? undefined : Math.round(share * 100)}
      data-testid="import-progress"
    >
      <div className={share === null ? "import-progress-bar busy" : "import-progress-bar"}>
        {share !== null && <div className="import-progress-fill" style={{ width: `${share * 100}%` }} />}
      </div>
      <span className="muted progress-text">{label}</span>
    </div>
  );
}
