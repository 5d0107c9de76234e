/** The operator's desk: next case (F2), the case card, the interview, the call outcome (each on
 * its hotkey, with the note or callback time it needs) and the operator's queue. */
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import {
  commands,
  type AppointmentKind,
  type CampaignView,
  type InterviewView,
  type OutcomeRecorded,
  type OutcomeView,
  type PauseView,
  type QueueView,
} from "../api/bindings";
import { AppointmentDialog, type AppointmentRefusal } from "../components/AppointmentDialog";
import { AppointmentsCalendar } from "../components/AppointmentsCalendar";
import { CaseCardView } from "../components/CaseCardView";
import { NoteDialog } from "../components/NoteDialog";
import { OutcomePanel } from "../components/OutcomePanel";
import { QueuePanel, QueueStrip } from "../components/QueuePanel";
import { PauseDialog } from "../components/PauseDialog";
import { ReturnedPanel } from "../components/ReturnedPanel";
import { mayHaveLanded, toApiError } from "../errors";
import { deskKeyAction, keyTarget } from "../hotkeys";
import { useLang } from "../i18n";
import { newId } from "../ids";
import { outcomeLabel } from "../labels";
import type { HeldCase } from "../session";
import { Interview } from "./Interview";

/** The desk of the operator logged in: the core knows who they are. */
interface Props {
  campaign: CampaignView;
  outcomes: readonly OutcomeView[];
  held: HeldCase | null;
  setHeld: Dispatch<SetStateAction<HeldCase | null>>;
  report: (e: unknown) => void;
  clearError: () => void;
}

interface LastResult {
  name: string;
  recorded: OutcomeRecorded;
}

/** An outcome chosen but not sent yet: it waits for its callback time, then its note. */
interface Pending {
  outcome: OutcomeView;
  step: "appointment" | "note";
  /** What the callback dialog starts from: the core's default, or the time sent before. */
  initialAt: string;
  appointmentAt: string | null;
  appointmentKind: AppointmentKind | null;
  /** The core refused the callback time: the dialog says why. */
  refusal: AppointmentRefusal | null;
}

/** How often the queue is read again while the desk is open, and the desk says it still is (the
 * core counts a desk not heard from for three minutes as closed). */
const QUEUE_REFRESH_MS = 60_000;

export function Desk({ campaign, outcomes, held, setHeld, report, clearError }: Props) {
  const { lang, t } = useLang();
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [noCase, setNoCase] = useState(false);
  const [last, setLast] = useState<LastResult | null>(null);
  const [note, setNote] = useState("");
  const [pending, setPending] = useState<Pending | null>(null);
  const [queue, setQueue] = useState<QueueView | null>(null);
  /** The operator's open pause: no case is handed out until they resume. */
  const [paused, setPaused] = useState<PauseView | null>(null);
  /** The operator's own appointments calendar, shown instead of nothing while idle. */
  const [calendarShown, setCalendarShown] = useState(false);
  const [pausing, setPausing] = useState(false);
  /** Kept until an outcome is recorded, so a retry after a failure records one attempt, not two. */
  const attemptId = useRef<string | null>(null);
  /** Kept until the interview opens, so a retried start opens one interview. */
  const interviewId = useRef<string | null>(null);
  /** A save that failed: trying the same answer again sends the same answer id, so it is stored once. */
  const failedSave = useRef<{ questionId: string; input: string; answerId: string } | null>(null);

  const mine = held && held.campaignId === campaign.id ? held : null;
  const card = mine?.card ?? null;
  const interview = mine?.interview ?? null;
  const caseId = card?.lease.caseId ?? null;

  // A new case (or none) starts with a clean slate.
  useEffect(() => {
    attemptId.current = null;
    interviewId.current = null;
    failedSave.current = null;
    setPending(null);
    setNote("");
  }, [caseId]);

  /** Reads the operator's queue again; a failure shows in the banner like any other. */
  const refreshQueue = useCallback(async () => {
    try {
      setQueue(await commands.operatorQueue({ campaignId: campaign.id }));
    } catch (e) {
      report(e);
    }
  }, [campaign.id, report]);

  useEffect(() => {
    commands.myPause({ campaignId: campaign.id }).then(setPaused, report);
  }, [campaign.id, report]);

  const resume = () =>
    void run(async () => {
      await commands.resumeWork({ campaignId: campaign.id });
      setPaused(null);
      void refreshQueue();
    });

  // The desk says it is open, so the supervisor's floor shows the operator at work.
  useEffect(() => {
    const here = () => commands.openDesk({ campaignId: campaign.id }).catch(report);
    void here();
    const timer = window.setInterval(() => void here(), QUEUE_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [campaign.id, report]);

  useEffect(() => {
    setQueue(null);
    void refreshQueue();
    const timer = window.setInterval(() => void refreshQueue(), QUEUE_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refreshQueue]);

  /** Runs one command at a time; a failure goes to the banner and returns undefined. */
  const run = useCallback(
    async <R,>(work: () => Promise<R>): Promise<R | undefined> => {
      if (busyRef.current) return undefined;
      busyRef.current = true;
      setBusy(true);
      clearError();
      try {
        return await work();
      } catch (e) {
        report(e);
        return undefined;
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [clearError, report],
  );

  /** Replaces the interview of the held case, if it is still the same case. */
  const showInterview = useCallback(
    (forCase: string, view: InterviewView) =>
      setHeld((h) => (h && h.card.lease.caseId === forCase ? { ...h, interview: view } : h)),
    [setHeld],
  );

  const nextCase = () =>
    void run(async () => {
      if (paused) return;
      const next = await commands.nextCase({ campaignId: campaign.id });
      setLast(null);
      setHeld(next ? { card: next, campaignId: campaign.id, interview: null } : null);
      // With no case, say why (calling hours may be off) before saying anything.
      if (next === null) await refreshQueue();
      else void refreshQueue();
      setNoCase(next === null);
    });

  const startInterview = () => {
    if (!card) return;
    void run(async () => {
      const id = card.interview?.id ?? interviewId.current ?? newId();
      interviewId.current = id;
      const view = await commands.startInterview({ lease: card.lease, interviewId: id });
      showInterview(card.lease.caseId, view);
    });
  };

  /** Saves one answer under a fresh id (the same id again when retrying a failed save). */
  const saveAnswer = async (questionId: string, input: string): Promise<InterviewView | null> => {
    if (!card || !interview) return null;
    const failed = failedSave.current;
    const answerId =
      failed && failed.questionId === questionId && failed.input === input ? failed.answerId : newId();
    const view = await run(async () => {
      try {
        const saved = await commands.saveAnswer({
          lease: card.lease,
          interviewId: interview.id,
          answerId,
          questionId,
          input,
        });
        failedSave.current = null;
        return saved;
      } catch (e) {
        failedSave.current = { questionId, input, answerId };
        throw e;
      }
    });
    if (!view) return null;
    showInterview(card.lease.caseId, view);
    return view;
  };

  const record = (
    outcome: OutcomeView,
    withIt: { note: string; appointmentAt: string | null; appointmentKind: AppointmentKind | null },
  ) => {
    if (!card) return;
    void run(async () => {
      attemptId.current ??= newId();
      let recorded: OutcomeRecorded;
      try {
        recorded = await commands.recordOutcome({
          lease: card.lease,
          attemptId: attemptId.current,
          outcome: outcome.code,
          note: withIt.note.trim() === "" ? null : withIt.note.trim(),
          appointmentAt: withIt.appointmentAt,
          appointmentKind: withIt.appointmentAt === null ? null : withIt.appointmentKind,
        });
      } catch (e) {
        const error = toApiError(e);
        // Refused outright (a rule, a lost lease): nothing was written, the next try is a new attempt.
        if (!mayHaveLanded(error)) attemptId.current = null;
        // A rule refused a callback (outside calling hours, already past): its dialog says why.
        const at = withIt.appointmentAt;
        if (error.kind === "invalid" && at !== null) {
          setPending((p) =>
            p && p.outcome.code === outcome.code
              ? { ...p, step: "appointment", initialAt: at, refusal: { value: at, message: error.message } }
              : p,
          );
          return;
        }
        throw e;
      }
      attemptId.current = null;
      setPending(null);
      setLast({ name: card.respondentName, recorded });
      setHeld((h) => (h && h.card.lease.caseId === card.lease.caseId ? null : h));
      void refreshQueue();
    });
  };

  /** An outcome chosen by key or button: its callback time and note are asked first, if it needs them. */
  const choose = (outcome: OutcomeView) => {
    const start: Pending = {
      outcome,
      step: "appointment",
      // The core's default (the next calling day 09:00, by the app's clock and the campaign's
      // calendar); empty, with the placeholder, when it offers none.
      initialAt: queue?.callbackChoices[0]?.at ?? "",
      appointmentAt: null,
      appointmentKind: null,
      refusal: null,
    };
    if (outcome.needsAppointment) setPending(start);
    else if (outcome.noteRequired) setPending({ ...start, step: "note" });
    else record(outcome, { note, appointmentAt: null, appointmentKind: null });
  };

  const appointmentChosen = (at: string, kind: AppointmentKind) => {
    if (!pending) return;
    const next = { ...pending, appointmentAt: at, appointmentKind: kind };
    if (pending.outcome.noteRequired) setPending({ ...next, step: "note" });
    else {
      setPending(next);
      record(pending.outcome, { note, appointmentAt: at, appointmentKind: kind });
    }
  };

  const noteWritten = (text: string) => {
    if (!pending) return;
    setNote(text);
    record(pending.outcome, { note: text, appointmentAt: pending.appointmentAt, appointmentKind: pending.appointmentKind });
  };

  // One keyboard listener for the desk; it reads the latest state through a ref.
  const keyState = {
    hasCase: !!card,
    interviewOpen: !!interview,
    dialogOpen: !!pending,
    busy,
    outcomeKeys: outcomes.filter((o) => o.recordable).flatMap((o) => (o.hotkey ? [o.hotkey] : [])),
  };
  const handlers = { nextCase, startInterview, choose };
  const latest = useRef({ keyState, handlers, outcomes });
  latest.current = { keyState, handlers, outcomes };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { keyState: state, handlers: h, outcomes: list } = latest.current;
      const action = deskKeyAction(
        {
          key: e.key,
          ctrlKey: e.ctrlKey,
          altKey: e.altKey,
          metaKey: e.metaKey,
          repeat: e.repeat,
          target: keyTarget(e.target),
        },
        state,
      );
      if (!action) return;
      e.preventDefault();
      switch (action.type) {
        case "nextCase":
          h.nextCase();
          break;
        case "startInterview":
          h.startInterview();
          break;
        case "closeDialog":
          setPending(null);
          break;
        case "outcome": {
          const outcome = list.find((o) => o.hotkey === action.hotkey);
          if (outcome) h.choose(outcome);
          break;
        }
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const answered = card?.interview?.questions.filter((q) => q.answer !== null).length ?? 0;
  /** A resumed interview's record of consent: the operator need not ask again. */
  const consent = card?.interview?.consent ?? null;
  return (
    <main className="desk" data-testid="desk">
      <div className="desk-toolbar">
        <button
          type="button"
          className="btn btn-primary btn-large"
          data-testid="next-case"
          disabled={!!card || busy || paused !== null}
          onClick={nextCase}
        >
          {t("desk.next")}
        </button>
        {!card &&
          (paused ? (
            <div className="pause-state" role="status" data-testid="paused">
              <span>{t("pause.on", { reason: paused.reason, since: paused.since })}</span>
              <button type="button" className="btn btn-primary" data-testid="resume" disabled={busy} onClick={resume}>
                {t("pause.resume")}
              </button>
            </div>
          ) : (
            <button type="button" className="btn" data-testid="pause" disabled={busy} onClick={() => setPausing(true)}>
              {t("pause.button")}
            </button>
          ))}
        {!card && (
          <button
            type="button"
            className={`btn${calendarShown ? " is-on" : ""}`}
            data-testid="desk-calendar"
            aria-pressed={calendarShown}
            onClick={() => setCalendarShown(!calendarShown)}
          >
            {t("desk.calendar")}
          </button>
        )}
        <div className="desk-status" aria-live="polite">
          {busy && <span className="muted">{t("desk.busy")}</span>}
          {last && <LastResultLine last={last} outcomes={outcomes} />}
        </div>
        {card && <QueueStrip queue={queue} />}
      </div>

      {!card && (
        <div className="desk-idle">
          <div className="desk-empty">
            {queue && !queue.callingOpen ? (
              <>
                <p className="empty-message closed-message" data-testid="outside-hours">
                  {queue.nextOpen
                    ? t("desk.outsideHours", { at: queue.nextOpen })
                    : t("desk.outsideHoursNoNext")}
                </p>
                {queue.appointments.some((a) => a.due) && (
                  <p className="muted" data-testid="outside-hours-due">
                    {t("desk.outsideHoursDue")}
                  </p>
                )}
              </>
            ) : paused ? (
              <p className="empty-message muted" data-testid="paused-idle">
                {t("pause.idle")}
              </p>
            ) : noCase ? (
              <p className="empty-message" data-testid="no-case">
                {t("desk.noCase")}
              </p>
            ) : (
              <p className="empty-message muted">{t("desk.idle")}</p>
            )}
          </div>
          {pausing && (
            <PauseDialog
              onCancel={() => setPausing(false)}
              onPause={async (reason) => {
                setPaused(await commands.pauseWork({ campaignId: campaign.id, reason }));
                setPausing(false);
                setNoCase(false);
              }}
            />
          )}
          {calendarShown && <AppointmentsCalendar campaign={campaign} report={report} />}
          <QueuePanel queue={queue} campaign={campaign} />
          <ReturnedPanel campaign={campaign} outcomes={outcomes} report={report} clearError={clearError} />
        </div>
      )}

      {card && (
        <div className="desk-grid">
          <div className="desk-side">
            <CaseCardView card={card} outcomes={outcomes} />
          </div>
          <div className="desk-work">
            {interview ? (
              <Interview
                interview={interview}
                outcomes={outcomes}
                busy={busy}
                keysActive={!pending}
                save={saveAnswer}
                onRecord={choose}
              />
            ) : (
              <section className="panel start-interview-panel">
                <div className="start-interview-row">
                  <button
                    type="button"
                    className="btn btn-primary btn-large"
                    data-testid="start-interview"
                    disabled={busy}
                    onClick={startInterview}
                  >
                    {answered > 0 ? t("desk.resume") : t("desk.start")}
                  </button>
                  {answered > 0 && (
                    <div className="start-interview-notes">
                      <span className="muted" data-testid="interview-so-far">
                        {t("desk.interviewSoFar", { n: answered })}
                      </span>
                      {consent && (
                        <span className="desk-consent" data-testid="desk-consent">
                          {t(consent.given ? "desk.consentGiven" : "desk.consentRefused", { at: consent.at })}
                        </span>
                      )}
                    </div>
                  )}
                </div>
              </section>
            )}
            <OutcomePanel
              outcomes={outcomes}
              disabled={busy}
              keysActive={!interview}
              note={note}
              onNote={setNote}
              onChoose={choose}
            />
          </div>
        </div>
      )}

      {pending?.step === "appointment" && (
        <AppointmentDialog
          campaign={campaign}
          now={queue?.now ?? null}
          choices={queue?.callbackChoices ?? []}
          initial={pending.initialAt}
          busy={busy}
          refusal={pending.refusal}
          onConfirm={appointmentChosen}
          onCancel={() => setPending(null)}
        />
      )}
      {pending?.step === "note" && (
        <NoteDialog
          outcome={lang === "en" ? pending.outcome.labelEn : pending.outcome.labelVi}
          initial={note}
          busy={busy}
          onConfirm={noteWritten}
          onCancel={() => setPending(null)}
        />
      )}
    </main>
  );
}

function LastResultLine({ last, outcomes }: { last: LastResult; outcomes: readonly OutcomeView[] }) {
  const { lang, t } = useLang();
  const { recorded } = last;
  const label = outcomeLabel(recorded.outcome, outcomes, lang);
  let text: string;
  const closedAtLimit =
    recorded.finalOutcome !== null && !outcomes.find((o) => o.code === recorded.outcome)?.isFinal;
  if (recorded.finalOutcome && closedAtLimit) {
    text = t("desk.recordedClosedAtLimit", {
      outcome: label,
      final: outcomeLabel(recorded.finalOutcome, outcomes, lang),
    });
  } else if (recorded.finalOutcome || recorded.status === "closed") {
    text = t("desk.recordedClosed", { outcome: label });
  } else if (recorded.retryAt) {
    text = t("desk.recordedRetry", { outcome: label, at: recorded.retryAt });
  } else {
    text = t("desk.recorded", { outcome: label });
  }
  return (
    <p className="last-result" data-testid="last-result" title={last.name}>
      {text}
    </p>
  );
}
