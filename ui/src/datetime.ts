/** Callback times as the desk reads and writes them: dd/mm/yyyy hh:mm (24-hour) in the campaign's
 * time zone. Only what the operator types is read here; which times to offer, and whether a time
 * is still ahead and in calling hours, the core decides (its calendar knows the public holidays,
 * lunar Tết included): `QueueView.callbackChoices`, and its refusal when an outcome is recorded.
 * Wall-clock times are handled as milliseconds of a UTC calendar ("wall ms"), so no conversion to
 * this workstation's zone ever happens here. */

const pad = (n: number) => String(n).padStart(2, "0");

/** `24/11/2026 09:30` for a wall-clock time. */
export function showWall(wall: number): string {
  const d = new Date(wall);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The wall-clock time of numbers, or null when no such date or time exists (31/02, 24:10). */
function wallOf(y: number, mo: number, d: number, h: number, mi: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return null;
  const at = Date.UTC(y, mo - 1, d, h, mi);
  return new Date(at).getUTCDate() === d ? at : null;
}

export type Reading =
  | { ok: true; text: string }
  | { ok: false; problem: "empty" | "unreadable" | "impossible" };

/** Day first, as people write it: `24/11/2026 09:30`, also `24/11/2026 9h30`, `24-11-2026 14h`. */
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s*,\s*|\s+)(\d{1,2})\s*(?::\s*(\d{2})|[hHgG]\s*(\d{2})?)$/;
/** What the core also reads: `2026-11-24T09:30`. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2})?$/;

/** Reads a typed callback time; `text` is it as the core is sent it, `24/11/2026 09:30`. */
export function readAppointment(input: string): Reading {
  const text = input.trim();
  if (text === "") return { ok: false, problem: "empty" };
  let wall: number | null;
  const dayFirst = DAY_FIRST.exec(text);
  const iso = dayFirst ? null : ISO.exec(text);
  if (dayFirst) {
    const [, d, mo, y, h, mi, hMi] = dayFirst;
    wall = wallOf(+y!, +mo!, +d!, +h!, +(mi ?? hMi ?? 0));
  } else if (iso) {
    const [, y, mo, d, h, mi] = iso;
    wall = wallOf(+y!, +mo!, +d!, +h!, +mi!);
  } else {
    return { ok: false, problem: "unreadable" };
  }
  return wall === null ? { ok: false, problem: "impossible" } : { ok: true, text: showWall(wall) };
}

/** The zone's offset from UTC at `at`, e.g. `UTC+07:00`; empty when this browser cannot tell. */
export function zoneOffset(timeZone: string, at: Date = new Date()): string {
  try {
    const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value;
    if (!name) return "";
    return name === "GMT" ? "UTC+00:00" : name.replace(/^GMT/, "UTC");
  } catch {
    return "";
  }
}

export type DayReading =
  | { ok: true; iso: string }
  | { ok: false; problem: "empty" | "unreadable" | "impossible" };

/** Reads a typed day, day first as people write it (`23/11/2026`, also `23-11-2026`, `23.11.2026`)
 * or as the core writes it (`2026-11-23`); `iso` is it as the core is sent it, `2026-11-23`. */
export function readDay(input: string): DayReading {
  const text = input.trim();
  if (text === "") return { ok: false, problem: "empty" };
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = dayFirst ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const parts = dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) return { ok: false, problem: "unreadable" };
  const [y, mo, d] = parts.map(Number) as [number, number, number];
  if (wallOf(y, mo, d, 0, 0) === null) return { ok: false, problem: "impossible" };
  return { ok: true, iso: `${y}-${pad(mo)}-${pad(d)}` };
}

/** Today in `timeZone` by this workstation's clock, dd/mm/yyyy. */
export function todayIn(timeZone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "2-digit", month: "2-digit", year: "numeric" }).format(at);
}
