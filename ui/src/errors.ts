/** Turns whatever a command rejected with into an `ApiError`, and the English sentence per kind. */
import type { ApiError, ErrorKind } from "./api/bindings";

const KINDS: readonly ErrorKind[] = [
  "notFound",
  "leaseLost",
  "invalid",
  "conflict",
  "forbidden",
  "loginRefused",
  "unavailable",
  "internal",
];

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { kind?: unknown; message?: unknown };
  return typeof v.message === "string" && KINDS.includes(v.kind as ErrorKind);
}

/** A rejected command gives an `ApiError`; anything else (a bug, a broken bridge) is `internal`. */
export function toApiError(value: unknown): ApiError {
  if (isApiError(value)) return { kind: value.kind, message: value.message.normalize("NFC") };
  const text =
    typeof value === "string" ? value : value instanceof Error ? value.message : "";
  return {
    kind: "internal",
    message: text ? `Lỗi không mong đợi: ${text}` : "Đã có lỗi không rõ nguyên nhân.",
  };
}

/** What the English screen says for each kind; the Vietnamese message is shown beneath it. */
export const ENGLISH_BY_KIND: Record<ErrorKind, string> = {
  notFound: "What was asked for does not exist.",
  leaseLost: "This case is no longer yours: its hold expired and another operator has it now.",
  invalid: "The request breaks a rule and was not saved.",
  conflict: "Someone else changed the same thing first; refresh and try again.",
  forbidden: "You may not do this: it belongs to another role, campaign or operator.",
  loginRefused: "The login or the password is wrong, or the account is disabled.",
  unavailable: "The database cannot be reached; try again in a moment.",
  internal: "Something went wrong that you cannot fix here; the details are in the log.",
};

/** After these kinds the request may or may not have reached the database: retry with the same id. */
export function mayHaveLanded(error: ApiError): boolean {
  return error.kind === "unavailable" || error.kind === "internal" || error.kind === "conflict";
}
