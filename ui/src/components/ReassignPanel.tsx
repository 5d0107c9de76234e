/** The supervisor's reassignment: pick cases by agency, status and current call list, preview
 * how many match (with the version each had), move them to an operator or the shared pool, and
 * read what happened — moved, already there, changed meanwhile (select again), or in a call
 * (moves when the call ends). The campaign's recent moves and take-backs are listed below. */
import { useMemo, useState } from "react";
import {
  commands,
  type CallListFilter,
  type CampaignView,
  type CaseOverview,
  type CaseSelection,
  type CaseStatus,
  type CaseVersion,
  type ReassignReport,
  type StaffView,
} from "../api/bindings";
import { useLang } from "../i18n";
import { CASE_STATUSES, statusName } from "../labels";
import { AuditList } from "./AuditList";
import { ChangeTrail } from "./ChangeTrail";

interface Props {
  campaign: CampaignView;
  staff: readonly StaffView[];
  cases: readonly CaseOverview[] | null;
  report: (e: unknown) => void;
  clearError: () => void;
  /** After a move: the case list is read again. */
  onMoved: () => void;
}

/** `any`, `pool` or an operator's id. */
type From = string;
/** `pool` or an operator's id; empty until chosen. */
type To = string;

interface Preview {
  versions: CaseVersion[];
}

/** Adds or removes one value of a multiple choice. */
function toggled<V>(set: readonly V[], value: V): V[] {
  return set.includes(value) ? set.filter((v) => v !== value) : [...set, value];
}

export function ReassignPanel({ campaign, staff, cases, report, clearError, onMoved }: Props) {
  const { lang, t } = useLang();
  const [agencyCodes, setAgencyCodes] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<CaseStatus[]>([]);
  const [from, setFrom] = useState<From>("any");
  const [to, setTo] = useState<To>("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<ReassignReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [auditKey, setAuditKey] = useState(0);

  const number = (n: number) => n.toLocaleString(lang === "en" ? "en-GB" : "vi-VN");
  const operators = staff.filter((s) => s.role === "operator");
  const agencies = useMemo(() => {
    const byCode = new Map<string, string>();
    for (const c of cases ?? []) byCode.set(c.agencyCode, c.agencyName);
    return [...byCode.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [cases]);

  /** Any change of the filters makes an earlier preview stale. */
  const changed = <V,>(set: (v: V) => void) => (v: V) => {
    set(v);
    setPreview(null);
  };

  const selection = (): CaseSelection => {
    const callList: CallListFilter =
      from === "any" ? { kind: "any" } : from === "pool" ? { kind: "pool" } : { kind: "operator", id: from };
    return { campaignId: campaign.id, agencyCodes, statuses, callList };
  };

  const work = async (body: () => Promise<void>) => {
    clearError();
    setBusy(true);
    try {
      await body();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  const runPreview = () =>
    void work(async () => {
      setResult(null);
      setPreview({ versions: await commands.selectCases(selection()) });
    });

  const move = () => {
    if (!preview || to === "") return;
    void work(async () => {
      const done = await commands.reassign({
        campaignId: campaign.id,
        cases: preview.versions,
        toOperator: to === "pool" ? null : to,
      });
      setResult(done);
      setPreview(null);
      setAuditKey((k) => k + 1);
      onMoved();
    });
  };

  /** How the previewed cases split by status, from the case list on screen. */
  const breakdown = useMemo(() => {
    if (!preview || !cases) return [];
    const statusOf = new Map(cases.map((c) => [c.caseId, c.status]));
    const counts = new Map<CaseStatus, number>();
    for (const v of preview.versions) {
      const s = statusOf.get(v.caseId);
      if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    return CASE_STATUSES.filter((s) => counts.has(s)).map((s) => ({ status: s, n: counts.get(s)! }));
  }, [preview, cases]);

  const targetName = to === "pool" ? t("rs.pool") : (operators.find((o) => o.id === to)?.fullName ?? "");
  const count = preview?.versions.length ?? 0;

  return (
    <>
      <section className="panel reassign" data-testid="reassign" aria-labelledby="reassign-title">
        <h2 className="section-title" id="reassign-title">
          {t("rs.title")}
        </h2>
        <p className="muted rs-hint">{t("rs.hint")}</p>

        <fieldset className="rs-filter">
          <legend className="field-label">{t("rs.agencies")}</legend>
          <div className="toggle-row">
            <button
              type="button"
              className={`toggle${agencyCodes.length === 0 ? " is-on" : ""}`}
              aria-pressed={agencyCodes.length === 0}
              data-testid="rs-agency-all"
              onClick={() => changed(setAgencyCodes)([])}
            >
              {t("rs.all")}
            </button>
            {agencies.map(([code, name]) => (
              <button
                key={code}
                type="button"
                className={`toggle${agencyCodes.includes(code) ? " is-on" : ""}`}
                aria-pressed={agencyCodes.includes(code)}
                data-testid={`rs-agency-${code}`}
                title={code}
                onClick={() => changed(setAgencyCodes)(toggled(agencyCodes, code))}
              >
                {name}
              </button>
            ))}
          </div>
        </fieldset>

        <fieldset className="rs-filter">
          <legend className="field-label">{t("rs.statuses")}</legend>
          <div className="toggle-row">
            <button
              type="button"
              className={`toggle${statuses.length === 0 ? " is-on" : ""}`}
              aria-pressed={statuses.length === 0}
              data-testid="rs-status-all"
              onClick={() => changed(setStatuses)([])}
            >
              {t("rs.all")}
            </button>
            {CASE_STATUSES.map((s) => (
              <button
                key={s}
                type="button"
                className={`toggle status-${s}${statuses.includes(s) ? " is-on" : ""}`}
                aria-pressed={statuses.includes(s)}
                data-testid={`rs-status-${s}`}
                onClick={() => changed(setStatuses)(toggled(statuses, s))}
              >
                {statusName(s, t)}
              </button>
            ))}
          </div>
        </fieldset>

        <div className="rs-lists">
          <label className="rs-list">
            <span className="field-label">{t("rs.from")}</span>
            <select
              className="select"
              data-testid="rs-from"
              value={from}
              onChange={(e) => changed(setFrom)(e.target.value)}
            >
              <option value="any">{t("rs.fromAny")}</option>
              <option value="pool">{t("rs.pool")}</option>
              {operators.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.fullName} ({o.login})
                </option>
              ))}
            </select>
          </label>
          <span className="rs-arrow" aria-hidden="true">
            →
          </span>
          <label className="rs-list">
            <span className="field-label">{t("rs.to")}</span>
            <select className="select" data-testid="rs-to" value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="" disabled>
                {t("rs.toChoose")}
              </option>
              {operators.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.fullName} ({o.login})
                </option>
              ))}
              <option value="pool">{t("rs.pool")}</option>
            </select>
          </label>
        </div>

        <div className="rs-actions">
          <button type="button" className="btn" data-testid="rs-preview" disabled={busy || !cases} onClick={runPreview}>
            {t("rs.preview")}
          </button>
          {preview && (
            <span className="rs-preview" data-testid="rs-preview-count" aria-live="polite">
              {count === 0 ? t("rs.noMatch") : t("rs.matches", { n: number(count) })}
              {breakdown.length > 0 && (
                <span className="muted" data-testid="rs-preview-breakdown">
                  {" "}
                  ({breakdown.map((b) => `${statusName(b.status, t)} ${number(b.n)}`).join(" · ")})
                </span>
              )}
            </span>
          )}
          <button
            type="button"
            className="btn btn-primary rs-move"
            data-testid="rs-move"
            disabled={busy || !preview || count === 0 || to === ""}
            title={to === "" ? t("rs.needTarget") : undefined}
            onClick={move}
          >
            {preview ? t("rs.move", { n: number(count) }) : t("rs.moveNone")}
            {targetName && ` → ${targetName}`}
          </button>
        </div>
        {preview && count > 0 && to === "" && (
          <p className="muted" data-testid="rs-need-target">
            {t("rs.needTarget")}
          </p>
        )}

        {result && (
          <div
            className={`rs-result${result.conflicts.length > 0 || result.inCall.length > 0 ? " has-warning" : ""}`}
            data-testid="rs-result"
            role="status"
          >
            <p className="rs-moved" data-testid="rs-moved">
              {t("rs.moved", {
                moved: number(result.moved),
                selected: number(result.selected),
                to: result.to ?? t("rs.pool"),
              })}
            </p>
            {result.unchanged > 0 && (
              <p data-testid="rs-unchanged">{t("rs.unchanged", { n: number(result.unchanged) })}</p>
            )}
            {result.conflicts.length > 0 && (
              <p className="rs-warning" data-testid="rs-conflicts">
                {t("rs.conflicts", { n: number(result.conflicts.length) })}{" "}
                <button type="button" className="btn btn-small" data-testid="rs-reselect" disabled={busy} onClick={runPreview}>
                  {t("rs.reselect")}
                </button>
              </p>
            )}
            {result.inCall.length > 0 && (
              <p className="rs-warning" data-testid="rs-in-call">
                {t("rs.inCall", { n: number(result.inCall.length) })}
              </p>
            )}
          </div>
        )}
      </section>
      <AuditList campaign={campaign} staff={staff} cases={cases} reloadKey={auditKey} report={report} />
      <ChangeTrail campaign={campaign} staff={staff} cases={cases} reloadKey={auditKey} report={report} />
    </>
  );
}
