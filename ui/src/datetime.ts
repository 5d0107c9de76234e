/** The appointment picker's value: `YYYY-MM-DDTHH:MM`, as `<input type="datetime-local">` gives it. */

const pad = (n: number) => String(n).padStart(2, "0");

/** Tomorrow at 09:00 on this workstation's calendar (the campaign's zone in practice). */
export function defaultAppointment(now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:00`;
}

/** `2026-11-24T09:30` (seconds dropped), or null when the text is not such a value. */
export function appointmentValue(input: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(input.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}` : null;
}
