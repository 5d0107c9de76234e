/** The whole window: loads what every screen needs (the chosen campaign's outcomes too), switches screens, holds the case and its heartbeat. */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  commands,
  type ApiError,
  type AppInfo,
  type CampaignView,
  type OutcomeView,
  type StaffView,
} from "./api/bindings";
import { ErrorBanner } from "./components/ErrorBanner";
import { TopBar } from "./components/TopBar";
import { toApiError } from "./errors";
import { LangContext, loadLang, saveLang, translator, type Lang } from "./i18n";
import { Desk } from "./screens/Desk";
import { Start } from "./screens/Start";
import { Supervisor } from "./screens/Supervisor";
import { mustKeep, type HeldCase, type Screen } from "./session";

export interface Boot {
  info: AppInfo;
  campaigns: CampaignView[];
  staff: StaffView[];
}

type BootState = { state: "loading" } | { state: "failed" } | { state: "ready"; data: Boot };

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

  const [boot, setBoot] = useState<BootState>({ state: "loading" });
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: "start" });
  const [lastOperator, setLastOperator] = useState<StaffView | null>(null);
  const [held, setHeld] = useState<HeldCase | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [outcomes, setOutcomes] = useState<Outcomes | null>(null);

  const clearError = useCallback(() => setError(null), []);
  /** Shows a failed command; a lost lease also drops the case, which is no longer ours. */
  const report = useCallback((e: unknown) => {
    const apiError = toApiError(e);
    setError(apiError);
    if (apiError.kind === "leaseLost") setHeld(null);
  }, []);

  const load = useCallback(async () => {
    setBoot({ state: "loading" });
    setError(null);
    try {
      const [info, campaigns, staff] = await Promise.all([
        commands.appInfo(),
        commands.listCampaigns(),
        commands.listStaff(),
      ]);
      setBoot({ state: "ready", data: { info, campaigns, staff } });
      setCampaignId((current) =>
        current && campaigns.some((c) => c.id === current) ? current : (campaigns[0]?.id ?? null),
      );
    } catch (e) {
      report(e);
      setBoot({ state: "failed" });
    }
  }, [report]);

  useEffect(() => {
    void load();
  }, [load]);

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
  const booted = boot.state === "ready" ? boot.data : null;
  useEffect(() => {
    if (booted && campaignId) void loadOutcomes(campaignId);
  }, [booted, campaignId, loadOutcomes]);

  useEffect(() => {
    document.documentElement.lang = lang;
    saveLang(lang);
  }, [lang]);

  // Renew the lease on the held case for as long as it is held, on any screen.
  const heartbeatSeconds = boot.state === "ready" ? boot.data.info.heartbeatSeconds : 60;
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

  /** Switches screens; leaving the desk releases the held case unless its interview has answers. */
  const go = useCallback(
    (next: Screen) => {
      const stayingAtDesk =
        screen.kind === "desk" && next.kind === "desk" && screen.person.id === next.person.id;
      if (held && !stayingAtDesk && !mustKeep(held)) {
        commands.releaseCase(held.card.lease).catch((e: unknown) => {
          // A case that is no longer ours needs no releasing.
          if (toApiError(e).kind !== "leaseLost") report(e);
        });
        setHeld(null);
      }
      if (next.kind === "desk") setLastOperator(next.person);
      setError(null);
      setScreen(next);
    },
    [held, screen, report],
  );

  const data = boot.state === "ready" ? boot.data : null;
  const campaign = data?.campaigns.find((c) => c.id === campaignId) ?? null;
  const workAs = (person: StaffView) =>
    go(person.role === "operator" ? { kind: "desk", person } : { kind: "supervisor", person });

  const catalogue = outcomes && campaign && outcomes.campaignId === campaign.id ? outcomes : null;
  let body;
  if (screen.kind === "start" || !data || !campaign) {
    body = (
      <Start
        boot={boot.state === "ready" ? boot.data : null}
        loading={boot.state === "loading"}
        failed={boot.state === "failed"}
        onRetry={() => void load()}
        campaignId={campaignId}
        onCampaign={setCampaignId}
        onWorkAs={workAs}
      />
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
        operator={screen.person}
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
        campaign={campaign}
        person={screen.person}
        staff={data.staff}
        outcomes={catalogue.list}
        report={report}
        clearError={clearError}
      />
    );
  }

  const heldElsewhere =
    held &&
    mustKeep(held) &&
    !(screen.kind === "desk" && screen.person.id === held.operator.id && campaign?.id === held.campaignId);

  return (
    <LangContext.Provider value={langState}>
      <div className="app">
        <TopBar
          screen={screen.kind === "start" || !campaign ? { kind: "start" } : screen}
          campaign={campaign}
          onHome={() => go({ kind: "start" })}
          onDesk={() => (lastOperator ? go({ kind: "desk", person: lastOperator }) : go({ kind: "start" }))}
          onSupervisor={(person) => go({ kind: "supervisor", person })}
          lang={lang}
          onLang={() => setLang(lang === "vi" ? "en" : "vi")}
        />
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
