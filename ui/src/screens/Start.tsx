/** The start screen: where the data lives, which campaign, and who is working (operator or supervisor). */
import type { Role, StaffView } from "../api/bindings";
import type { Boot } from "../App";
import { useLang } from "../i18n";

interface Props {
  boot: Boot | null;
  loading: boolean;
  failed: boolean;
  onRetry: () => void;
  campaignId: string | null;
  onCampaign: (id: string) => void;
  onWorkAs: (person: StaffView) => void;
}

const GROUPS: { key: "start.operators" | "start.supervisors"; roles: Role[] }[] = [
  { key: "start.operators", roles: ["operator"] },
  { key: "start.supervisors", roles: ["supervisor", "admin"] },
];

export function Start({ boot, loading, failed, onRetry, campaignId, onCampaign, onWorkAs }: Props) {
  const { t } = useLang();
  const campaign = boot?.campaigns.find((c) => c.id === campaignId) ?? null;
  return (
    <main className="start" data-testid="start-screen">
      <div className="start-head">
        <h1 className="start-title">{t("app.title")}</h1>
        <p className="start-subtitle">{t("app.subtitle")}</p>
      </div>

      {loading && <p className="muted">{t("common.loading")}</p>}
      {failed && (
        <button type="button" className="btn btn-primary" data-testid="retry" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}

      {boot && (
        <>
          <p className="db-info" data-testid="db-info">
            {t("start.db", { backend: boot.info.backend, location: boot.info.location })}
            <span className="muted"> · {t("start.version", { version: boot.info.version })}</span>
          </p>

          <section className="panel start-section">
            <label className="field-label" htmlFor="campaign-select">
              {t("start.campaign")}
            </label>
            {boot.campaigns.length === 0 ? (
              <p data-testid="no-campaign">{t("start.noCampaign")}</p>
            ) : (
              <>
                <select
                  id="campaign-select"
                  className="select"
                  data-testid="campaign-select"
                  value={campaignId ?? ""}
                  onChange={(e) => onCampaign(e.target.value)}
                >
                  {boot.campaigns.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.code} — {c.name}
                    </option>
                  ))}
                </select>
                {campaign && (
                  <p className="muted campaign-window">
                    {t("start.window", {
                      from: campaign.receivedFrom,
                      to: campaign.receivedTo,
                      max: campaign.maxAttempts,
                    })}
                  </p>
                )}
              </>
            )}
          </section>

          <section className="start-section">
            <h2 className="section-title">{t("start.workAs")}</h2>
            {boot.staff.length === 0 && <p>{t("start.noStaff")}</p>}
            <div className="staff-groups">
              {GROUPS.map((group) => {
                const people = boot.staff.filter((s) => group.roles.includes(s.role));
                if (people.length === 0) return null;
                return (
                  <div className="staff-group" key={group.key} data-testid={`staff-${group.roles[0]}`}>
                    <h3 className="staff-group-title">{t(group.key)}</h3>
                    <ul className="staff-list">
                      {people.map((person) => (
                        <li key={person.id}>
                          <button
                            type="button"
                            className="btn btn-person"
                            data-testid={`work-as-${person.login}`}
                            disabled={!campaign}
                            onClick={() => onWorkAs(person)}
                          >
                            <span className="person-name">{person.fullName}</span>
                            <span className="person-login">
                              {person.login} · {t(`role.${person.role}`)}
                            </span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  </div>
                );
              })}
            </div>
          </section>
        </>
      )}
    </main>
  );
}
