/** What the shared database's own trail recorded for the campaign, newest first: who changed
 * which row of which table, when (the server's clock), and the columns that changed — names and
 * numbers starred, as the server keeps them. The embedded file keeps no such trail: nothing is
 * shown there. */
import { useEffect, useState } from "react";
import { commands, type CampaignView, type CaseOverview, type StaffView, type TrailView } from "../api/bindings";
import { useLang, type MessageKey, type T } from "../i18n";
import { caseName } from "../labels";
import { AuditHead } from "./AuditList";

interface Props {
  campaign: CampaignView;
  staff: readonly StaffView[];
  /** The campaign's cases, to name a case's row by its person (as the supervisor sees it). */
  cases: readonly CaseOverview[] | null;
  /** Changes whenever the trail may have grown: it is read again. */
  reloadKey: number;
  report: (e: unknown) => void;
}

const SHOWN = 30;
const TABLES = [
  "survey_case",
  "attempt",
  "interview",
  "answer_log",
  "result_interview",
  "dossier",
  "staff",
  "staff_campaign",
  "campaign",
  "import_batch",
  "sample_draw",
  "interview_import",
] as const;
const OPERATIONS = ["INSERT", "UPDATE", "DELETE", "SELECT"] as const;

function tableLabel(table: string, t: T): string {
  return (TABLES as readonly string[]).includes(table) ? t(`trail.table.${table}` as MessageKey) : table;
}

function operationLabel(operation: string, t: T): string {
  return (OPERATIONS as readonly string[]).includes(operation) ? t(`trail.op.${operation}` as MessageKey) : operation;
}

export function ChangeTrail({ campaign, staff, cases, reloadKey, report }: Props) {
  const { t } = useLang();
  const [trail, setTrail] = useState<TrailView | null>(null);

  useEffect(() => {
    let live = true;
    commands.changeTrail({ campaignId: campaign.id, limit: SHOWN }).then(
      (view) => live && setTrail(view),
      (e: unknown) => live && report(e),
    );
    return () => {
      live = false;
    };
  }, [campaign.id, reloadKey, report]);

  if (!trail?.kept) return null;
  const actorName = (login: string) => staff.find((s) => s.login === login)?.fullName ?? login;
  const rowName = (table: string, row: string) => {
    const c = table === "survey_case" ? cases?.find((x) => x.caseId === row) : undefined;
    return c ? caseName(c, t) : row;
  };
  // A person's id (a holder, a call list) reads as their name; anything else as it was kept.
  const value = (v: string) => (v === "" ? "∅" : (staff.find((s) => s.id === v)?.fullName ?? v));
  return (
    <section className="panel audit" aria-labelledby="trail-title" data-testid="trail">
      <h2 className="subhead" id="trail-title">
        {t("trail.title")}
      </h2>
      <p className="muted">{t("trail.hint", { n: SHOWN })}</p>
      {trail.lines.length === 0 ? (
        <p className="muted" data-testid="trail-empty">
          {t("trail.empty")}
        </p>
      ) : (
        <table className="cases audit-table">
          <AuditHead subject={t("trail.col.row")} />
          <tbody>
            {trail.lines.map((line, i) => (
              <tr key={`${line.at}-${line.row}-${i}`} data-testid="trail-row">
                <td className="nowrap mono">{line.at}</td>
                <td className="nowrap">{actorName(line.actor)}</td>
                <td className="nowrap" data-testid="trail-action">
                  {operationLabel(line.operation, t)} · {tableLabel(line.table, t)}
                </td>
                <td data-testid="trail-row-key">{rowName(line.table, line.row)}</td>
                <td data-testid="trail-changes">
                  {line.changes.map((c) => (
                    <div key={c.column}>
                      <span className="mono">{c.column}</span>: {value(c.before)} → {value(c.after)}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
