/** The operator's choice among the campaigns they are on; the chosen one opens the desk. */
import { useEffect, useRef } from "react";
import type { CampaignView } from "../api/bindings";
import { useLang } from "../i18n";

interface Props {
  campaigns: readonly CampaignView[];
  onChoose: (campaign: CampaignView) => void;
}

export function Campaigns({ campaigns, onChoose }: Props) {
  const { t } = useLang();
  const first = useRef<HTMLButtonElement>(null);
  // The keyboard starts on the first campaign: Enter opens it, Tab moves on.
  useEffect(() => {
    first.current?.focus();
  }, []);
  return (
    <main className="start" data-testid="campaign-choice">
      <h1 className="screen-title">{t("home.title")}</h1>
      {campaigns.length === 0 ? (
        <p className="panel" data-testid="no-campaign">
          {t("home.noCampaign")}
        </p>
      ) : (
        <ul className="campaign-list">
          {campaigns.map((c, i) => (
            <li key={c.id}>
              <button
                ref={i === 0 ? first : undefined}
                type="button"
                className="btn btn-campaign"
                data-testid={`campaign-choice-${c.code}`}
                onClick={() => onChoose(c)}
              >
                <span className="campaign-name">
                  {c.code} — {c.name}
                </span>
                <span className="campaign-window">
                  {t("home.window", { from: c.receivedFrom, to: c.receivedTo, max: c.maxAttempts })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
