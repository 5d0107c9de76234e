/** One agency's (or the pooled campaign's) index broken down: each component's index and mean
 * score, and under it its criteria with their valid answers, satisfied answers, index and mean. */
import type { AgencyIndex } from "../api/bindings";
import { useLang } from "../i18n";
import { decimal, whole } from "../numbers";

interface Props {
  figures: AgencyIndex;
  /** The heading's name: the agency's, or the campaign line's, with the mode when one. */
  name: string;
}

export function IndexDetail({ figures, name }: Props) {
  const { lang, t } = useLang();
  return (
    <section className="index-detail" data-testid="index-detail" aria-labelledby="index-detail-title">
      <h3 className="index-detail-title" id="index-detail-title" data-testid="index-detail-title">
        {t("res.detail.of", { name })}
      </h3>
      <p className="index-detail-summary" data-testid="index-detail-summary">
        {t("res.detail.summary", {
          index: decimal(figures.index, lang),
          mean: decimal(figures.mean, lang),
          n: whole(figures.n, lang),
        })}
        {figures.index === null && <span className="muted"> · {t("res.index.none")}</span>}
      </p>
      <table className="cases index-detail-table">
        <thead>
          <tr>
            <th scope="col">{t("res.detail.col.item")}</th>
            <th scope="col" className="num">{t("res.detail.col.n")}</th>
            <th scope="col" className="num">{t("res.detail.col.satisfied")}</th>
            <th scope="col" className="num">{t("res.detail.col.index")}</th>
            <th scope="col" className="num">{t("res.detail.col.mean")}</th>
          </tr>
        </thead>
        {figures.components.map((c) => (
          <tbody key={c.component} data-testid="index-component" data-component={c.component}>
            <tr className="index-component-row">
              <th scope="rowgroup" colSpan={3}>
                <span data-testid="index-component-title">{c.title}</span>
                {c.index === null && <span className="index-none"> · {t("res.detail.noValid")}</span>}
              </th>
              <td className="num" data-testid="index-component-index">{decimal(c.index, lang)}</td>
              <td className="num" data-testid="index-component-mean">{decimal(c.mean, lang)}</td>
            </tr>
            {c.criteria.map((q) => (
              <tr key={q.criterion} data-testid="index-criterion" data-criterion={q.criterion}>
                <td className="mono index-criterion-id">{q.criterion}</td>
                <td className="num" data-testid="criterion-n">{whole(q.n, lang)}</td>
                <td className="num" data-testid="criterion-satisfied">{whole(q.satisfied, lang)}</td>
                <td className="num" data-testid="criterion-index">{decimal(q.index, lang)}</td>
                <td className="num" data-testid="criterion-mean">{decimal(q.mean, lang)}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </section>
  );
}
