/** The operator's queue on the desk: open cases on their list and in the pool, how many can
 * be called now, whether calling hours are on, and the appointments ahead (due ones marked,
 * the operator's own hard ones marked as theirs). */
import type { AppointmentView, CampaignView, QueueView } from "../api/bindings";
import { useLang } from "../i18n";

interface Props {
  queue: QueueView | null;
  campaign: Pick<CampaignView, "callingDays" | "callingHours">;
}

/** The queue's state: in calling hours (and which part of the day) or not. */
function QueueState({ queue }: { queue: QueueView }) {
  const { t } = useLang();
  return (
    <span className={`queue-state ${queue.callingOpen ? "is-open" : "is-closed"}`} data-testid="queue-state">
      {queue.callingOpen && queue.slot
        ? t("queue.open", { slot: t(`queue.slot.${queue.slot}`) })
        : t("queue.closed")}
    </span>
  );
}

/** The due and "yours" marks of an appointment. */
function Marks({ appointment }: { appointment: AppointmentView }) {
  const { t } = useLang();
  return (
    <>
      {appointment.due && (
        <span className="badge badge-due" data-testid="queue-appointment-due">
          {t("queue.due")}
        </span>
      )}
      {appointment.hard && (
        <span className="badge badge-mine" data-testid="queue-appointment-mine" title={t("queue.mineTitle")}>
          {t("queue.mine")}
        </span>
      )}
    </>
  );
}

/** Beside a case: one line in the desk's toolbar, always in sight — the counts and the next appointment. */
export function QueueStrip({ queue }: { queue: QueueView | null }) {
  const { lang, t } = useLang();
  if (!queue) return null;
  const number = (n: number) => n.toLocaleString(lang === "en" ? "en-GB" : "vi-VN");
  // The core leaves the case on the desk out of the appointments.
  const next = queue.appointments[0];
  return (
    <section className="queue-strip" data-testid="queue" aria-label={t("queue.title")}>
      <QueueState queue={queue} />
      <span className="queue-strip-count">
        {t("queue.own")} <b data-testid="queue-own">{number(queue.ownOpen)}</b>
      </span>
      <span className="queue-strip-count">
        {t("queue.pool")} <b data-testid="queue-pool">{number(queue.poolOpen)}</b>
      </span>
      <span className="queue-strip-count">
        {t("queue.ready")} <b data-testid="queue-ready">{number(queue.ready)}</b>
      </span>
      {next && (
        <span className="queue-strip-next" data-testid="queue-next" data-case-id={next.caseId} title={`${next.agencyName} · ${next.dossierCode}`}>
          {t("queue.next")} <span className="mono">{next.at}</span> <span className="mono">{next.phoneMasked}</span> <Marks appointment={next} />
        </span>
      )}
    </section>
  );
}

export function QueuePanel({ queue, campaign }: Props) {
  const { lang, t } = useLang();
  const number = (n: number) => n.toLocaleString(lang === "en" ? "en-GB" : "vi-VN");
  const appointments = queue?.appointments ?? [];
  return (
    <section className="panel queue" data-testid="queue" aria-labelledby="queue-title" aria-busy={queue === null}>
      <div className="queue-head">
        <h3 className="subhead" id="queue-title">
          {t("queue.title")}
        </h3>
        {queue && <QueueState queue={queue} />}
      </div>
      {queue === null ? (
        <p className="muted">{t("common.loading")}</p>
      ) : (
        <>
          <dl className="queue-counts">
            <div className="queue-count">
              <dt>{t("queue.own")}</dt>
              <dd data-testid="queue-own">{number(queue.ownOpen)}</dd>
            </div>
            <div className="queue-count">
              <dt>{t("queue.pool")}</dt>
              <dd data-testid="queue-pool">{number(queue.poolOpen)}</dd>
            </div>
            <div className="queue-count">
              <dt>{t("queue.ready")}</dt>
              <dd data-testid="queue-ready">{number(queue.ready)}</dd>
            </div>
          </dl>
          <p className="queue-hours muted" data-testid="queue-hours">
            {t("queue.hours", {
              days: campaign.callingDays.replace(/-/g, "–"),
              hours: campaign.callingHours.replace(/-/g, "–").split(",").join(", "),
            })}
          </p>
          <h4 className="queue-subhead">{t("queue.appointments")}</h4>
          {appointments.length === 0 ? (
            <p className="muted" data-testid="queue-no-appointments">
              {t("queue.noAppointments")}
            </p>
          ) : (
            <ol className="queue-appointments">
              {appointments.map((a) => (
                <li
                  key={a.caseId}
                  className={`queue-appointment${a.due ? " is-due" : ""}`}
                  data-testid="queue-appointment"
                  data-case-id={a.caseId}
                >
                  <span className="queue-appointment-at mono" data-testid="queue-appointment-at">
                    {a.at}
                  </span>
                  <span className="queue-appointment-marks">
                    <Marks appointment={a} />
                  </span>
                  <span className="queue-appointment-name mono" data-testid="queue-appointment-phone">
                    {a.phoneMasked}
                  </span>
                  <span className="queue-appointment-where">
                    <span data-testid="queue-appointment-agency">{a.agencyName}</span>
                    {" · "}
                    <span className="mono" data-testid="queue-appointment-dossier">
                      {a.dossierCode}
                    </span>
                  </span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
