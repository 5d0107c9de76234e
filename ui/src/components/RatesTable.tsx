/** AAPOR outcome rates: the cases per disposition category, then RR1–RR6, COOP1–4, REF1–3 and
 * CON1–3 in percent, for the campaign and for each group (agency or call list), side by side. */
import type { Dispositions, Rates, RatesReport } from "../api/bindings";
import { useLang, type MessageKey } from "../i18n";
import { percent, whole } from "../numbers";

type RateCode = Exclude<keyof Rates, "e" | "eGiven">;

const CATEGORIES: readonly (keyof Dispositions)[] = ["I", "P", "R", "NC", "O", "UH", "UO", "NE"];
const RATE_GROUPS: readonly { title: MessageKey; codes: readonly RateCode[] }[] = [
  { title: "res.rates.rr", codes: ["RR1", "RR2", "RR3", "RR4", "RR5", "RR6"] },
  { title: "res.rates.coop", codes: ["COOP1", "COOP2", "COOP3", "COOP4"] },
  { title: "res.rates.ref", codes: ["REF1", "REF2", "REF3"] },
  { title: "res.rates.con", codes: ["CON1", "CON2", "CON3"] },
];

/** The core's key of the shared pool among call lists. */
const POOL_KEY = "chung";

interface Props {
  rates: RatesReport;
}

export function RatesTable({ rates }: Props) {
  const { lang, t } = useLang();
  const columns = [
    { key: "overall", name: t("res.rates.overall"), code: "", row: rates.overall },
    ...rates.groups.map((g) => ({
      key: g.key,
      name: g.key === POOL_KEY ? t("rs.pool") : g.name || g.key,
      code: g.key === POOL_KEY ? "" : g.key,
      row: g,
    })),
  ];
  const span = columns.length + 1;

  return (
    <div className="table-wrap">
      <table className="cases rates-table" data-testid="rates-table">
        <thead>
          <tr>
            <th scope="col">{t("res.rates.col.measure")}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="num rates-group" data-testid="rates-group" data-key={c.key}>
                <span className="cell-main">{c.name}</span>
                {c.code && <span className="cell-sub mono">{c.code}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="rates-section">
            <th scope="colgroup" colSpan={span}>{t("res.rates.counts")}</th>
          </tr>
          <tr data-testid="rates-row" data-measure="cases">
            <th scope="row">{t("res.rates.cases")}</th>
            {columns.map((c) => (
              <td key={c.key} className="num rates-total" data-testid="rate-cases" data-key={c.key}>
                {whole(c.row.cases, lang)}
              </td>
            ))}
          </tr>
          {CATEGORIES.map((k) => (
            <tr key={k} data-testid="rates-row" data-measure={k}>
              <th scope="row">
                <span className="rates-code mono">{k}</span> {t(`aapor.${k}`)}
              </th>
              {columns.map((c) => (
                <td key={c.key} className="num" data-testid={`rate-${k}`} data-key={c.key}>
                  {whole(c.row.counts[k], lang)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {RATE_GROUPS.map((g) => (
          <tbody key={g.title}>
            <tr className="rates-section">
              <th scope="colgroup" colSpan={span}>{t(g.title)}</th>
            </tr>
            {g.codes.map((code) => (
              <tr key={code} data-testid="rates-row" data-measure={code}>
                <th scope="row">
                  <span className="rates-code mono">{code}</span>
                </th>
                {columns.map((c) => (
                  <td key={c.key} className="num" data-testid={`rate-${code}`} data-key={c.key}>
                    {percent(c.row.rates[code], lang)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
