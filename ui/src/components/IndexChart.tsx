/** The satisfaction index as horizontal bars: one per agency in the core's order (and per mode
 * under it when split), then the campaign's two lines, (a) the mean over agencies and (b) every
 * respondent pooled. The bars are buttons: a click, or the arrow keys and Enter, picks the one
 * whose components and criteria are shown beside the chart (the pooled line until one is). */
import type { KeyboardEvent } from "react";
import type { AgencyIndex, IndexReport, Mode, ModeIndex } from "../api/bindings";
import { useLang } from "../i18n";
import { decimal, whole } from "../numbers";

/** Which bar is picked: an agency by code ("" for the pooled campaign), across all modes or one. */
export interface IndexPick {
  agency: string;
  mode: Mode | null;
}

export const pickKey = (p: IndexPick): string => `${p.agency}|${p.mode ?? ""}`;

/** The figures a pick points at in the report, with its mode; null once the report no longer has them. */
export function pickedFigures(report: IndexReport, pick: IndexPick): AgencyIndex | null {
  const scope = pick.mode === null ? report : report.byMode.find((m) => m.mode === pick.mode);
  if (!scope) return null;
  if (pick.agency === "") return scope.overall.pooled;
  return scope.agencies.find((a) => a.agency === pick.agency) ?? null;
}

interface Props {
  report: IndexReport;
  /** Bars per mode under each agency and campaign line. */
  byMode: boolean;
  picked: IndexPick;
  onPick: (pick: IndexPick) => void;
}

/** One bar that can be picked: an agency's or the pooled campaign's, over all modes or one. */
interface Bar {
  pick: IndexPick;
  figures: AgencyIndex;
  label: string;
  /** The agency's code, shown under its name. */
  code: string;
  testId: string;
}

export function IndexChart({ report, byMode, picked, onPick }: Props) {
  const { lang, t } = useLang();
  const modes = byMode ? report.byMode : [];

  /** A bar per mode with interviews, under an agency ("" for the pooled line). */
  const modeBars = (agency: string, find: (m: ModeIndex) => AgencyIndex | undefined): Bar[] =>
    modes.flatMap((m) => {
      const figures = find(m);
      if (!figures || figures.n === 0) return [];
      const testId = `index-bar-${agency || "pooled"}-${m.mode}`;
      return [{ pick: { agency, mode: m.mode }, figures, label: t(`mode.${m.mode}`), code: "", testId }];
    });
  const agencyBars: Bar[] = report.agencies.flatMap((a) => [
    { pick: { agency: a.agency, mode: null }, figures: a, label: a.name, code: a.agency, testId: `index-bar-${a.agency}` },
    ...modeBars(a.agency, (m) => m.agencies.find((x) => x.agency === a.agency)),
  ]);
  const pooledBars: Bar[] = [
    { pick: { agency: "", mode: null }, figures: report.overall.pooled, label: t("res.index.pooled"), code: "", testId: "index-bar-pooled" },
    ...modeBars("", (m) => m.overall.pooled),
  ];
  const keys = [...agencyBars, ...pooledBars].map((b) => pickKey(b.pick));
  /** The picked bar, which is also the chart's one stop for the Tab key. */
  const current = keys.includes(pickKey(picked)) ? pickKey(picked) : keys[0];

  /** Up and down (or left and right) move between the bars; Home and End go to the first and last. */
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>("button[data-bar]")];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to =
      e.key === "ArrowDown" || e.key === "ArrowRight"
        ? Math.min(at + 1, buttons.length - 1)
        : e.key === "ArrowUp" || e.key === "ArrowLeft"
          ? Math.max(at - 1, 0)
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? buttons.length - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    buttons[to]!.focus();
  };

  const bar = (b: Bar) => {
    const key = pickKey(b.pick);
    return (
      <BarRow
        key={key}
        testId={b.testId}
        label={b.label}
        code={b.code}
        index={b.figures.index}
        mean={b.figures.mean}
        meta={t("res.index.n", { n: whole(b.figures.n, lang) })}
        sub={b.pick.mode !== null}
        meanLine={b.pick.mode === null ? report.overall.agencyMean : null}
        button={{ on: current === key, onClick: () => onPick(b.pick) }}
      />
    );
  };

  if (report.agencies.length === 0) {
    return <p className="muted empty-message">{t("res.index.empty")}</p>;
  }

  return (
    <div className="index-chart" role="group" aria-label={t("res.index.chart")} data-testid="index-chart" onKeyDown={onKeyDown}>
      <Scale />
      {agencyBars.map(bar)}
      <h3 className="index-group">{t("res.index.campaign")}</h3>
      <BarRow
        testId="index-agency-mean"
        label={t("res.index.agencyMean")}
        index={report.overall.agencyMean}
        mean={report.overall.agencyMeanScore}
        meta={t("res.index.agencyMeanOf", { n: report.overall.agencies })}
        sub={false}
        meanLine={null}
        button={null}
      />
      {modes.map((m) =>
        m.overall.agencies === 0 ? null : (
          <BarRow
            key={m.mode}
            testId={`index-agency-mean-${m.mode}`}
            label={t(`mode.${m.mode}`)}
            index={m.overall.agencyMean}
            mean={m.overall.agencyMeanScore}
            meta={t("res.index.agencies", { n: m.overall.agencies })}
            sub
            meanLine={null}
            button={null}
          />
        ),
      )}
      {pooledBars.map(bar)}
    </div>
  );
}

/** The 0–100 scale above the bars. */
function Scale() {
  return (
    <div className="index-row index-scale" aria-hidden="true">
      <span />
      <span className="index-ticks">
        {[0, 25, 50, 75, 100].map((v) => (
          <span key={v} className="index-tick" style={{ left: `${v}%` }}>
            {v}
          </span>
        ))}
      </span>
      <span />
    </div>
  );
}

interface BarRowProps {
  testId: string;
  label: string;
  /** The agency's code, shown before the figures under the name. */
  code?: string;
  index: number | null;
  mean: number | null;
  meta: string;
  /** A mode's bar under its agency: indented and thinner. */
  sub: boolean;
  /** Where the mean over agencies falls, drawn as a dashed line across the bar. */
  meanLine: number | null;
  /** Present when the bar can be picked; `on` when it is the picked one. */
  button: { on: boolean; onClick: () => void } | null;
}

function BarRow({ testId, label, code = "", index, mean, meta, sub, meanLine, button }: BarRowProps) {
  const { lang, t } = useLang();
  const none = index === null;
  const content = (
    <>
      <span className="index-label">
        <span className="index-name" data-testid="index-name">
          {label}
        </span>
        <span className="index-meta" data-testid="index-meta">
          {code && <span className="mono">{code} · </span>}
          {none ? (
            <span className="index-none">{t("res.index.none")}</span>
          ) : (
            t("res.index.mean", { mean: decimal(mean, lang) })
          )}{" "}
          · {meta}
        </span>
      </span>
      <span className="index-track">
        {!none && <span className="index-fill" style={{ width: `${Math.max(0, Math.min(100, index))}%` }} />}
        {meanLine !== null && (
          <span
            className="index-meanline"
            style={{ left: `${meanLine}%` }}
            title={t("res.index.meanLine", { value: decimal(meanLine, lang) })}
          />
        )}
      </span>
      <span className="index-value" data-testid="index-value">
        {decimal(index, lang)}
      </span>
    </>
  );
  const className = `index-row${sub ? " is-sub" : ""}${none ? " is-none" : ""}`;
  if (!button) {
    return (
      <div className={`${className} is-line`} data-testid={testId}>
        {content}
      </div>
    );
  }
  return (
    <button
      type="button"
      className={`${className} index-bar${button.on ? " is-picked" : ""}`}
      data-testid={testId}
      data-bar=""
      aria-pressed={button.on}
      tabIndex={button.on ? 0 : -1}
      onClick={button.onClick}
    >
      {content}
    </button>
  );
}
