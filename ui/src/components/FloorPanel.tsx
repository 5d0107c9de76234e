/** The live floor: each operator of the campaign (calling a case for how long, in an interview,
 * idle, paused and why, away) and each agency's completes against its sample and its calls of
 * the day. The core sends the floor again after every change (PostgreSQL's notifications, or a
 * poll of the SQLite file); nothing here is pressed to refresh it. When the watch loses the
 * database the panel and the window's title say the figures may be old. */
import { useEffect, useRef, useState } from "react";
import { listen } from "@tauri-apps/api/event";
import { commands, FLOOR_EVENT, type CampaignView, type DeskState, type FloorEvent, type FloorView } from "../api/bindings";
import { useLang, type MessageKey } from "../i18n";
import { whole } from "../numbers";

interface Props {
  campaign: CampaignView;
  report: (e: unknown) => void;
}

/** mm:ss, or h:mm:ss past an hour. */
export function clockOf(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, "0");
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

const STATE_LABEL: Record<DeskState["kind"], MessageKey> = {
  calling: "floor.state.calling",
  interviewing: "floor.state.interviewing",
  paused: "floor.state.paused",
  idle: "floor.state.idle",
  away: "floor.state.away",
};

/** Seconds the state has lasted, counted on from when the view arrived. */
function lasted(state: DeskState, since: number, now: number): number | null {
  return state.kind === "away" ? null : state.seconds + (now - since) / 1000;
}

export function FloorPanel({ campaign, report }: Props) {
  const { lang, t } = useLang();
  const [view, setView] = useState<FloorView | null>(null);
  const [stale, setStale] = useState(false);
  const [arrived, setArrived] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const title = useRef(document.title);

  useEffect(() => {
    let gone = false;
    let unlisten: (() => void) | null = null;
    const heard = (event: FloorEvent) => {
      if (event.kind === "stale") {
        setStale(true);
        return;
      }
      setView(event.view);
      setStale(false);
      setArrived(Date.now());
    };
    void (async () => {
      unlisten = await listen<FloorEvent>(FLOOR_EVENT, (e) => heard(e.payload)).catch(() => null);
      if (gone) {
        unlisten?.();
        return;
      }
      try {
        await commands.watchFloor({ campaignId: campaign.id });
      } catch (e) {
        report(e);
      }
    })();
    return () => {
      gone = true;
      unlisten?.();
      commands.unwatchFloor().catch(() => undefined);
    };
  }, [campaign.id, report]);

  // The clocks on the floor move every second between views.
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    const base = title.current;
    document.title = stale ? `${base} — ${t("floor.staleTitle")}` : base;
    return () => {
      document.title = base;
    };
  }, [stale, t]);

  const counts = new Map<DeskState["kind"], number>();
  for (const o of view?.operators ?? []) counts.set(o.state.kind, (counts.get(o.state.kind) ?? 0) + 1);

  return (
    <section className="floor" data-testid="floor" aria-labelledby="floor-title">
      <div className="floor-head">
        <h2 id="floor-title">{t("floor.title")}</h2>
        <span
          className={`floor-badge ${stale ? "is-stale" : "is-live"}`}
          data-testid="floor-badge"
          data-state={stale ? "stale" : view ? "live" : "waiting"}
          role="status"
        >
          {stale ? t("floor.stale") : view ? t("floor.live", { at: view.at }) : t("common.loading")}
        </span>
      </div>
      {view && (
        <>
          <p className="muted floor-summary" data-testid="floor-summary">
            {(["calling", "interviewing", "paused", "idle", "away"] as const)
              .map((kind) => `${t(STATE_LABEL[kind])}: ${whole(counts.get(kind) ?? 0, lang)}`)
              .join(" · ")}
          </p>
          <div className="table-wrap">
            <table className="cases floor-operators" data-testid="floor-operators">
              <caption className="sr-only">{t("floor.operators")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("floor.col.operator")}</th>
                  <th scope="col">{t("floor.col.state")}</th>
                  <th scope="col">{t("floor.col.detail")}</th>
                  <th scope="col" className="num">{t("floor.col.since")}</th>
                </tr>
              </thead>
              <tbody>
                {view.operators.map((o) => {
                  const seconds = lasted(o.state, arrived, now);
                  return (
                    <tr key={o.login} data-testid="floor-operator" data-login={o.login} data-state={o.state.kind}>
                      <td>
                        <span className="cell-main">{o.name}</span>
                        <span className="cell-sub mono">{o.login}</span>
                      </td>
                      <td>
                        <span className={`badge floor-state state-${o.state.kind}`} data-testid="floor-state">
                          {t(STATE_LABEL[o.state.kind])}
                        </span>
                      </td>
                      <td data-testid="floor-detail">
                        {o.state.kind === "calling" || o.state.kind === "interviewing"
                          ? t("floor.case", { dossier: o.state.dossierCode, agency: o.state.agencyCode })
                          : o.state.kind === "paused"
                            ? o.state.reason
                            : ""}
                      </td>
                      <td className="num mono" data-testid="floor-since">
                        {seconds === null ? "" : clockOf(seconds)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {view.operators.length === 0 && (
              <p className="empty-message muted" data-testid="floor-no-operators">
                {t("floor.noOperators")}
              </p>
            )}
          </div>
          <div className="table-wrap">
            <table className="cases floor-agencies" data-testid="floor-agencies">
              <caption className="sr-only">{t("floor.agencies")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("floor.col.agency")}</th>
                  <th scope="col" className="num">{t("floor.col.completes")}</th>
                  <th scope="col" className="num">{t("floor.col.callsToday")}</th>
                  <th scope="col" className="num">{t("floor.col.completesToday")}</th>
                </tr>
              </thead>
              <tbody>
                {view.agencies.map((a) => (
                  <tr key={a.code} data-testid="floor-agency" data-agency={a.code}>
                    <td>
                      <span className="cell-main">{a.name}</span>
                      <span className="cell-sub mono">{a.code}</span>
                    </td>
                    <td className="num" data-testid="floor-completes">
                      {a.required > 0
                        ? t("floor.ofRequired", { done: whole(a.completes, lang), required: whole(a.required, lang) })
                        : whole(a.completes, lang)}
                    </td>
                    <td className="num" data-testid="floor-calls-today">{whole(a.callsToday, lang)}</td>
                    <td className="num" data-testid="floor-completes-today">{whole(a.completesToday, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
