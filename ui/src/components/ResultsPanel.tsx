/** The supervisor's results tab: the satisfaction index per agency (with its breakdown), fieldwork
 * against the sample, AAPOR rates, operator figures, and exporting them. Every figure is the core's:
 * this screen only asks for the reports, lays them out and formats the numbers. */
import { useCallback, useEffect, useRef, useState } from "react";
import {
  commands,
  type CampaignView,
  type IndexReport,
  type OperatorsReport,
  type ProgressReport,
  type RatesBy,
  type RatesReport,
} from "../api/bindings";
import { useLang } from "../i18n";
import { decimal, isoDay } from "../numbers";
import { ExportPanel } from "./ExportPanel";
import { IndexChart, pickedFigures, type IndexPick } from "./IndexChart";
import { IndexDetail } from "./IndexDetail";
import { OperatorsTable } from "./OperatorsTable";
import { ProgressTable } from "./ProgressTable";
import { RatesTable } from "./RatesTable";

interface Props {
  campaign: CampaignView;
  report: (e: unknown) => void;
  clearError: () => void;
}

/** One report: asked for again whenever `fetch` changes (its options did), the latest answer kept.
 * An answer overtaken by a newer request is dropped, so a quick toggle cannot show stale figures. */
function useReport<T>(fetch: () => Promise<T>, report: (e: unknown) => void, onLoaded: () => void) {
  const [data, setData] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);
  const load = useCallback(async () => {
    const mine = ++latest.current;
    setBusy(true);
    try {
      const got = await fetch();
      if (mine !== latest.current) return;
      setData(got);
      onLoaded();
    } catch (e) {
      if (mine === latest.current) report(e);
    } finally {
      if (mine === latest.current) setBusy(false);
    }
  }, [fetch, report, onLoaded]);
  useEffect(() => {
    void load();
  }, [load]);
  return { data, busy, load };
}

/** How the rates are grouped: as the core's `by`, or not at all. */
type Grouping = RatesBy | "none";
/** Which days the operator figures cover. */
type Period = "all" | "today";
/** The campaign's pooled line: the breakdown shown until a bar is picked. */
const POOLED: IndexPick = { agency: "", mode: null };

export function ResultsPanel({ campaign, report, clearError }: Props) {
  const { lang, t } = useLang();
  const [includePartial, setIncludePartial] = useState(false);
  const [byMode, setByMode] = useState(false);
  const [approvedOnly, setApprovedOnly] = useState(false);
  const [grouping, setGrouping] = useState<Grouping>("agency");
  const [period, setPeriod] = useState<Period>("all");
  const [picked, setPicked] = useState<IndexPick>(POOLED);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const loaded = useCallback(() => setUpdatedAt(new Date()), []);
  const campaignId = campaign.id;

  const index = useReport<IndexReport>(
    useCallback(
      () => commands.sipasIndex({ campaignId, includePartial, byMode, approvedOnly }),
      [campaignId, includePartial, byMode, approvedOnly],
    ),
    report,
    loaded,
  );
  const progress = useReport<ProgressReport>(
    useCallback(() => commands.fieldworkProgress({ campaignId }), [campaignId]),
    report,
    loaded,
  );
  const rates = useReport<RatesReport>(
    useCallback(
      () => commands.responseRates({ campaignId, by: grouping === "none" ? null : grouping, e: null }),
      [campaignId, grouping],
    ),
    report,
    loaded,
  );
  const today = progress.data?.today ?? null;
  const todayIso = today === null ? null : isoDay(today);
  const day = period === "today" ? todayIso : null;
  const operators = useReport<OperatorsReport>(
    useCallback(() => commands.operatorFigures({ campaignId, from: day, to: day }), [campaignId, day]),
    report,
    loaded,
  );

  const busy = index.busy || progress.busy || rates.busy || operators.busy;
  const refresh = () => {
    clearError();
    void index.load();
    void progress.load();
    void rates.load();
    void operators.load();
  };

  // The bar picked, or the pooled campaign while none is (or the picked one is gone).
  const shown = index.data && pickedFigures(index.data, picked) && (byMode || picked.mode === null) ? picked : POOLED;
  const figures = index.data && pickedFigures(index.data, shown);
  const shownName = (() => {
    if (!figures) return "";
    const name = shown.agency === "" ? t("res.index.pooled") : figures.name;
    return shown.mode === null ? name : `${name} — ${t(`mode.${shown.mode}`)}`;
  })();

  // The reports speak Vietnamese; in English they are marked so, for the reader and screen readers.
  const coreLang = lang === "en" ? "vi" : undefined;

  return (
    <section className="results" data-testid="results" aria-labelledby="results-index-title">
      <div className="sup-filters">
        <button type="button" className="btn" data-testid="results-refresh" disabled={busy} onClick={refresh}>
          {t("sup.refresh")}
        </button>
        <span className="muted" data-testid="results-updated">
          {updatedAt &&
            t("res.updated", {
              time: updatedAt.toLocaleTimeString(lang === "en" ? "en-GB" : "vi-VN", { hour12: false }),
            })}
        </span>
      </div>

      <section className="panel results-section" data-testid="index-panel">
        <div className="results-head">
          <h2 className="subhead" id="results-index-title">
            {t("res.index.title")}
          </h2>
          <label className="results-check">
            <input
              type="checkbox"
              data-testid="index-partial"
              checked={includePartial}
              onChange={(e) => setIncludePartial(e.target.checked)}
            />
            {t("res.index.partial")}
          </label>
          <label className="results-check">
            <input
              type="checkbox"
              data-testid="index-by-mode"
              checked={byMode}
              onChange={(e) => {
                setByMode(e.target.checked);
                if (!e.target.checked && picked.mode !== null) setPicked(POOLED);
              }}
            />
            {t("res.index.byMode")}
          </label>
          <label className="results-check">
            <input
              type="checkbox"
              data-testid="index-approved"
              checked={approvedOnly}
              onChange={(e) => setApprovedOnly(e.target.checked)}
            />
            {t("res.index.approved")}
          </label>
        </div>
        {index.data ? (
          <div className="index-layout">
            <div className="index-main">
              <IndexChart report={index.data} byMode={byMode} picked={shown} onPick={setPicked} />
              <div className="results-notes" lang={coreLang}>
                <p data-testid="index-counted">
                  <b>{t("res.counted")}:</b> {index.data.counted}
                </p>
                <p data-testid="index-formula">
                  <b>{t("res.formula")}:</b> {index.data.formula}
                </p>
              </div>
            </div>
            <div className="index-side">
              <p className="muted index-pick" data-testid="index-pick">
                {t("res.index.pick")}
              </p>
              {figures && <IndexDetail figures={figures} name={shownName} />}
            </div>
          </div>
        ) : (
          <p className="muted">{t("common.loading")}</p>
        )}
      </section>

      <section className="panel results-section" data-testid="progress-panel" aria-labelledby="results-progress-title">
        <div className="results-head">
          <h2 className="subhead" id="results-progress-title">
            {t("res.progress.title")}
          </h2>
          {progress.data && (
            <span className="muted" data-testid="progress-today">
              {t("res.progress.today", { today: progress.data.today, days: progress.data.callingDays })}
            </span>
          )}
        </div>
        {progress.data ? <ProgressTable progress={progress.data} /> : <p className="muted">{t("common.loading")}</p>}
      </section>

      <section className="panel results-section" data-testid="rates-panel" aria-labelledby="results-rates-title">
        <div className="results-head">
          <h2 className="subhead" id="results-rates-title">
            {t("res.rates.title")}
          </h2>
          <label className="results-field">
            <span>{t("res.rates.by")}</span>
            <select
              className="select"
              data-testid="rates-by"
              value={grouping}
              onChange={(e) => setGrouping(e.target.value as Grouping)}
            >
              <option value="agency">{t("res.rates.byAgency")}</option>
              <option value="list">{t("res.rates.byList")}</option>
              <option value="none">{t("res.rates.overall")}</option>
            </select>
          </label>
        </div>
        {rates.data ? (
          <>
            <p className="results-e" data-testid="rates-e">
              {t("res.rates.e", {
                e: decimal(rates.data.overall.rates.e, lang, 4),
                how: t(rates.data.overall.rates.eGiven ? "res.rates.eGiven" : "res.rates.eEstimated"),
              })}
            </p>
            <RatesTable rates={rates.data} />
            <div className="results-notes" lang={coreLang}>
              <p data-testid="rates-counted">
                <b>{t("res.counted")}:</b> {rates.data.counted}
              </p>
              <p data-testid="rates-formulas">
                <b>{t("res.formula")}:</b> {rates.data.formulas}
              </p>
            </div>
          </>
        ) : (
          <p className="muted">{t("common.loading")}</p>
        )}
      </section>

      <section className="panel results-section" data-testid="operators-panel" aria-labelledby="results-ops-title">
        <div className="results-head">
          <h2 className="subhead" id="results-ops-title">
            {t("res.ops.title")}
          </h2>
          <label className="results-field">
            <span>{t("res.ops.period")}</span>
            <select
              className="select"
              data-testid="operators-period"
              value={period}
              onChange={(e) => setPeriod(e.target.value as Period)}
            >
              <option value="all">{t("res.ops.all")}</option>
              <option value="today" disabled={todayIso === null}>
                {t("res.ops.today", { today: today ?? "…" })}
              </option>
            </select>
          </label>
          {operators.data?.from && operators.data.to && (
            <span className="muted" data-testid="operators-range">
              {t("res.ops.range", { from: operators.data.from, to: operators.data.to })}
            </span>
          )}
        </div>
        {operators.data ? (
          <>
            <OperatorsTable operators={operators.data} />
            <p className="muted results-notes" data-testid="operators-note">
              {t("res.ops.hoursNote", { minutes: String(operators.data.idleLimitMinutes) })}
            </p>
          </>
        ) : (
          <p className="muted">{t("common.loading")}</p>
        )}
      </section>

      <ExportPanel campaign={campaign} report={report} clearError={clearError} />
    </section>
  );
}
