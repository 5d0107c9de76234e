/** The campaign's recent moves, take-backs, exports with names and numbers and purges, newest
 * first: who did what to which case, and the change (from which call list to which, from whom a
 * case was taken back, how many interviews went into which file, how many cases were purged). */
import { useEffect, useState } from "react";
import { commands, type AuditView, type CampaignView, type CaseOverview, type StaffView } from "../api/bindings";
import { useLang, type T } from "../i18n";
import { caseName } from "../labels";

interface Props {
  campaign: CampaignView;
  staff: readonly StaffView[];
  cases: readonly CaseOverview[] | null;
  /** Changes whenever the audit may have grown: the list is read again. */
  reloadKey: number;
  report: (e: unknown) => void;
}

const SHOWN = 20;

/** A small JSON object of the audit (`{"call_list":"…"}`), or an empty one. */
function parsed(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function change(entry: AuditView, nameOf: (id: unknown) => string, t: T): string {
  const before = parsed(entry.before);
  const after = parsed(entry.after);
  if (entry.action === "reassign") {
    const list = (id: unknown) => (id === null || id === undefined ? t("rs.pool") : nameOf(id));
    return `${list(before.call_list)} → ${list(after.call_list)}`;
  }
  if (entry.action === "force_release" && before.holder) {
    return t("audit.releasedFrom", { holder: nameOf(before.holder) });
  }
  // The core words an export and a purge itself: how many interviews into which file, how many
  // cases and dossiers lost their names and numbers.
  if (entry.action === "export_contacts" || entry.action === "purge") return entry.after ?? "";
  return "";
}

function actionLabel(action: string, t: T): string {
  if (action === "reassign") return t("audit.reassign");
  if (action === "force_release") return t("audit.forceRelease");
  if (action === "export_contacts") return t("audit.exportContacts");
  if (action === "purge") return t("audit.purge");
  return action;
}

/** The columns of an audit table: when, who, what, on what (`subject`), and the change. */
export function AuditHead({ subject }: { subject: string }) {
  const { t } = useLang();
  return (
    <thead>
      <tr>
        <th scope="col">{t("audit.col.at")}</th>
        <th scope="col">{t("audit.col.actor")}</th>
        <th scope="col">{t("audit.col.action")}</th>
        <th scope="col">{subject}</th>
        <th scope="col">{t("audit.col.change")}</th>
      </tr>
    </thead>
  );
}

export function AuditList({ campaign, staff, cases, reloadKey, report }: Props) {
  const { t } = useLang();
  const [entries, setEntries] = useState<AuditView[] | null>(null);

  useEffect(() => {
    let live = true;
    commands.auditLog({ campaignId: campaign.id }).then(
      (list) => live && setEntries(list),
      (e: unknown) => live && report(e),
    );
    return () => {
      live = false;
    };
  }, [campaign.id, reloadKey, report]);

  const nameOf = (id: unknown) => staff.find((s) => s.id === id)?.fullName ?? String(id);
  const actorName = (login: string) => staff.find((s) => s.login === login)?.fullName ?? login;
  const caseNamed = (id: string | null) => {
    const c = id ? cases?.find((x) => x.caseId === id) : undefined;
    return c ? caseName(c, t) : (id ?? "");
  };
  const newest = entries ? [...entries].reverse().slice(0, SHOWN) : [];

  return (
    <section className="panel audit" aria-labelledby="audit-title" data-testid="audit">
      <h2 className="subhead" id="audit-title">
        {t("audit.title")}
      </h2>
      {entries === null ? (
        <p className="muted">{t("common.loading")}</p>
      ) : entries.length === 0 ? (
        <p className="muted" data-testid="audit-empty">
          {t("audit.empty")}
        </p>
      ) : (
        <>
          <table className="cases audit-table">
            <AuditHead subject={t("audit.col.case")} />
            <tbody>
              {newest.map((e, i) => (
                <tr key={`${e.at}-${e.caseId}-${i}`} data-testid="audit-row" data-action={e.action}>
                  <td className="nowrap mono">{e.at}</td>
                  <td className="nowrap">{actorName(e.actor)}</td>
                  <td className="nowrap" data-testid="audit-action">
                    {actionLabel(e.action, t)}
                  </td>
                  <td data-testid="audit-case">{caseNamed(e.caseId)}</td>
                  <td data-testid="audit-change">{change(e, nameOf, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries.length > SHOWN && (
            <p className="muted table-note">{t("audit.more", { n: SHOWN, total: entries.length })}</p>
          )}
        </>
      )}
    </section>
  );
}
