/** The supervisor's sample tab: per agency its dossiers, the sample the rule requires and what is drawn; draw and add waves. */
import { useCallback, useEffect, useState } from "react";
import { commands, type AgencyView, type CampaignView, type SampleReport } from "../api/bindings";
import { useLang } from "../i18n";
import { SampleBar } from "./SampleBar";

interface Props {
  campaign: CampaignView;
  report: (e: unknown) => void;
  clearError: () => void;
}

type Rule = "tiers" | "slovin";
const DEFAULT_ADD = 20;

export function SamplePanel({ campaign, report, clearError }: Props) {
  const { lang, t } = useLang();
  const [sample, setSample] = useState<SampleReport | null>(null);
  const [agencies, setAgencies] = useState<AgencyView[]>([]);
  const [seed, setSeed] = useState(String(new Date().getFullYear()));
  const [rule, setRule] = useState<Rule>("tiers");
  const [margin, setMargin] = useState("0.05");
  const [adds, setAdds] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const number = (n: number) => n.toLocaleString(lang === "en" ? "en-GB" : "vi-VN");
  const nameOf = (code: string) => agencies.find((a) => a.code === code)?.name ?? code;

  const load = useCallback(async () => {
    try {
      const [status, list] = await Promise.all([
        commands.sampleStatus({ campaignId: campaign.id }),
        commands.listAgencies(),
      ]);
      setSample(status);
      setAgencies(list);
    } catch (e) {
      report(e);
    }
  }, [campaign.id, report]);

  useEffect(() => {
    void load();
  }, [load]);

  const seedValue = Number(seed);
  const marginValue = Number(margin);
  const formOk =
    seed.trim() !== "" &&
    Number.isSafeInteger(seedValue) &&
    seedValue >= 0 &&
    (rule === "tiers" || (marginValue > 0 && marginValue < 1));

  const draw = async (add: { agency: string; count: number } | null) => {
    clearError();
    setMessage(null);
    setBusy(true);
    const before = sample?.agencies.find((a) => a.agency === add?.agency)?.drawn ?? 0;
    try {
      const done = await commands.drawSample({
        campaignId: campaign.id,
        seed: seedValue,
        rule,
        margin: rule === "slovin" ? marginValue : null,
        addAgency: add?.agency ?? null,
        addCount: add?.count ?? null,
      });
      setSample(done);
      if (add) {
        const after = done.agencies.find((a) => a.agency === add.agency)?.drawn ?? before;
        setMessage(t("smp.added", { n: number(after - before), agency: nameOf(add.agency) }));
      } else {
        setMessage(
          t("smp.drew", {
            rule: t(done.rule === "slovin" ? "smp.rule.slovin" : "smp.rule.tiers"),
            seed: done.seed,
            n: number(done.drawn_total),
          }),
        );
      }
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  const rows = sample?.agencies ?? [];
  const totals = rows.reduce(
    (sum, a) => ({
      population: sum.population + a.population,
      required: sum.required + a.required,
      drawn: sum.drawn + a.drawn,
    }),
    { population: 0, required: 0, drawn: 0 },
  );

  return (
    <section className="sampling" data-testid="sample-screen" aria-labelledby="sample-title">
      <form
        className="panel sample-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (formOk && !busy) void draw(null);
        }}
      >
        <h2 className="subhead" id="sample-title">
          {t("smp.title")}
        </h2>
        <div className="sample-fields">
          <label className="sample-field">
            <span className="field-label">{t("smp.seed")}</span>
            <input
              type="number"
              className="input sample-seed"
              data-testid="sample-seed"
              min={0}
              step={1}
              value={seed}
              onChange={(e) => setSeed(e.target.value)}
            />
          </label>
          <label className="sample-field">
            <span className="field-label">{t("smp.rule")}</span>
            <select
              className="select"
              data-testid="sample-rule"
              value={rule}
              onChange={(e) => setRule(e.target.value as Rule)}
            >
              <option value="tiers">{t("smp.rule.tiers")}</option>
              <option value="slovin">{t("smp.rule.slovin")}</option>
            </select>
          </label>
          {rule === "slovin" && (
            <label className="sample-field">
              <span className="field-label">{t("smp.margin")}</span>
              <input
                type="number"
                className="input sample-margin"
                data-testid="sample-margin"
                min={0.01}
                max={0.5}
                step={0.01}
                value={margin}
                onChange={(e) => setMargin(e.target.value)}
              />
            </label>
          )}
          <button type="submit" className="btn btn-primary sample-draw" data-testid="sample-draw" disabled={!formOk || busy}>
            {t("smp.draw")}
          </button>
        </div>
        <p className="sample-rule-text" data-testid="sample-explain">
          {t(rule === "slovin" ? "smp.explain.slovin" : "smp.explain.tiers")}
        </p>
        <p className="muted sample-rule-text">{t("smp.explain.draw")}</p>
        {message && (
          <p className="sample-message" role="status" data-testid="sample-message">
            {message}
          </p>
        )}
      </form>

      <div className="table-wrap">
        <table className="cases sample-table" data-testid="sample-table">
          <thead>
            <tr>
              <th scope="col">{t("smp.col.agency")}</th>
              <th scope="col" className="num">{t("smp.col.population")}</th>
              <th scope="col" className="num">{t("smp.col.required")}</th>
              <th scope="col" className="num">{t("smp.col.drawn")}</th>
              <th scope="col" className="sample-bar-col">{t("smp.col.progress")}</th>
              <th scope="col">{t("smp.col.add")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.agency} data-testid="sample-row" data-agency={a.agency}>
                <td>
                  <span className="cell-main" data-testid="sample-agency">{nameOf(a.agency)}</span>
                  <span className="cell-sub mono">{a.agency}</span>
                </td>
                <td className="num" data-testid="sample-population">{number(a.population)}</td>
                <td className="num" data-testid="sample-required">{number(a.required)}</td>
                <td className="num" data-testid="sample-drawn">{number(a.drawn)}</td>
                <td className="sample-bar-col">
                  <SampleBar drawn={a.drawn} required={a.required} />
                </td>
                <td>
                  <div className="sample-add">
                    <input
                      type="number"
                      className="input sample-add-count"
                      data-testid="sample-add-count"
                      min={1}
                      step={1}
                      aria-label={t("smp.addCount", { agency: nameOf(a.agency) })}
                      value={adds[a.agency] ?? String(DEFAULT_ADD)}
                      onChange={(e) => setAdds({ ...adds, [a.agency]: e.target.value })}
                    />
                    <button
                      type="button"
                      className="btn btn-small"
                      data-testid="sample-add"
                      disabled={busy || !formOk || !(Number(adds[a.agency] ?? DEFAULT_ADD) >= 1)}
                      onClick={() => void draw({ agency: a.agency, count: Math.floor(Number(adds[a.agency] ?? DEFAULT_ADD)) })}
                    >
                      {t("smp.add")}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
          {rows.length > 0 && (
            <tfoot>
              <tr data-testid="sample-totals">
                <th scope="row">{t("smp.total")}</th>
                <td className="num" data-testid="sample-total-population">{number(totals.population)}</td>
                <td className="num" data-testid="sample-total-required">{number(totals.required)}</td>
                <td className="num" data-testid="sample-total-drawn">{number(totals.drawn)}</td>
                <td className="sample-bar-col">
                  <SampleBar drawn={totals.drawn} required={totals.required} />
                </td>
                <td />
              </tr>
            </tfoot>
          )}
        </table>
        {sample && rows.length === 0 && <p className="empty-message muted">{t("smp.empty")}</p>}
        {!sample && <p className="muted table-note">{t("common.loading")}</p>}
      </div>
    </section>
  );
}
