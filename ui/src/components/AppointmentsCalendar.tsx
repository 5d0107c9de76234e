/** The appointments calendar, a day or a week at a time: a supervisor's shows every appointment
 * of the campaign (and whom a hard one is kept for), an operator's the ones their queue would
 * hand them. Days the campaign does not call are marked. */
import { useCallback, useEffect, useState } from "react";
import { commands, type AppointmentCalendar, type CampaignView } from "../api/bindings";
import { useLang, type MessageKey } from "../i18n";

interface Props {
  campaign: CampaignView;
  report: (e: unknown) => void;
}

const WEEKDAYS: readonly MessageKey[] = ["cal.wd0", "cal.wd1", "cal.wd2", "cal.wd3", "cal.wd4", "cal.wd5", "cal.wd6"];

/** yyyy-mm-dd moved by `days`. */
export function shiftDay(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday of the week `iso` falls in. */
export function mondayOf(iso: string): string {
  const weekday = (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
  return shiftDay(iso, -weekday);
}

export function AppointmentsCalendar({ campaign, report }: Props) {
  const { t } = useLang();
  const [today, setToday] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [week, setWeek] = useState(true);
  const [calendar, setCalendar] = useState<AppointmentCalendar | null>(null);

  useEffect(() => {
    commands
      .appInfo()
      .then((info) => {
        setToday(info.today);
        setFrom(mondayOf(info.today));
      })
      .catch(report);
  }, [report]);

  const load = useCallback(async () => {
    if (from === null) return;
    try {
      setCalendar(await commands.appointmentCalendar({ campaignId: campaign.id, from, days: week ? 7 : 1 }));
    } catch (e) {
      report(e);
    }
  }, [campaign.id, from, week, report]);

  useEffect(() => {
    void load();
  }, [load]);

  if (from === null || today === null) return <p className="muted">{t("common.loading")}</p>;
  const step = week ? 7 : 1;
  const total = calendar?.days.reduce((n, d) => n + d.appointments.length, 0) ?? 0;

  return (
    <section className="calendar" data-testid="calendar" aria-labelledby="calendar-title">
      <div className="calendar-head">
        <h2 id="calendar-title">{t(calendar?.own ? "cal.titleOwn" : "cal.title")}</h2>
        <div className="calendar-nav" role="group" aria-label={t("cal.nav")}>
          <button type="button" className="btn" data-testid="cal-prev" onClick={() => setFrom(shiftDay(from, -step))}>
            {t(week ? "cal.prevWeek" : "cal.prevDay")}
          </button>
          <button type="button" className="btn" data-testid="cal-today" onClick={() => setFrom(week ? mondayOf(today) : today)}>
            {t("cal.today")}
          </button>
          <button type="button" className="btn" data-testid="cal-next" onClick={() => setFrom(shiftDay(from, step))}>
            {t(week ? "cal.nextWeek" : "cal.nextDay")}
          </button>
          <span className="calendar-gap" />
          <button
            type="button"
            className={`btn${week ? "" : " is-on"}`}
            data-testid="cal-day"
            aria-pressed={!week}
            onClick={() => {
              setWeek(false);
              setFrom(from <= today && today < shiftDay(from, 7) ? today : from);
            }}
          >
            {t("cal.day")}
          </button>
          <button
            type="button"
            className={`btn${week ? " is-on" : ""}`}
            data-testid="cal-week"
            aria-pressed={week}
            onClick={() => {
              setWeek(true);
              setFrom(mondayOf(from));
            }}
          >
            {t("cal.week")}
          </button>
        </div>
      </div>
      {calendar && (
        <>
          <p className="muted" data-testid="cal-summary">
            {t(week ? "cal.summaryWeek" : "cal.summaryDay", {
              from: calendar.days[0]?.date ?? "",
              to: calendar.days[calendar.days.length - 1]?.date ?? "",
              n: total,
            })}
          </p>
          <div className={`calendar-grid ${week ? "is-week" : "is-day"}`}>
            {calendar.days.map((d) => (
              <div
                key={d.iso}
                className={`calendar-day${d.callingDay ? "" : " is-closed"}${d.iso === today ? " is-today" : ""}`}
                data-testid="cal-day-column"
                data-day={d.iso}
              >
                <h3 className="calendar-date">
                  {t(WEEKDAYS[d.weekday] ?? "cal.wd0")} {d.date}
                  {!d.callingDay && <span className="calendar-closed"> · {t("cal.noCalls")}</span>}
                </h3>
                {d.appointments.length === 0 ? (
                  <p className="muted calendar-empty">{t("cal.none")}</p>
                ) : (
                  <ul className="calendar-list">
                    {d.appointments.map((e) => (
                      <li
                        key={e.appointment.caseId}
                        className={`calendar-entry${e.appointment.due ? " is-due" : ""}`}
                        data-testid="cal-entry"
                        data-hard={e.appointment.hard ? "true" : "false"}
                      >
                        <strong className="mono">{e.time}</strong> {e.appointment.dossierCode}
                        <span className="cell-sub">{e.appointment.agencyName}</span>
                        <span className="cell-sub" data-testid="cal-entry-kind">
                          {e.appointment.hard
                            ? e.bookedFor
                              ? t("cal.hardFor", { name: e.bookedFor })
                              : t("cal.hard")
                            : t("cal.soft")}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
