/** Asks for the callback time agreed with the respondent, typed as dd/mm/yyyy hh:mm (24-hour) in
 * the campaign's time zone, and who makes the call: only this operator (a hard appointment, the
 * default) or anyone (soft). The default and the quick picks are the core's (`callbackChoices`:
 * its calendar knows the days off and public holidays). A time that cannot be read or does not
 * exist is refused here, before anything is sent; whether it is still ahead and in calling hours
 * the core decides, and its refusal is shown here too. Enter confirms, Esc goes back (the desk's
 * keyboard handles Esc). */
import { useEffect, useRef, useState } from "react";
import type { AppointmentKind, CallbackChoice, CampaignView } from "../api/bindings";
import { readAppointment, zoneOffset } from "../datetime";
import { ENGLISH_BY_KIND } from "../errors";
import { useLang } from "../i18n";
import { DialogActions } from "./DialogActions";

/** The core refused the time it was sent (`value`, as sent). */
export interface AppointmentRefusal {
  value: string;
  message: string;
}

interface Props {
  campaign: Pick<CampaignView, "timeZone" | "appointmentGraceMinutes" | "callingDays" | "callingHours">;
  /** The app's now in the campaign's zone (`QueueView.now`), or null while it is not known. */
  now: string | null;
  /** The core's callback times to offer (`QueueView.callbackChoices`), the default first. */
  choices: readonly CallbackChoice[];
  initial: string;
  busy: boolean;
  refusal: AppointmentRefusal | null;
  onConfirm: (appointmentAt: string, kind: AppointmentKind) => void;
  onCancel: () => void;
}

const KINDS: readonly AppointmentKind[] = ["hard", "soft"];
const EXAMPLE = "24/11/2026 14:30";
/** A date and time kept on one line. */
const unbroken = (text: string) => text.replace(/ /g, "\u00a0");

export function AppointmentDialog({ campaign, now, choices, initial, busy, refusal, onConfirm, onCancel }: Props) {
  const { lang, t } = useLang();
  const [value, setValue] = useState(initial);
  const [kind, setKind] = useState<AppointmentKind>("hard");
  /** Set once a confirm was refused here: from then on the field is checked as it is typed. */
  const [tried, setTried] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Focused with the default selected: typing replaces it, Enter takes it.
    input.current?.focus();
    input.current?.select();
  }, []);
  const offset = zoneOffset(campaign.timeZone);

  const reading = readAppointment(value);
  const problem = reading.ok
    ? null
    : reading.problem === "empty"
      ? t("appt.empty")
      : t(reading.problem === "unreadable" ? "appt.unreadable" : "appt.impossible", {
          value: value.trim(),
          example: initial || EXAMPLE,
        });
  // The core's refusal stands while the field still holds the time it refused.
  const refused = refusal && reading.ok && reading.text === refusal.value ? refusal : null;
  const showProblem = tried && problem !== null;

  const submit = () => {
    if (!reading.ok) {
      setTried(true);
      input.current?.focus();
      return;
    }
    if (!busy) onConfirm(reading.text, kind);
  };

  const errorId = showProblem ? "appointment-error" : refused ? "appointment-refused" : undefined;
  return (
    <div className="overlay">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="appointment-title"
        data-testid="appointment-dialog"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 id="appointment-title" className="dialog-title">
          {t("appt.title")}
        </h2>
        <label className="field-label" htmlFor="appointment-input">
          {t("appt.label")}
        </label>
        <input
          ref={input}
          id="appointment-input"
          className="input appointment-input mono"
          type="text"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="dd/mm/yyyy hh:mm"
          maxLength={24}
          data-testid="appointment-input"
          aria-describedby="appointment-format appointment-zone"
          aria-invalid={showProblem || refused !== null}
          aria-errormessage={errorId}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onBlur={() => {
            // 9h30 and the like are written back the way the core is sent them.
            if (reading.ok && reading.text !== value) setValue(reading.text);
          }}
        />
        {showProblem && (
          <p className="field-error" id="appointment-error" role="alert" data-testid="appointment-error">
            {problem}
          </p>
        )}
        {!showProblem && refused && (
          <p className="field-error" id="appointment-refused" role="alert" data-testid="appointment-refused">
            {lang === "en" && <span>{ENGLISH_BY_KIND.invalid} </span>}
            <span lang="vi">{refused.message}</span>
          </p>
        )}
        <p className="dialog-note" id="appointment-format" data-testid="appointment-format">
          {t("appt.format", { example: unbroken(EXAMPLE) })}
          {now && (
            <>
              {" "}
              <span data-testid="appointment-now">{t("appt.now", { now: unbroken(now) })}</span>
            </>
          )}
        </p>
        {choices.length > 0 && (
          <div className="quick-picks" role="group" aria-label={t("appt.quick")} data-testid="appointment-picks">
            {choices.map((choice) => (
              <button
                key={choice.at}
                type="button"
                className={`btn btn-small quick-pick${reading.ok && reading.text === choice.at ? " is-on" : ""}`}
                data-testid="appointment-pick"
                data-value={choice.at}
                title={choice.at}
                onClick={() => {
                  setValue(choice.at);
                  input.current?.focus();
                }}
              >
                {lang === "en" ? choice.labelEn : choice.labelVi}
              </button>
            ))}
          </div>
        )}
        <p className="dialog-note" id="appointment-zone" data-testid="appointment-zone">
          {t("appt.zone", { zone: campaign.timeZone, offset: offset || campaign.timeZone })}{" "}
          <span data-testid="appointment-hours">
            {t("queue.hours", {
              days: campaign.callingDays.replace(/-/g, "–"),
              hours: campaign.callingHours.replace(/-/g, "–").split(",").join(", "),
            })}
          </span>
        </p>
        <fieldset className="choice-group">
          <legend className="field-label">{t("appt.kind")}</legend>
          {KINDS.map((k) => (
            <label key={k} className={`choice-option${kind === k ? " is-on" : ""}`}>
              <input
                type="radio"
                name="appointment-kind"
                value={k}
                data-testid={`appointment-kind-${k}`}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <span className="choice-text">
                <span className="choice-title">{t(k === "hard" ? "appt.hard" : "appt.soft")}</span>
                <span className="choice-hint">
                  {k === "hard"
                    ? t("appt.hardHint", { grace: campaign.appointmentGraceMinutes })
                    : t("appt.softHint")}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <DialogActions testId="appointment" confirmLabel={t("appt.confirm")} busy={busy} onCancel={onCancel} />
      </form>
    </div>
  );
}
