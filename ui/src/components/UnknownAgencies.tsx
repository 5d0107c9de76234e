/** The import preview's agencies that the catalogue does not know: their rows would be rejected.
 * The supervisor may add them all in the same step as the import, each with the code the core
 * made from its name (renamed later in the catalogue if the list spelt it badly). */
import type { UnknownAgency } from "../api/bindings";
import { useLang } from "../i18n";
import { whole } from "../numbers";

interface Props {
  agencies: readonly UnknownAgency[];
  add: boolean;
  setAdd: (add: boolean) => void;
}

export function UnknownAgencies({ agencies, add, setAdd }: Props) {
  const { lang, t } = useLang();
  if (agencies.length === 0) return null;
  return (
    <div className="banner banner-warning intake-unknown" data-testid="import-unknown-agencies">
      <div className="banner-text">
        <p className="banner-main">{t("imp.unknown.title", { n: agencies.length })}</p>
        <table className="agency-table" data-testid="import-unknown-table">
          <thead>
            <tr>
              <th scope="col">{t("imp.unknown.name")}</th>
              <th scope="col">{t("imp.unknown.code")}</th>
              <th scope="col" className="num">{t("imp.unknown.rows")}</th>
            </tr>
          </thead>
          <tbody>
            {agencies.map((a) => (
              <tr key={a.code} data-testid="import-unknown-row">
                <td>{a.name}</td>
                <td className="mono">{a.code}</td>
                <td className="num">{whole(a.rows, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <label className="results-check">
          <input
            type="checkbox"
            data-testid="import-add-agencies"
            checked={add}
            onChange={(e) => setAdd(e.target.checked)}
          />{" "}
          {t("imp.unknown.add", { n: agencies.length })}
        </label>
      </div>
    </div>
  );
}
