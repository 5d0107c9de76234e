/** The whole window: the login, then what the person's role may open (the desk for an operator,
 * the supervisor screens; the people and personal data for an administrator); loads what every
 * screen needs (the chosen campaign's outcomes too), holds the case and its heartbeat, and logs out. */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  commands,
  type ApiError,
  type AppInfo,
  type CampaignView,
  type OutcomeView,
  type SessionView,
  type StaffView,
} from "./api/bindings";
import { ErrorBanner } from "./components/ErrorBanner";
import { TopBar } from "./components/TopBar";
import { toApiError } from "./errors";
import { LangContext, loadLang, saveLang, translator, type Lang } from "./i18n";
import { Campaigns } from "./screens/Campaigns";
import { Desk } from "./screens/Desk";
import { Login } from "./screens/Login";
import { People } from "./screens/People";
import { Privacy } from "./screens/Privacy";
import { Setup } from "./screens/Setup";
import { Supervisor } from "./screens/Supervisor";
import { homeScreen, mayOpen, mustKeep, supervises, type HeldCase, type Screen } from "./session";

/** What a logged-in person works with: their campaigns, and the people for a supervisor's lists. */
interface Work {
  campaigns: CampaignView[];
  staff: StaffView[];
}

type Loadable<T> = { state: "loading" } | { state: "failed" } | { state: "ready"; data: T };

/** The outcome catalogue of one campaign: each campaign has its own. */
interface Outcomes {
  campaignId: string;
  state: "loading" | "failed" | "ready";
  list: OutcomeView[];
}

export function App() {
  const [lang, setLang] = useState<Lang>(() => loadLang());
  const langState = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  const { t } = langState;

  const [boot, setBoot] = useState<Loadable<AppInfo>>({ state: "loading" });
  const [person, setPerson] = useState<SessionView | null>(null);
  const [work, setWork] = useState<Loadable<Work> | null>(null);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: "campaigns" });
  const [held, setHeld] = useState<HeldCase | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [outcomes, setOutcomes] = useState<Outcomes | null>(null);
  const [loggingOut, setLoggingOut] = useState(false);

  const clearError = useCallback(() => setError(null), []);
  /** Shows a failed command; a lost lease also drops the case, which is no longer ours. */
  const report = useCallback((e: unknown) => {
    const apiError = toApiError(e);
    setError(apiError);
    if (apiError.kind === "leaseLost") setHeld(null);
  }, []);

  /** After a login (or a reload with a session): the person's campaigns, then their first screen. */
  const loadWork = useCallback(
    async (who: SessionView) => {
      setWork({ state: "loading" });
      setError(null);
      try {
        const [campaigns, staff] = await Promise.all([
          commands.listCampaigns(),
          supervises(who.role) ? commands.listStaff() : Promise.resolve([]),
        ]);
        setWork({ state: "ready", data: { campaigns, staff } });
        setCampaignId(campaigns[0]?.id ?? null);
        setScreen(homeScreen(who.role, campaigns.length));
      } catch (e) {
        report(e);
        setWork({ state: "failed" });
      }
    },
    [report],
  );

  const begin = useCallback(
    (who: SessionView) => {
      setPerson(who);
      void loadWork(who);
    },
    [loadWork],
  );

  const loadInfo = useCallback(async () => {
    setBoot({ state: "loading" });
    setError(null);
    try {
      const info = await commands.appInfo();
      setBoot({ state: "ready", data: info });
      // The window was reloaded: the core still has the person logged in.
      if (info.session) begin(info.session);
    } catch (e) {
      report(e);
      setBoot({ state: "failed" });
    }
  }, [begin, report]);

  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);

  /** A campaign was made: the lists of campaigns read it; the first becomes the current one. */
  const reloadCampaigns = useCallback(async () => {
    try {
      const campaigns = await commands.listCampaigns();
      setWork((w) => (w?.state === "ready" ? { state: "ready", data: { ...w.data, campaigns } } : w));
      setCampaignId((id) => id ?? campaigns[0]?.id ?? null);
    } catch (e) {
      report(e);
    }
  }, [report]);

  /** The people changed (someone added): the supervisor's lists read them again. */
  const reloadStaff = useCallback(async () => {
    try {
      const staff = await commands.listStaff();
      setWork((w) => (w?.state === "ready" ? { state: "ready", data: { ...w.data, staff } } : w));
    } catch (e) {
      report(e);
    }
  }, [report]);

  const loadOutcomes = useCallback(
    async (id: string) => {
      setOutcomes({ campaignId: id, state: "loading", list: [] });
      try {
        const list = await commands.listOutcomes({ campaignId: id });
        setOutcomes((o) => (o?.campaignId === id ? { campaignId: id, state: "ready", list } : o));
      } catch (e) {
        report(e);
        setOutcomes((o) => (o?.campaignId === id ? { ...o, state: "failed" } : o));
      }
    },
    [report],
  );

  // The desk's buttons and keys and the labels of every screen come from the chosen campaign's catalogue.
  const ready = work?.state === "ready" ? work.data : null;
  useEffect(() => {
    if (ready && campaignId) void loadOutcomes(campaignId);
  }, [ready, campaignId, loadOutcomes]);

  useEffect(() => {
    document.documentElement.lang = lang;
    saveLang(lang);
  }, [lang]);

  // Renew the lease on the held case for as long as it is held, on any screen.
  const info = boot.state === "ready" ? boot.data : null;
  const heartbeatSeconds = info?.heartbeatSeconds ?? 60;
  const lease = held?.card.lease;
  const leaseKey = lease ? `${lease.caseId}/${lease.holder}/${lease.epoch}` : null;
  const leaseRef = useRef(lease);
  leaseRef.current = lease;
  useEffect(() => {
    if (!leaseKey) return undefined;
    const timer = window.setInterval(() => {
      const current = leaseRef.current;
      if (current) commands.heartbeat(current).catch(report);
    }, Math.max(1, heartbeatSeconds) * 1000);
    return () => window.clearInterval(timer);
  }, [leaseKey, heartbeatSeconds, report]);

  /** Switches to a screen the person's role may open; leaving the desk releases the held case
   * unless its interview has answers. */
  const go = useCallback(
    (next: Screen) => {
      if (!person || !mayOpen(person.role, next)) return;
      const stayingAtDesk = screen.kind === "desk" && next.kind === "desk";
      if (held && !stayingAtDesk && !mustKeep(held)) {
        commands.releaseCase(held.card.lease).catch((e: unknown) => {
          // A case that is no longer ours needs no releasing.
          if (toApiError(e).kind !== "leaseLost") report(e);
        });
        setHeld(null);
      }
      setError(null);
      setScreen(next);
    },
    [person, held, screen, report],
  );

  /** Logs out, leaving the desk as going to another screen does: the held case is released
   * first (the core refuses it once logged out), unless its interview has answers. */
  const logOut = async () => {
    setLoggingOut(true);
    if (held && !mustKeep(held)) {
      // Not ours any more, or the database away: either way its hold runs out by itself.
      await commands.releaseCase(held.card.lease).catch(() => undefined);
    }
    try {
      await commands.logout();
    } catch (e) {
      report(e);
      setLoggingOut(false);
      return;
    }
    setHeld(null);
    setPerson(null);
    setWork(null);
    setOutcomes(null);
    setCampaignId(null);
    setScreen({ kind: "campaigns" });
    setError(null);
    setLoggingOut(false);
  };

  const campaigns = ready?.campaigns ?? [];
  const campaign = campaigns.find((c) => c.id === campaignId) ?? null;
  const catalogue = outcomes && campaign && outcomes.campaignId === campaign.id ? outcomes : null;

  let body;
  if (!person) {
    body = (
      <Login
        info={info}
        loading={boot.state === "loading"}
        failed={boot.state === "failed"}
        onRetry={() => void loadInfo()}
        onLoggedIn={begin}
      />
    );
  } else if (!ready) {
    body = (
      <main className="start" data-testid="work-loading">
        {work?.state === "failed" ? (
          <button type="button" className="btn btn-primary" data-testid="retry" onClick={() => void loadWork(person)}>
            {t("common.retry")}
          </button>
        ) : (
          <p className="muted">{t("common.loading")}</p>
        )}
      </main>
    );
  } else if (screen.kind === "people") {
    body = (
      <People me={person} campaigns={campaigns} report={report} clearError={clearError} onChanged={() => void reloadStaff()} />
    );
  } else if (screen.kind === "setup") {
    body = <Setup campaigns={campaigns} onCreated={() => void reloadCampaigns()} />;
  } else if (screen.kind === "privacy") {
    body = <Privacy campaigns={campaigns} today={info?.today ?? null} report={report} clearError={clearError} />;
  } else if (screen.kind === "campaigns") {
    body = (
      <Campaigns
        campaigns={campaigns}
        onChoose={(c) => {
          setCampaignId(c.id);
          go({ kind: "desk" });
        }}
      />
    );
  } else if (!campaign) {
    body = (
      <main className="start">
        <p className="panel" data-testid="no-campaign">
          {t(person.role === "admin" ? "home.noCampaignAdmin" : "home.noCampaign")}
        </p>
      </main>
    );
  } else if (catalogue?.state !== "ready") {
    body = (
      <main className="start" data-testid="outcomes-loading">
        {catalogue?.state === "failed" ? (
          <button type="button" className="btn btn-primary" data-testid="retry-outcomes" onClick={() => void loadOutcomes(campaign.id)}>
            {t("common.retry")}
          </button>
        ) : (
          <p className="muted">{t("common.loading")}</p>
        )}
      </main>
    );
  } else if (screen.kind === "desk") {
    body = (
      <Desk
        campaign={campaign}
        outcomes={catalogue.list}
        held={held}
        setHeld={setHeld}
        report={report}
        clearError={clearError}
      />
    );
  } else {
    body = (
      <Supervisor
        key={campaign.id}
        campaign={campaign}
        staff={ready.staff}
        outcomes={catalogue.list}
        report={report}
        clearError={clearError}
      />
    );
  }

  const heldElsewhere =
    held && mustKeep(held) && !(screen.kind === "desk" && campaign?.id === held.campaignId);

  return (
    <LangContext.Provider value={langState}>
      <div className="app">
        <TopBar
          person={person}
          screen={screen}
          campaign={campaign}
          campaigns={campaigns}
          onCampaign={setCampaignId}
          go={go}
          onLogout={() => void logOut()}
          loggingOut={loggingOut}
          lang={lang}
          onLang={() => setLang(lang === "vi" ? "en" : "vi")}
        />
        {info?.testClock && (
          <div className="banner banner-clock" role="note" data-testid="test-clock">
            {t("nav.testClock")}
          </div>
        )}
        <ErrorBanner error={error} onClose={clearError} />
        {heldElsewhere && (
          <div className="banner banner-warning" role="status" data-testid="held-warning">
            {t("nav.heldWarning", { name: held.card.respondentName })}
          </div>
        )}
        {body}
      </div>
    </LangContext.Provider>
  );
}
