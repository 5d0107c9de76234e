/** Per operator: calls, completes, hours worked, calls per hour, complete interviews and their
 * mean length, for the whole campaign or one period. */
import type { OperatorsReport } from "../api/bindings";
import { useLang } from "../i18n";
import { decimal, whole } from "../numbers";

interface Props {
  operators: OperatorsReport;
}

export function OperatorsTable({ operators }: Props) {
  const { lang, t } = useLang();
  return (
    <div className="table-wrap">
      <table className="cases operators-table" data-testid="operators-table">
        <thead>
          <tr>
            <th scope="col">{t("res.ops.col.operator")}</th>
            <th scope="col" className="num">{t("res.ops.col.attempts")}</th>
            <th scope="col" className="num">{t("res.ops.col.completes")}</th>
            <th scope="col" className="num">{t("res.ops.col.hours")}</th>
            <th scope="col" className="num">{t("res.ops.col.perHour")}</th>
            <th scope="col" className="num">{t("res.ops.col.interviews")}</th>
            <th scope="col" className="num">{t("res.ops.col.minutes")}</th>
          </tr>
        </thead>
        <tbody>
          {operators.operators.map((o) => (
            <tr key={o.operator} data-testid="operator-row" data-operator={o.operator}>
              <td>
                <span className="cell-main" data-testid="operator-name">{o.name || o.operator}</span>
                <span className="cell-sub mono">{o.operator}</span>
              </td>
              <td className="num" data-testid="operator-attempts">{whole(o.attempts, lang)}</td>
              <td className="num" data-testid="operator-completes">{whole(o.completes, lang)}</td>
              <td className="num" data-testid="operator-hours">{decimal(o.hours, lang)}</td>
              <td className="num" data-testid="operator-per-hour">{decimal(o.attemptsPerHour, lang)}</td>
              <td className="num" data-testid="operator-interviews">{whole(o.interviews, lang)}</td>
              <td className="num" data-testid="operator-minutes">{decimal(o.meanInterviewMinutes, lang, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {operators.operators.length === 0 && (
        <p className="empty-message muted" data-testid="operators-empty">
          {t("res.ops.empty")}
        </p>
      )}
    </div>
  );
}
