// Unit tests of the desk's key map: F2, the catalogue's keys for outcomes, 1–5/0 for answers, Enter, Escape.
import { describe, expect, test } from "vitest";
import { deskKeyAction, type DeskKeyState, type KeyPress } from "../../src/hotkeys";
import { OUTCOMES } from "../fake/data";

const outcomeKeys = OUTCOMES.flatMap((o) => (o.recordable && o.hotkey ? [o.hotkey] : []));
const idle: DeskKeyState = { hasCase: false, interviewOpen: false, dialogOpen: false, busy: false, canFinish: false, outcomeKeys };
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

  test("during the interview 1–5 and 0 answer, and 6–7 do nothing", () => {
    for (const key of ["1", "2", "3", "4", "5", "0"]) {
      expect(deskKeyAction(press(key), interviewing)).toEqual({ type: "answer", code: key });
    }
    expect(deskKeyAction(press("6"), interviewing)).toBeNull();
    expect(deskKeyAction(press("7"), interviewing)).toBeNull();
    expect(deskKeyAction(press("3", { target: "button" }), interviewing)).toEqual({ type: "answer", code: "3" });
    expect(deskKeyAction(press("3"), { ...interviewing, canFinish: true })).toBeNull();
  });

  test("Enter starts the interview, then finishes it once every question is answered", () => {
    expect(deskKeyAction(press("Enter"), holding)).toEqual({ type: "startInterview" });
    expect(deskKeyAction(press("Enter", { target: "button" }), holding)).toBeNull();
    expect(deskKeyAction(press("Enter", { target: "text" }), holding)).toBeNull();
    expect(deskKeyAction(press("Enter"), interviewing)).toBeNull();
    expect(deskKeyAction(press("Enter"), { ...interviewing, canFinish: true })).toEqual({ type: "finish" });
    expect(deskKeyAction(press("Enter"), idle)).toBeNull();
  });

  test("with the appointment dialog open only Escape acts", () => {
    const dialog = { ...holding, dialogOpen: true };
    expect(deskKeyAction(press("Escape"), dialog)).toEqual({ type: "closeDialog" });
    expect(deskKeyAction(press("7"), dialog)).toBeNull();
    expect(deskKeyAction(press("Enter"), dialog)).toBeNull();
    expect(deskKeyAction(press("F2"), dialog)).toBeNull();
  });
});
