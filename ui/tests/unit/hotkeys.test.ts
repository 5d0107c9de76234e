// Unit tests of the desk's key map (F2, the catalogue's keys for outcomes, Enter, Escape) and the interview's (digits, Enter, Backspace, Esc).
import { describe, expect, test } from "vitest";
import {
  deskKeyAction,
  interviewKeyAction,
  reviewKeyAction,
  type DeskKeyState,
  type InterviewKeyState,
  type KeyPress,
} from "../../src/hotkeys";
import { OUTCOMES } from "../fake/data";

const outcomeKeys = OUTCOMES.flatMap((o) => (o.recordable && o.hotkey ? [o.hotkey] : []));
const idle: DeskKeyState = { hasCase: false, interviewOpen: false, dialogOpen: false, busy: false, outcomeKeys };
const holding: DeskKeyState = { ...idle, hasCase: true };
const interviewing: DeskKeyState = { ...holding, interviewOpen: true };
const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key, target: "other", ...extra });

describe("desk hotkeys", () => {
  test("F2 takes the next case only when none is held", () => {
    expect(deskKeyAction(press("F2"), idle)).toEqual({ type: "nextCase" });
    expect(deskKeyAction(press("F2", { target: "text" }), idle)).toEqual({ type: "nextCase" });
    expect(deskKeyAction(press("F2"), holding)).toBeNull();
    expect(deskKeyAction(press("F2"), { ...idle, busy: true })).toBeNull();
  });

  test("the catalogue's keys record outcomes while a case is held and no interview is open", () => {
    for (const key of ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "q", "w", "e", "r"]) {
      expect(deskKeyAction(press(key), holding)).toEqual({ type: "outcome", hotkey: key });
    }
    expect(deskKeyAction(press("Q"), holding)).toEqual({ type: "outcome", hotkey: "q" });
    expect(deskKeyAction(press("x"), holding)).toBeNull();
    expect(deskKeyAction(press(" "), holding)).toBeNull();
    expect(deskKeyAction(press("4"), idle)).toBeNull();
    expect(deskKeyAction(press("4", { target: "text" }), holding)).toBeNull();
    expect(deskKeyAction(press("4", { ctrlKey: true }), holding)).toBeNull();
    expect(deskKeyAction(press("4", { repeat: true }), holding)).toBeNull();
    expect(deskKeyAction(press("4"), { ...holding, busy: true })).toBeNull();
  });

  test("Enter starts the interview; once it is open the desk's keys leave it to the interview", () => {
    expect(deskKeyAction(press("Enter"), holding)).toEqual({ type: "startInterview" });
    expect(deskKeyAction(press("Enter", { target: "button" }), holding)).toBeNull();
    expect(deskKeyAction(press("Enter", { target: "text" }), holding)).toBeNull();
    expect(deskKeyAction(press("Enter"), idle)).toBeNull();
    for (const key of ["Enter", "1", "4", "q", "Backspace"]) expect(deskKeyAction(press(key), interviewing)).toBeNull();
    expect(deskKeyAction(press("Escape"), { ...interviewing, dialogOpen: true })).toEqual({ type: "closeDialog" });
  });

  test("with the appointment dialog open only Escape acts", () => {
    const dialog = { ...holding, dialogOpen: true };
    expect(deskKeyAction(press("Escape"), dialog)).toEqual({ type: "closeDialog" });
    expect(deskKeyAction(press("7"), dialog)).toBeNull();
    expect(deskKeyAction(press("Enter"), dialog)).toBeNull();
    expect(deskKeyAction(press("F2"), dialog)).toBeNull();
  });
});

const scale: InterviewKeyState = {
  kind: "scale",
  codes: ["1", "2", "3", "4", "5", "0"],
  fieldEmpty: true,
  canGoBack: true,
  hasSuggested: false,
  busy: false,
};

describe("interview keys", () => {
  test("a digit answers a single choice or the scale at once, only with one of its codes", () => {
    for (const key of ["1", "5", "0"]) expect(interviewKeyAction(press(key), scale)).toEqual({ type: "choose", code: key });
    expect(interviewKeyAction(press("6"), scale)).toBeNull();
    expect(interviewKeyAction(press("2", { target: "button" }), scale)).toEqual({ type: "choose", code: "2" });
    const single = { ...scale, kind: "single" as const, codes: ["1", "2"] };
    expect(interviewKeyAction(press("2"), single)).toEqual({ type: "choose", code: "2" });
    expect(interviewKeyAction(press("3"), single)).toBeNull();
    expect(interviewKeyAction(press("2"), { ...single, busy: true })).toBeNull();
    expect(interviewKeyAction(press("2", { ctrlKey: true }), single)).toBeNull();
  });

  test("a multiple choice ticks with digits and saves with Enter; typing in the field is typing", () => {
    const multiple = { ...scale, kind: "multiple" as const, codes: ["1", "2", "3", "10"] };
    expect(interviewKeyAction(press("3"), multiple)).toEqual({ type: "toggle", code: "3" });
    expect(interviewKeyAction(press("1", { target: "text" }), multiple)).toBeNull();
    expect(interviewKeyAction(press("Enter"), multiple)).toEqual({ type: "submit" });
    expect(interviewKeyAction(press("Enter", { target: "text" }), multiple)).toEqual({ type: "submit" });
    expect(interviewKeyAction(press("Enter", { target: "button" }), multiple)).toBeNull();
  });

  test("Backspace goes back unless it deletes typed text; Escape returns to the question to ask", () => {
    const text = { ...scale, kind: "text" as const, codes: [] };
    expect(interviewKeyAction(press("Backspace"), scale)).toEqual({ type: "back" });
    expect(interviewKeyAction(press("Backspace"), { ...scale, canGoBack: false })).toBeNull();
    expect(interviewKeyAction(press("Backspace", { target: "text" }), { ...text, fieldEmpty: false })).toBeNull();
    expect(interviewKeyAction(press("Backspace", { target: "text" }), text)).toEqual({ type: "back" });
    expect(interviewKeyAction(press("Escape"), text)).toEqual({ type: "current" });
  });

  test("at the closing Enter records the suggested outcome", () => {
    const closing = { ...scale, kind: null, codes: [] };
    expect(interviewKeyAction(press("Enter"), { ...closing, hasSuggested: true })).toEqual({ type: "recordSuggested" });
    expect(interviewKeyAction(press("Enter"), closing)).toBeNull();
    expect(interviewKeyAction(press("1"), { ...closing, hasSuggested: true })).toBeNull();
  });
});

describe("review queue keys", () => {
  const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key, target: "other", ...extra });
  const picked = { hasPick: true, busy: false };

  test("arrows and J/K move through the queue, A approves and R returns the one picked", () => {
    expect(reviewKeyAction(press("ArrowDown"), picked)).toEqual({ type: "next" });
    expect(reviewKeyAction(press("j"), picked)).toEqual({ type: "next" });
    expect(reviewKeyAction(press("ArrowUp"), picked)).toEqual({ type: "previous" });
    expect(reviewKeyAction(press("K"), picked)).toEqual({ type: "previous" });
    expect(reviewKeyAction(press("a"), picked)).toEqual({ type: "approve" });
    expect(reviewKeyAction(press("R"), picked)).toEqual({ type: "return" });
    expect(reviewKeyAction(press("x"), picked)).toBeNull();
  });

  test("nothing is approved without a pick, while typing, in a dialog, or by a held key", () => {
    expect(reviewKeyAction(press("a"), { hasPick: false, busy: false })).toBeNull();
    expect(reviewKeyAction(press("j"), { hasPick: false, busy: false })).toEqual({ type: "next" });
    expect(reviewKeyAction(press("a", { target: "text" }), picked)).toBeNull();
    expect(reviewKeyAction(press("ArrowDown", { target: "text" }), picked)).toBeNull();
    expect(reviewKeyAction(press("a"), { hasPick: true, busy: true })).toBeNull();
    expect(reviewKeyAction(press("a", { repeat: true }), picked)).toBeNull();
    expect(reviewKeyAction(press("a", { ctrlKey: true }), picked)).toBeNull();
  });
});
