/** The desk's keyboard: which key does what, as a pure function of the key and the desk's state. */

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
  /** Every question has an answer and none is being changed. */
  canFinish: boolean;
  /** The hotkeys of the outcomes the operator records, from the catalogue. */
  outcomeKeys: readonly string[];
}

export type DeskKeyAction =
  | { type: "nextCase" }
  | { type: "outcome"; hotkey: string }
  | { type: "answer"; code: string }
  | { type: "startInterview" }
  | { type: "finish" }
  | { type: "closeDialog" };

export const ANSWER_KEYS = ["1", "2", "3", "4", "5", "0"] as const;

/** What a key press does on the desk, or null to leave it to the browser. */
export function deskKeyAction(press: KeyPress, state: DeskKeyState): DeskKeyAction | null {
  if (press.ctrlKey || press.altKey || press.metaKey || press.repeat) return null;
  const { key, target } = press;
  if (state.dialogOpen) return key === "Escape" ? { type: "closeDialog" } : null;
  if (state.busy) return null;
  if (key === "F2") return state.hasCase ? null : { type: "nextCase" };
  if (!state.hasCase) return null;
  // Typing a note or a time is never a command.
  if (target === "text") return null;
  if (key === "Enter") {
    // A focused button answers Enter itself.
    if (target === "button") return null;
    if (!state.interviewOpen) return { type: "startInterview" };
    return state.canFinish ? { type: "finish" } : null;
  }
  if (state.interviewOpen) {
    if (state.canFinish) return null;
    return (ANSWER_KEYS as readonly string[]).includes(key) ? { type: "answer", code: key } : null;
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
