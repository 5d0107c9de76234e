/** The bar on top of every screen: who is logged in and as what, on which campaign, where their
 * role may go (an administrator: the supervisor screens, the campaigns, the people, personal data), the language,
 * and logging out. */
import type { CampaignView, SessionView } from "../api/bindings";
import { useLang, type Lang } from "../i18n";
import type { Screen } from "../session";

/** An administrator's screens, in the top bar's order: the others than the one open are offered. */
const ADMIN_SCREENS = ["supervisor", "setup", "people", "privacy"] as const;

interface Props {
  /** Null on the login screen. */
  person: SessionView | null;
  screen: Screen;
  campaign: CampaignView | null;
  /** The person's campaigns: a supervisor with more than one switches here. */
  campaigns: readonly CampaignView[];
  onCampaign: (id: string) => void;
  go: (screen: Screen) => void;
  onLogout: () => void;
  loggingOut: boolean;
  lang: Lang;
  onLang: () => void;
}

export function TopBar({ person, screen, campaign, campaigns, onCampaign, go, onLogout, loggingOut, lang, onLang }: Props) {
  const { t } = useLang();
  const showsCampaign = campaign !== null && (screen.kind === "desk" || screen.kind === "supervisor");
  // A supervisor with several campaigns switches here; an operator changes on their own screen.
  const switchable = showsCampaign && screen.kind === "supervisor" && campaigns.length > 1;
  return (
    <header className="topbar">
      <div className="brand" aria-hidden={!person}>
        {t("app.title")}
      </div>
      {person && (
        <div className="whoami">
          <span className="whoami-person" data-testid="current-person">
            {person.fullName}
            <span className="whoami-role" data-testid="current-role">
              {" "}
              · {t(`role.${person.role}`)}
            </span>
          </span>
          {switchable && (
            <select
              className="select campaign-switch"
              data-testid="campaign-switch"
              aria-label={t("nav.campaign")}
              value={campaign.id}
              onChange={(e) => onCampaign(e.target.value)}
            >
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code} — {c.name}
                </option>
              ))}
            </select>
          )}
          {showsCampaign && !switchable && (
            <span className="whoami-campaign" data-testid="current-campaign" title={campaign.name}>
              {campaign.code} — {campaign.name}
            </span>
          )}
        </div>
      )}
      <nav className="topnav">
        {person?.role === "operator" && screen.kind === "desk" && campaigns.length > 1 && (
          <button type="button" className="btn btn-quiet" data-testid="nav-campaigns" onClick={() => go({ kind: "campaigns" })}>
            {t("nav.campaigns")}
          </button>
        )}
        {person?.role === "admin" &&
          ADMIN_SCREENS.filter((kind) => kind !== screen.kind).map((kind) => (
            <button key={kind} type="button" className="btn btn-quiet" data-testid={`nav-${kind}`} onClick={() => go({ kind })}>
              {t(`nav.${kind}`)}
            </button>
          ))}
        <button
          type="button"
          className="btn btn-lang"
          data-testid="lang-toggle"
          onClick={onLang}
          title={t("lang.switchTitle")}
          aria-label={t("lang.switchTitle")}
        >
          <span className={lang === "vi" ? "lang-on" : "lang-off"}>VI</span>
          <span aria-hidden="true"> ⇄ </span>
          <span className={lang === "en" ? "lang-on" : "lang-off"}>EN</span>
        </button>
        {person && (
          <button type="button" className="btn btn-quiet" data-testid="nav-logout" disabled={loggingOut} onClick={onLogout}>
            {t("nav.logout")}
          </button>
        )}
      </nav>
    </header>
  );
}
