/** The agency catalogue lists are matched against (by code or by name): add an agency, or
 * correct a name (the code stays, so lists and reports keep matching it). Supervisors and
 * administrators only; the core checks again. */
import { useCallback, useEffect, useState } from "react";
import { commands, type AgencyView } from "../api/bindings";
import { useLang } from "../i18n";

interface Props {
  report: (e: unknown) => void;
  clearError: () => void;
  /** Changes when an import may have added agencies: the list is read again. */
  version: number;
}

export function AgencyCatalogue({ report, clearError, version }: Props) {
  const { t } = useLang();
  const [agencies, setAgencies] = useState<AgencyView[] | null>(null);
  const [editing, setEditing] = useState<{ code: string; name: string } | null>(null);
  const [added, setAdded] = useState({ code: "", name: "" });
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const list = await commands.listAgencies();
      setAgencies([...list].sort((a, b) => a.code.localeCompare(b.code)));
    } catch (e) {
      report(e);
    }
  }, [report]);

  useEffect(() => {
    void load();
  }, [load, version]);

  const run = async (work: () => Promise<AgencyView>, message: (a: AgencyView) => string) => {
    clearError();
    setDone(null);
    setBusy(true);
    try {
      const agency = await work();
      setDone(message(agency));
      await load();
      return true;
    } catch (e) {
      report(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const rename = async () => {
    if (!editing) return;
    const ok = await run(
      () => commands.renameAgency(editing),
      (a) => t("agc.renamed", { code: a.code, name: a.name }),
    );
    if (ok) setEditing(null);
  };

  const add = async () => {
    const ok = await run(
      () => commands.addAgency({ code: added.code.trim(), name: added.name }),
      (a) => t("agc.added", { code: a.code, name: a.name }),
    );
    if (ok) setAdded({ code: "", name: "" });
  };

  return (
    <section className="panel agency-catalogue" data-testid="agency-catalogue" aria-labelledby="agc-title">
      <h2 className="subhead" id="agc-title">
        {t("agc.title")}
      </h2>
      <p className="muted">{t("agc.hint")}</p>
      {done && (
        <p className="intake-saved" role="status" data-testid="agc-done">
          {done}
        </p>
      )}
      <form
        className="intake-row agc-add"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input
          className="input mono agc-code"
          data-testid="agc-new-code"
          aria-label={t("agc.code")}
          placeholder={t("agc.code")}
          value={added.code}
          onChange={(e) => setAdded({ ...added, code: e.target.value })}
        />
        <input
          className="input agc-name"
          data-testid="agc-new-name"
          aria-label={t("agc.name")}
          placeholder={t("agc.name")}
          value={added.name}
          onChange={(e) => setAdded({ ...added, name: e.target.value })}
        />
        <button type="submit" className="btn" data-testid="agc-add" disabled={busy}>
          {t("agc.add")}
        </button>
      </form>
      <table className="agency-table" data-testid="agc-table">
        <thead>
          <tr>
            <th scope="col">{t("agc.code")}</th>
            <th scope="col">{t("agc.name")}</th>
            <th scope="col">
              <span className="sr-only">{t("agc.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(agencies ?? []).map((a) => (
            <tr key={a.code} data-testid="agc-row" data-code={a.code}>
              <td className="mono">{a.code}</td>
              <td data-testid="agc-name">
                {editing?.code === a.code ? (
                  <input
                    className="input"
                    data-testid="agc-edit-name"
                    aria-label={t("agc.newName", { code: a.code })}
                    value={editing.name}
                    autoFocus
                    onChange={(e) => setEditing({ code: a.code, name: e.target.value })}
                    onKeyDown={(e) => {
                      if (e.key === "Enter") void rename();
                      if (e.key === "Escape") setEditing(null);
                    }}
                  />
                ) : (
                  a.name
                )}
              </td>
              <td className="nowrap">
                {editing?.code === a.code ? (
                  <>
                    <button type="button" className="btn btn-primary" data-testid="agc-save" disabled={busy} onClick={() => void rename()}>
                      {t("agc.save")}
                    </button>{" "}
                    <button type="button" className="btn" data-testid="agc-cancel" onClick={() => setEditing(null)}>
                      {t("common.cancel")}
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="btn"
                    data-testid="agc-rename"
                    disabled={busy}
                    onClick={() => setEditing({ code: a.code, name: a.name })}
                  >
                    {t("agc.rename")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
