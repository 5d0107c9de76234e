/** The supervisor's view: every case of the campaign, live, with counts, search, a status filter
 * and taking a case back from whoever holds it; import, sample, reassignment and results tabs. */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  commands,
  type CampaignView,
  type CaseOverview,
  type CaseStatus,
  type InterviewView,
  type OutcomeView,
  type StaffView,
} from "../api/bindings";
import { InterviewReview } from "../components/InterviewReview";
import { AgencyCatalogue } from "../components/AgencyCatalogue";
import { AppointmentsCalendar } from "../components/AppointmentsCalendar";
import { CallingCalendarPanel } from "../components/CallingCalendarPanel";
import { FloorPanel } from "../components/FloorPanel";
import { ForceReleaseDialog } from "../components/ForceReleaseDialog";
import { ImportPanel } from "../components/ImportPanel";
import { ReassignPanel } from "../components/ReassignPanel";
import { ResultsPanel } from "../components/ResultsPanel";
import { ReviewPanel } from "../components/ReviewPanel";
import { SamplePanel } from "../components/SamplePanel";
import { StatusMessage } from "../components/StatusMessage";
import { useLang, type MessageKey } from "../i18n";
import {
  CASE_STATUSES,
  caseName,
  caseStatusLabel,
  outcomeLabel,
  statusName,
  stopLabel,
} from "../labels";
import { matches } from "../text";

const REFRESH_MS = 10_000;
/** Rows drawn at most; a province's thousands of cases are narrowed with the search box. */
const MAX_ROWS = 500;

type Tab = "floor" | "calendar" | "callingCalendar" | "cases" | "review" | "reassign" | "import" | "sample" | "results";
const TABS: readonly { tab: Tab; label: MessageKey }[] = [
  { tab: "floor", label: "sup.tab.floor" },
  { tab: "calendar", label: "sup.tab.calendar" },
  { tab: "callingCalendar", label: "sup.tab.callingCalendar" },
  { tab: "cases", label: "sup.tab.cases" },
  { tab: "review", label: "sup.tab.review" },
  { tab: "reassign", label: "sup.tab.reassign" },
  { tab: "import", label: "sup.tab.import" },
  { tab: "sample", label: "sup.tab.sample" },
  { tab: "results", label: "sup.tab.results" },
];

/** For supervisors and administrators only: moves and take-backs are made in the name of the
 * person logged in. */
interface Props {
  campaign: CampaignView;
  staff: readonly StaffView[];
  outcomes: readonly OutcomeView[];
  report: (e: unknown) => void;
  clearError: () => void;
}

/** What the search box looks through. */
function searchFields(c: CaseOverview): string[] {
  return [c.respondentName, c.dossierCode, c.agencyName, c.agencyCode, c.procedure];
}

export function Supervisor({ campaign, staff, outcomes, report, clearError }: Props) {
  const { lang, t } = useLang();
  const [cases, setCases] = useState<CaseOverview[] | null>(null);
  /** The interview being reviewed, with whose it is. */
  const [review, setReview] = useState<{ name: string; view: InterviewView | null } | null>(null);
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<CaseStatus | "">("");
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [loading, setLoading] = useState(false);
  const [tab, setTab] = useState<Tab>("cases");
  const [releasing, setReleasing] = useState<CaseOverview | null>(null);
  const [releaseBusy, setReleaseBusy] = useState(false);
  const [released, setReleased] = useState<string | null>(null);
  const inFlight = useRef(false);
  /** Imports made here, so the agency catalogue reads what one added. */
  const [imports, setImports] = useState(0);

  const refresh = useCallback(
    async (byHand: boolean) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setLoading(true);
      if (byHand) clearError();
      try {
        setCases(await commands.campaignCases({ campaignId: campaign.id }));
        setUpdatedAt(new Date());
      } catch (e) {
        report(e);
      } finally {
        inFlight.current = false;
        setLoading(false);
      }
    },
    [campaign.id, clearError, report],
  );

  useEffect(() => {
    void refresh(false);
    const timer = window.setInterval(() => void refresh(false), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  /** Opens a case's interview for review: its questions and answers in order. */
  const openReview = async (c: CaseOverview) => {
    clearError();
    try {
      setReview({ name: caseName(c, t), view: await commands.caseInterview({ caseId: c.caseId }) });
    } catch (e) {
      report(e);
    }
  };

  const counts = useMemo(() => {
    const byStatus = new Map<CaseStatus, number>();
    const byAgency = new Map<string, { name: string; total: number; closed: number; complete: number }>();
    for (const c of cases ?? []) {
      byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
      const agency = byAgency.get(c.agencyCode) ?? { name: c.agencyName, total: 0, closed: 0, complete: 0 };
      agency.total += 1;
      if (c.status === "closed") agency.closed += 1;
      if (outcomes.find((o) => o.code === c.finalOutcome)?.category === "I") agency.complete += 1;
      byAgency.set(c.agencyCode, agency);
    }
    return { byStatus, byAgency: [...byAgency.entries()] };
  }, [cases]);

  const forceRelease = async (c: CaseOverview) => {
    clearError();
    setReleaseBusy(true);
    try {
      const done = await commands.forceRelease({ caseId: c.caseId });
      setReleased(
        done.heldBy
          ? t("fr.done", { name: caseName(c, t), holder: done.heldBy })
          : t("fr.nobody", { name: caseName(c, t) }),
      );
      setReleasing(null);
      void refresh(false);
    } catch (e) {
      setReleasing(null);
      report(e);
    } finally {
      setReleaseBusy(false);
    }
  };

  const shown = useMemo(
    () => (cases ?? []).filter((c) => (status === "" || c.status === status) && matches(query, searchFields(c))),
    [cases, status, query],
  );

  const tabs = (
    <nav className="sup-tabs" role="tablist" aria-label={t("sup.tabs")}>
      {TABS.map(({ tab: key, label }) => (
        <button
          key={key}
          type="button"
          role="tab"
          className={`sup-tab${tab === key ? " is-on" : ""}`}
          data-testid={`tab-${key}`}
          aria-selected={tab === key}
          onClick={() => {
            if (key === "cases" && tab !== "cases") void refresh(false);
            setTab(key);
          }}
        >
          {t(label)}
        </button>
      ))}
    </nav>
  );

  if (tab === "reassign") {
    return (
      <main className="supervisor" data-testid="supervisor">
        {tabs}
        <ReassignPanel
          campaign={campaign}
          staff={staff}
          cases={cases}
          report={report}
          clearError={clearError}
          onMoved={() => void refresh(false)}
        />
      </main>
    );
  }
  if (tab === "floor") {
    return (
      <main className="supervisor" data-testid="supervisor">
        {tabs}
        <FloorPanel campaign={campaign} report={report} />
      </main>
    );
  }
  if (tab === "calendar") {
    return (
      <main className="supervisor" data-testid="supervisor">
        {tabs}
        <AppointmentsCalendar campaign={campaign} report={report} />
      </main>
    );
  }
  if (tab === "callingCalendar") {
    return (
      <main className="supervisor" data-testid="supervisor">
        {tabs}
        <CallingCalendarPanel campaign={campaign} report={report} clearError={clearError} />
      </main>
    );
  }
  if (tab === "review") {
    return (
      <main className="supervisor" data-testid="supervisor">
        {tabs}
        <ReviewPanel campaign={campaign} staff={staff} outcomes={outcomes} report={report} clearError={clearError} />
      </main>
    );
  }
  if (tab === "import") {
    return (
      <main className="supervisor" data-testid="supervisor">
        {tabs}
        <ImportPanel
          campaign={campaign}
          report={report}
          clearError={clearError}
          onImported={() => {
            setImports((n) => n + 1);
            void refresh(false);
          }}
        />
        <AgencyCatalogue report={report} clearError={clearError} version={imports} />
      </main>
    );
  }
  if (tab === "results") {
    return (
      <main className="supervisor" data-testid="supervisor">
        {tabs}
        <ResultsPanel campaign={campaign} report={report} clearError={clearError} />
      </main>
    );
  }
  if (tab === "sample") {
    return (
      <main className="supervisor" data-testid="supervisor">
        {tabs}
        <SamplePanel campaign={campaign} report={report} clearError={clearError} />
      </main>
    );
  }

  return (
    <main className="supervisor" data-testid="supervisor">
      {tabs}
      <div className="sup-top">
        <section className="panel sup-summary" aria-label={t("sup.col.status")}>
          <div className="summary" data-testid="summary">
            {CASE_STATUSES.map((s) => (
              <button
                key={s}
                type="button"
                className={`chip status-${s}${status === s ? " is-on" : ""}`}
                data-testid={`summary-${s}`}
                onClick={() => setStatus(status === s ? "" : s)}
                aria-pressed={status === s}
              >
                <span className="chip-label">{statusName(s, t)}</span>{" "}
                <span className="chip-count">{counts.byStatus.get(s) ?? 0}</span>
              </button>
            ))}
            <span className="chip chip-total">
              <span className="chip-label">{t("sup.total")}</span>{" "}
              <span className="chip-count">{cases?.length ?? 0}</span>
            </span>
          </div>
        </section>
        <section className="panel sup-agencies">
          <h2 className="subhead">{t("sup.byAgency")}</h2>
          <table className="agency-table" data-testid="agency-summary">
            <thead>
              <tr>
                <th scope="col">{t("sup.col.agency")}</th>
                <th scope="col" className="num">{t("sup.agencyCases")}</th>
                <th scope="col" className="num">{t("sup.agencyClosed")}</th>
                <th scope="col" className="num">{t("sup.agencyComplete")}</th>
              </tr>
            </thead>
            <tbody>
              {counts.byAgency.map(([code, a]) => (
                <tr key={code}>
                  <td>{a.name}</td>
                  <td className="num">{a.total}</td>
                  <td className="num">{a.closed}</td>
                  <td className="num">{a.complete}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      <div className="sup-filters">
        <input
          type="search"
          className="input search"
          data-testid="case-search"
          placeholder={t("sup.search")}
          aria-label={t("sup.search")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select
          className="select"
          data-testid="status-filter"
          aria-label={t("sup.col.status")}
          value={status}
          onChange={(e) => setStatus(e.target.value as CaseStatus | "")}
        >
          <option value="">{t("sup.statusAll")}</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusName(s, t)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn"
          data-testid="refresh"
          disabled={loading}
          onClick={() => void refresh(true)}
        >
          {t("sup.refresh")}
        </button>
        <span className="muted sup-updated" data-testid="updated-at">
          {updatedAt &&
            t("sup.updated", {
              time: updatedAt.toLocaleTimeString(lang === "en" ? "en-GB" : "vi-VN", { hour12: false }),
            })}
        </span>
        <span className="muted sup-count" data-testid="shown-count">
          {cases && t("sup.shown", { n: shown.length, total: cases.length })}
        </span>
      </div>

      <StatusMessage text={released} testId="release-result" />

      <div className="table-wrap">
        <table className="cases" data-testid="cases-table">
          <thead>
            <tr>
              <th scope="col">{t("sup.col.name")}</th>
              <th scope="col">{t("sup.col.agencyProcedure")}</th>
              <th scope="col">{t("sup.col.received")}</th>
              <th scope="col">{t("sup.col.callList")}</th>
              <th scope="col">{t("sup.col.status")}</th>
              <th scope="col" className="num">{t("sup.col.attempts")}</th>
              <th scope="col">{t("sup.col.lastCall")}</th>
              <th scope="col">{t("sup.col.answers")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, MAX_ROWS).map((c) => (
              <tr
                key={c.caseId}
                data-testid="case-row"
                data-case-id={c.caseId}
                data-status={c.status}
                data-purged={c.purged || undefined}
              >
                <td>
                  {c.purged ? (
                    <>
                      <span className="cell-main nowrap purged" data-testid="case-row-name">
                        {t("sup.purged")}
                      </span>
                      <span className="cell-sub mono nowrap" data-testid="case-row-dossier">
                        {c.dossierCode}
                      </span>
                    </>
                  ) : (
                    <>
                      <span className="cell-main nowrap" data-testid="case-row-name">
                        {c.respondentName}
                      </span>
                      <span className="cell-sub mono" data-testid="case-row-phone">
                        {c.phoneMasked}
                      </span>
                    </>
                  )}
                </td>
                <td className="cell-procedure">
                  <span className="cell-main" data-testid="case-row-agency">
                    {c.agencyName}
                  </span>
                  <span className="cell-sub" data-testid="case-row-procedure">
                    {c.procedure}
                  </span>
                </td>
                <td className="nowrap" data-testid="case-row-received">
                  {c.receivedOn}
                </td>
                <td className="nowrap" data-testid="case-row-call-list">{c.callList ?? t("sup.sharedPool")}</td>
                <td>
                  <span className={`badge status-${c.status}`} data-testid="case-row-status">
                    {caseStatusLabel(c, outcomes, lang, t)}
                  </span>
                  {c.status === "appointment" && c.appointmentAt && (
                    <span className="cell-sub nowrap" data-testid="case-row-appointment">
                      {c.appointmentAt}
                    </span>
                  )}
                  {c.status === "inCall" && (
                    <button
                      type="button"
                      className="btn btn-small btn-danger-quiet row-action"
                      data-testid="case-row-release"
                      title={t("fr.buttonTitle")}
                      onClick={() => {
                        setReleased(null);
                        setReleasing(c);
                      }}
                    >
                      {t("fr.button")}
                    </button>
                  )}
                </td>
                <td className="num" data-testid="case-row-attempts">
                  {c.attempts}
                </td>
                <td>
                  <span className="cell-main nowrap" data-testid="case-row-last-outcome">
                    {c.lastOutcome ? outcomeLabel(c.lastOutcome, outcomes, lang) : ""}
                  </span>
                  <span className="cell-sub nowrap" data-testid="case-row-last-at">
                    {c.lastAttemptAt ?? ""}
                  </span>
                </td>
                <td className="cell-answers">
                  {c.interview && (
                    <button
                      type="button"
                      className="btn btn-small review-button"
                      data-testid="case-row-review"
                      title={t("iv.reviewOpen")}
                      onClick={() => void openReview(c)}
                    >
                      <span className="cell-main nowrap" data-testid="case-row-answers">
                        {t("iv.summary", { answered: c.interview.answered, questions: c.interview.questions })}
                      </span>
                      <span className="cell-sub nowrap" data-testid="case-row-interview-status">
                        {stopLabel(c.interview.stop, t)}
                      </span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length > MAX_ROWS && (
          <p className="muted table-note" data-testid="rows-capped">
            {t("sup.capped", { n: MAX_ROWS, total: shown.length })}
          </p>
        )}
        {cases && shown.length === 0 && (
          <p className="empty-message muted" data-testid="no-match">
            {t("sup.noMatch")}
          </p>
        )}
        {!cases && <p className="muted">{t("common.loading")}</p>}
      </div>
      {review && <InterviewReview name={review.name} view={review.view} staff={staff} onClose={() => setReview(null)} />}
      {releasing && (
        <ForceReleaseDialog
          name={caseName(releasing, t)}
          holder={releasing.heldBy ?? "?"}
          busy={releaseBusy}
          onConfirm={() => void forceRelease(releasing)}
          onCancel={() => setReleasing(null)}
        />
      )}
    </main>
  );
}
