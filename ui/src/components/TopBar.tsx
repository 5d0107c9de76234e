/** The bar on top of every screen: who works, on which campaign, where to go, and the language. */
import type { CampaignView, StaffView } from "../api/bindings";
import { useLang, type Lang } from "../i18n";
import type { Screen } from "../session";

interface Props {
  screen: Screen;
  campaign: CampaignView | null;
  onHome: () => void;
  onDesk: () => void;
  onSupervisor: (person: StaffView) => void;
  lang: Lang;
  onLang: () => void;
}

export function TopBar({ screen, campaign, onHome, onDesk, onSupervisor, lang, onLang }: Props) {
  const { t } = useLang();
  return (
    <header className="topbar">
      <div className="brand" aria-hidden={screen.kind === "start"}>
        {t("app.title")}
      </div>
      {screen.kind !== "start" && (
        <div className="whoami">
          <span className="whoami-person" data-testid="current-person">
            {screen.person.fullName}
            <span className="whoami-role"> · {t(`role.${screen.person.role}`)}</span>
          </span>
          {campaign && (
            <span className="whoami-campaign" data-testid="current-campaign" title={campaign.name}>
              {campaign.code} — {campaign.name}
            </span>
          )}
        </div>
      )}
      <nav className="topnav">
        {screen.kind !== "start" && (
          <button type="button" className="btn btn-quiet" data-testid="nav-home" onClick={onHome}>
            {t("nav.home")}
          </button>
        )}
        {screen.kind === "desk" && (
          <button
            type="button"
            className="btn btn-quiet"
            data-testid="nav-supervisor"
            onClick={() => onSupervisor(screen.person)}
          >
            {t("nav.supervisor")}
          </button>
        )}
        {screen.kind === "supervisor" && (
          <button type="button" className="btn btn-quiet" data-testid="nav-desk" onClick={onDesk}>
            {t("nav.desk")}
          </button>
        )}
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
      </nav>
    </header>
  );
}
