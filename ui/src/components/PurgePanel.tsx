/** Removing a finished campaign's personal data: every campaign with the period its list covers,
 * and a purge for each, counted first, then confirmed by typing the campaign's code. */
import { useState } from "react";
import type { CampaignView, PurgeReport } from "../api/bindings";
import { useLang } from "../i18n";
import { whole } from "../numbers";
import { PurgeDialog } from "./PurgeDialog";
import { StatusMessage } from "./StatusMessage";

interface Props {
  campaigns: readonly CampaignView[];
  clearError: () => void;
}

export function PurgePanel({ campaigns, clearError }: Props) {
  const { lang, t } = useLang();
  const [purging, setPurging] = useState<CampaignView | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const purged = (done: PurgeReport) => {
    setPurging(null);
    clearError();
    setMessage(
      t("purge.done", { cases: whole(done.cases, lang), dossiers: whole(done.dossiers, lang), code: done.campaign }),
    );
  };

  return (
    <section className="panel privacy-section" aria-labelledby="purge-title" data-testid="purge">
      <div>
        <h2 className="section-title" id="purge-title">
          {t("purge.title")}
        </h2>
        <p className="hint">{t("purge.hint")}</p>
      </div>
      <StatusMessage text={message} testId="purge-message" />
      <div className="table-wrap">
        <table className="cases purge-table" data-testid="purge-table">
          <thead>
            <tr>
              <th scope="col">{t("purge.col.campaign")}</th>
              <th scope="col">{t("purge.col.period")}</th>
              <th scope="col">
                <span className="sr-only">{t("req.col.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id} data-testid="purge-row" data-code={c.code}>
                <td>
                  <span className="cell-main mono">{c.code}</span>
                  <span className="cell-sub">{c.name}</span>
                </td>
                <td className="nowrap" data-testid="purge-period">
                  {t("purge.period", { from: c.receivedFrom, to: c.receivedTo })}
                </td>
                <td className="purge-action">
                  <button
                    type="button"
                    className="btn btn-small btn-danger-quiet"
                    data-testid="purge-open"
                    onClick={() => {
                      setMessage(null);
                      setPurging(c);
                    }}
                  >
                    {t("purge.open")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {purging && <PurgeDialog campaign={purging} onPurged={purged} onCancel={() => setPurging(null)} />}
    </section>
  );
}
