/** The campaign's calling calendar for a year: its calling days and hours, and every day off
 * beyond the weekly rest — public holidays, their days off in lieu, and the extra days the
 * supervisor closed, which they may open again; a day is closed from the form. The scheduler
 * reads the same rules, so the queue follows what this shows. */
import { useCallback, useEffect, useState } from "react";
import { commands, type CallingYear, type CampaignView, type DayOffKind } from "../api/bindings";
import { useLang, type MessageKey } from "../i18n";

interface Props {
  campaign: CampaignView;
  report: (e: unknown) => void;
  clearError: () => void;
}

const KIND: Record<DayOffKind, MessageKey> = {
  holiday: "cc.kind.holiday",
  inLieu: "cc.kind.inLieu",
  closed: "cc.kind.closed",
};
const WEEKDAYS: readonly MessageKey[] = ["cal.wd0", "cal.wd1", "cal.wd2", "cal.wd3", "cal.wd4", "cal.wd5", "cal.wd6"];

export function CallingCalendarPanel({ campaign, report, clearError }: Props) {
  const { t } = useLang();
  const [year, setYear] = useState<number | null>(null);
  const [calendar, setCalendar] = useState<CallingYear | null>(null);
  const [day, setDay] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    commands
      .appInfo()
      .then((info) => setYear(Number(info.today.slice(0, 4))))
      .catch(report);
  }, [report]);

  const load = useCallback(async () => {
    if (year === null) return;
    try {
      setCalendar(await commands.callingYear({ campaignId: campaign.id, year }));
    } catch (e) {
      report(e);
    }
  }, [campaign.id, year, report]);

  useEffect(() => {
    void load();
  }, [load]);

  const change = async (date: string, closed: boolean) => {
    clearError();
    setDone(null);
    setBusy(true);
    try {
      const after = await commands.setDayOff({ campaignId: campaign.id, day: date, closed });
      setYear(after.year);
      setCalendar(after);
      setDone(t(closed ? "cc.closedDone" : "cc.openedDone", { day: date.trim() }));
      if (closed) setDay("");
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  if (year === null) return <p className="muted">{t("common.loading")}</p>;
  return (
    <section className="calling-calendar" data-testid="calling-calendar" aria-labelledby="cc-title">
      <div className="calendar-head">
        <h2 id="cc-title">{t("cc.title", { year })}</h2>
        <div className="calendar-nav">
          <button type="button" className="btn" data-testid="cc-prev" onClick={() => setYear(year - 1)}>
            ‹ {year - 1}
          </button>
          <button type="button" className="btn" data-testid="cc-next" onClick={() => setYear(year + 1)}>
            {year + 1} ›
          </button>
        </div>
      </div>
      {calendar && (
        <p className="muted" data-testid="cc-rules">
          {t("cc.rules", { days: calendar.callingDays, hours: calendar.callingHours })}{" "}
          {t(calendar.publicHolidays ? "setup.holidaysOff" : "setup.holidaysOn")}
        </p>
      )}
      {done && (
        <p className="intake-saved" role="status" data-testid="cc-done">
          {done}
        </p>
      )}
      <form
        className="intake-row"
        onSubmit={(e) => {
          e.preventDefault();
          void change(day, true);
        }}
      >
        <input
          className="input"
          data-testid="cc-day"
          aria-label={t("cc.day")}
          placeholder={t("cc.day")}
          value={day}
          onChange={(e) => setDay(e.target.value)}
        />
        <button type="submit" className="btn btn-primary" data-testid="cc-close" disabled={busy || day.trim() === ""}>
          {t("cc.close")}
        </button>
      </form>
      {calendar && (
        <div className="table-wrap">
          <table className="cases" data-testid="cc-days">
            <thead>
              <tr>
                <th scope="col">{t("cc.col.day")}</th>
                <th scope="col">{t("cc.col.why")}</th>
                <th scope="col">
                  <span className="sr-only">{t("agc.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {calendar.days.map((d) => (
                <tr key={d.date} data-testid="cc-row" data-kind={d.kind} data-day={d.date}>
                  <td className="nowrap mono">
                    {t(WEEKDAYS[d.weekday] ?? "cal.wd0")} {d.date}
                  </td>
                  <td>
                    {t(KIND[d.kind])}
                    {d.name && <span className="cell-sub">{d.name}</span>}
                  </td>
                  <td>
                    {d.kind === "closed" && (
                      <button type="button" className="btn" data-testid="cc-open" disabled={busy} onClick={() => void change(d.date, false)}>
                        {t("cc.open")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
