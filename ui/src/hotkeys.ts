/** The desk's keyboard: which key does what, as a pure function of the key and the desk's state;
 * while the interview is open its own keys (`interviewKeyAction`) take over. */
import type { QuestionKind } from "./api/bindings";

export type KeyTarget = "text" | "button" | "other";

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  repeat?: boolean;
  target: KeyTarget;
}

export interface DeskKeyState {
  hasCase: boolean;
  interviewOpen: boolean;
  dialogOpen: boolean;
  busy: boolean;
  /** The hotkeys of the outcomes the operator records, from the catalogue. */
  outcomeKeys: readonly string[];
}

export type DeskKeyAction =
  | { type: "nextCase" }
  | { type: "outcome"; hotkey: string }
  | { type: "startInterview" }
  | { type: "closeDialog" };

/** What a key press does on the desk, or null to leave it to the browser. */
export function deskKeyAction(press: KeyPress, state: DeskKeyState): DeskKeyAction | null {
  if (press.ctrlKey || press.altKey || press.metaKey || press.repeat) return null;
  const { key, target } = press;
  if (state.dialogOpen) return key === "Escape" ? { type: "closeDialog" } : null;
  if (state.busy) return null;
  if (key === "F2") return state.hasCase ? null : { type: "nextCase" };
  // The open interview has keys of its own.
  if (!state.hasCase || state.interviewOpen) return null;
  // Typing a note or a time is never a command.
  if (target === "text") return null;
  if (key === "Enter") {
    // A focused button answers Enter itself.
    return target === "button" ? null : { type: "startInterview" };
  }
  const hotkey = key.toLowerCase();
  return state.outcomeKeys.includes(hotkey) ? { type: "outcome", hotkey } : null;
}

/** Where a key press lands: a text field, a button, or elsewhere. */
export function keyTarget(element: EventTarget | null): KeyTarget {
  if (!(element instanceof HTMLElement)) return "other";
  if (element.isContentEditable) return "text";
  const tag = element.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return "text";
  if (tag === "INPUT") {
    const type = (element as HTMLInputElement).type;
    return type === "button" || type === "submit" || type === "checkbox" || type === "radio"
      ? "button"
      : "text";
  }
  if (tag === "BUTTON" || tag === "A" || tag === "SUMMARY") return "button";
  return "other";
}

export interface InterviewKeyState {
  /** The kind of the question shown; null when the closing words are shown. */
  kind: QuestionKind | null;
  /** The option codes of the question shown (the scale's too). */
  codes: readonly string[];
  /** The answer field is empty (Backspace there goes back rather than deletes). */
  fieldEmpty: boolean;
  /** There is a question before the one shown. */
  canGoBack: boolean;
  /** The closing shows an outcome to record. */
  hasSuggested: boolean;
  /** A save is running or a dialog is open. */
  busy: boolean;
}

export type InterviewKeyAction =
  | { type: "choose"; code: string }
  | { type: "toggle"; code: string }
  | { type: "submit" }
  | { type: "back" }
  | { type: "current" }
  | { type: "recordSuggested" };

/** What a key press does in the open interview: a digit answers a choice (or ticks one of a
 * multiple choice), Enter saves what is typed or ticked (empty: passes over an optional question),
 * Backspace goes back a question, Escape returns to the question to ask; at the closing Enter
 * records the suggested outcome. */
export function interviewKeyAction(press: KeyPress, state: InterviewKeyState): InterviewKeyAction | null {
  if (press.ctrlKey || press.altKey || press.metaKey || press.repeat || state.busy) return null;
  const { key, target } = press;
  if (key === "Escape") return { type: "current" };
  if (key === "Backspace") {
    if (target === "text" && !state.fieldEmpty) return null;
    return state.canGoBack ? { type: "back" } : null;
  }
  if (key === "Enter") {
    if (target === "button") return null;
    if (state.kind === null) return state.hasSuggested ? { type: "recordSuggested" } : null;
    return { type: "submit" };
  }
  if (target === "text" || state.kind === null || !/^\d$/.test(key) || !state.codes.includes(key)) return null;
  if (state.kind === "single" || state.kind === "scale") return { type: "choose", code: key };
  if (state.kind === "multiple") return { type: "toggle", code: key };
  return null;
}

export interface ReviewKeyState {
  /** An interview is picked in the queue. */
  hasPick: boolean;
  /** A dialog is open or a step is being taken. */
  busy: boolean;
}

export type ReviewKeyAction = { type: "next" } | { type: "previous" } | { type: "approve" } | { type: "return" };

/** The review queue's keys: ↓ or J the next interview, ↑ or K the one before, A approves the one
 * picked, R returns it (asking the reason). Never while typing in a field or a dialog is open. */
export function reviewKeyAction(press: KeyPress, state: ReviewKeyState): ReviewKeyAction | null {
  if (press.ctrlKey || press.altKey || press.metaKey || state.busy || press.target === "text") return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (key === "ArrowDown" || key === "j") return { type: "next" };
  if (key === "ArrowUp" || key === "k") return { type: "previous" };
  if (press.repeat || !state.hasPick) return null;
  if (key === "a") return { type: "approve" };
  if (key === "r") return { type: "return" };
  return null;
}
