/** Fieldwork against the required sample: per agency and for the campaign, the completes so far,
 * what is still needed, the rate per calling day and the day the rest is expected by. */
import type { AgencyProgress, ProgressReport } from "../api/bindings";
import { useLang } from "../i18n";
import { NONE, decimal, whole } from "../numbers";
import { SampleBar } from "./SampleBar";

interface Props {
  progress: ProgressReport;
}

export function ProgressTable({ progress }: Props) {
  const { lang, t } = useLang();

  /** "đã đủ" once nothing is needed; the projected day; "—" when there is no projection. */
  const doneBy = (p: AgencyProgress) => {
    if (p.required === 0) return <span className="muted">{t("res.progress.noSample")}</span>;
    if (p.remaining === 0) return <span className="progress-done">{t("res.progress.done")}</span>;
    return p.doneBy ?? NONE;
  };

  const cells = (p: AgencyProgress) => (
    <>
      <td className="num" data-testid="progress-required">{whole(p.required, lang)}</td>
      <td className="num" data-testid="progress-drawn">{whole(p.drawn, lang)}</td>
      <td className="num" data-testid="progress-completes">{whole(p.completes, lang)}</td>
      <td className="num" data-testid="progress-other">{whole(p.otherModes, lang)}</td>
      <td className="num" data-testid="progress-in-progress">{whole(p.inProgress, lang)}</td>
      <td className="num" data-testid="progress-not-called">{whole(p.notCalled, lang)}</td>
      <td className="num" data-testid="progress-remaining">{whole(p.remaining, lang)}</td>
      <td className="progress-bar-col">
        <SampleBar
          drawn={p.completes}
          required={p.required}
          testId="progress-bar"
          label={t("res.progress.barTitle", { completes: whole(p.completes, lang), required: whole(p.required, lang) })}
        />
      </td>
      <td className="num" data-testid="progress-rate">{decimal(p.dailyRate, lang)}</td>
      <td className="nowrap" data-testid="progress-done-by">{doneBy(p)}</td>
    </>
  );

  return (
    <div className="table-wrap">
      <table className="cases progress-table" data-testid="progress-table">
        <thead>
          <tr>
            <th scope="col">{t("sup.col.agency")}</th>
            <th scope="col" className="num">{t("res.progress.col.required")}</th>
            <th scope="col" className="num">{t("res.progress.col.drawn")}</th>
            <th scope="col" className="num">{t("res.progress.col.completes")}</th>
            <th scope="col" className="num">{t("res.progress.col.otherModes")}</th>
            <th scope="col" className="num">{t("res.progress.col.inProgress")}</th>
            <th scope="col" className="num">{t("res.progress.col.notCalled")}</th>
            <th scope="col" className="num">{t("res.progress.col.remaining")}</th>
            <th scope="col" className="progress-bar-col">{t("res.progress.col.bar")}</th>
            <th scope="col" className="num">{t("res.progress.col.rate")}</th>
            <th scope="col">{t("res.progress.col.doneBy")}</th>
          </tr>
        </thead>
        <tbody>
          {progress.agencies.map((p) => (
            <tr key={p.agency} data-testid="progress-row" data-agency={p.agency}>
              <td>
                <span className="cell-main">{p.name}</span>
                <span className="cell-sub mono">{p.agency}</span>
              </td>
              {cells(p)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="progress-total">
            <th scope="row">{t("res.progress.total")}</th>
            {cells(progress.total)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
