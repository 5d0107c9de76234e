/** The administrator's campaigns: each with its window, calling days and hours, days off and
 * attempt limit, and making a new one (the same use case and checks as the command line). */
import { useState } from "react";
import { commands, type CampaignView } from "../api/bindings";
import { NewCampaignDialog } from "../components/NewCampaignDialog";
import { useLang } from "../i18n";

interface Props {
  campaigns: readonly CampaignView[];
  /** A campaign was made: the app reads the campaigns again. */
  onCreated: (campaign: CampaignView) => void;
}

export function Setup({ campaigns, onCreated }: Props) {
  const { t } = useLang();
  const [creating, setCreating] = useState(false);
  const [made, setMade] = useState<CampaignView | null>(null);
  return (
    <main className="people" data-testid="setup">
      <div className="people-head">
        <h1 className="screen-title">{t("setup.title")}</h1>
        <button type="button" className="btn btn-primary" data-testid="setup-new" onClick={() => setCreating(true)}>
          {t("setup.new")}
        </button>
      </div>
      {made && (
        <p className="intake-saved" role="status" data-testid="setup-made">
          {t("setup.made", { code: made.code, name: made.name })}
        </p>
      )}
      {campaigns.length === 0 ? (
        <p className="panel" data-testid="setup-none">
          {t("setup.none")}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="cases" data-testid="setup-campaigns">
            <thead>
              <tr>
                <th scope="col">{t("setup.col.campaign")}</th>
                <th scope="col">{t("setup.col.window")}</th>
                <th scope="col">{t("setup.col.calling")}</th>
                <th scope="col">{t("setup.col.closed")}</th>
                <th scope="col" className="num">{t("setup.col.attempts")}</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id} data-testid="setup-campaign" data-code={c.code}>
                  <td>
                    <span className="cell-main">{c.name}</span>
                    <span className="cell-sub mono">{c.code}</span>
                  </td>
                  <td className="nowrap">
                    {c.receivedFrom} – {c.receivedTo}
                  </td>
                  <td>
                    {c.callingDays}, {c.callingHours}
                    <span className="cell-sub">{t(c.publicHolidays ? "setup.holidaysOff" : "setup.holidaysOn")}</span>
                  </td>
                  <td data-testid="setup-closed">{c.closedDates.join(", ") || "—"}</td>
                  <td className="num">{c.maxAttempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && (
        <NewCampaignDialog
          onCancel={() => setCreating(false)}
          onCreate={async (form) => {
            const campaign = await commands.createCampaign(form);
            setCreating(false);
            setMade(campaign);
            onCreated(campaign);
          }}
        />
      )}
    </main>
  );
}
