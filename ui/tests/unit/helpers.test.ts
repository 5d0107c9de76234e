// Unit tests of the small helpers: search folding, appointment values, ApiError handling, labels, ids.
import { describe, expect, test } from "vitest";
import { readAppointment, readDay, showWall, todayIn, zoneOffset } from "../../src/datetime";
import { ENGLISH_BY_KIND, isApiError, mayHaveLanded, toApiError } from "../../src/errors";
import { translator } from "../../src/i18n";
import { newId } from "../../src/ids";
import {
  caseName,
  caseStatusLabel,
  fieldText,
  forgets,
  outcomeLabel,
  parseCodes,
  requestKindLabel,
  stopLabel,
  toggleCode,
} from "../../src/labels";
import { homeScreen, mayOpen, mustKeep, type Screen } from "../../src/session";
import { fold, matches } from "../../src/text";
import type { InterviewView, QuestionView } from "../../src/api/bindings";
import { OUTCOMES } from "../fake/data";

describe("search", () => {
  test("folds case and diacritics, đ included", () => {
    expect(fold("Nguyễn Thị Lan")).toBe("nguyen thi lan");
    expect(fold("ĐẶNG Quốc Việt")).toBe("dang quoc viet");
    expect(fold("Nguye\u0302\u0303n")).toBe("nguyen");
  });

  test("every word must be found in some field", () => {
    const fields = ["Nguyễn Thị Mai", "UBND-PCL-261103-0002", "UBND phường Cao Lãnh"];
    expect(matches("nguyen", fields)).toBe(true);
    expect(matches("mai cao lanh", fields)).toBe(true);
    expect(matches("261103", fields)).toBe(true);
    expect(matches("tran", fields)).toBe(false);
    expect(matches("   ", fields)).toBe(true);
  });
});

describe("appointment", () => {
  test("reads dd/mm/yyyy hh:mm as typed, and sends it in that form", () => {
    const text = (input: string) => {
      const r = readAppointment(input);
      return r.ok ? r.text : r.problem;
    };
    expect(text("24/11/2026 14:30")).toBe("24/11/2026 14:30");
    expect(text("  4/1/2027 9:05 ")).toBe("04/01/2027 09:05");
    expect(text("24/11/2026 9h30")).toBe("24/11/2026 09:30");
    expect(text("24-11-2026 14h")).toBe("24/11/2026 14:00");
    expect(text("24.11.2026, 14:30")).toBe("24/11/2026 14:30");
    // What the core also reads.
    expect(text("2026-11-24T09:30")).toBe("24/11/2026 09:30");
    expect(text("2026-11-24T09:30:15")).toBe("24/11/2026 09:30");
    expect(text("")).toBe("empty");
    expect(text("mai 9 giờ")).toBe("unreadable");
    expect(text("24/11/26 09:30")).toBe("unreadable");
    expect(text("24/11/2026")).toBe("unreadable");
    expect(text("11/24/2026, 02:30 PM")).toBe("unreadable");
    expect(text("31/02/2026 09:00")).toBe("impossible");
    expect(text("24/13/2026 09:00")).toBe("impossible");
    expect(text("24/11/2026 24:00")).toBe("impossible");
    expect(text("24/11/2026 09:60")).toBe("impossible");
    expect(showWall(Date.UTC(2027, 0, 4, 7, 5))).toBe("04/01/2027 07:05");
  });

  test("reads a day typed dd/mm/yyyy (or as the core writes it) and sends it as yyyy-mm-dd", () => {
    const day = (input: string) => {
      const r = readDay(input);
      return r.ok ? r.iso : r.problem;
    };
    expect(day("23/11/2026")).toBe("2026-11-23");
    expect(day(" 5/1/2027 ")).toBe("2027-01-05");
    expect(day("05-01-2027")).toBe("2027-01-05");
    expect(day("05.01.2027")).toBe("2027-01-05");
    expect(day("2026-11-23")).toBe("2026-11-23");
    expect(day("")).toBe("empty");
    expect(day("hôm qua")).toBe("unreadable");
    expect(day("23/11/26")).toBe("unreadable");
    expect(day("23/11/2026 09:00")).toBe("unreadable");
    expect(day("31/11/2026")).toBe("impossible");
    expect(day("29/02/2027")).toBe("impossible");
    expect(day("29/02/2028")).toBe("2028-02-29");
    // Vietnam's day, whatever this workstation's zone: 17:30 UTC is already the next day there.
    expect(todayIn("Asia/Ho_Chi_Minh", new Date(Date.UTC(2026, 10, 22, 17, 30)))).toBe("23/11/2026");
    expect(todayIn("UTC", new Date(Date.UTC(2026, 10, 22, 17, 30)))).toBe("22/11/2026");
  });

  test("the campaign's zone is shown with its offset from UTC", () => {
    expect(zoneOffset("Asia/Ho_Chi_Minh")).toBe("UTC+07:00");
    expect(zoneOffset("UTC")).toBe("UTC+00:00");
    expect(zoneOffset("Mars/Olympus")).toBe("");
  });
});

describe("errors", () => {
  test("an ApiError passes through, anything else becomes internal", () => {
    const lost = { kind: "leaseLost", message: "Ca 1 không còn do bạn giữ." } as const;
    expect(isApiError(lost)).toBe(true);
    expect(toApiError(lost)).toEqual(lost);
    expect(toApiError(new Error("boom")).kind).toBe("internal");
    expect(toApiError("command not found").message).toContain("command not found");
    expect(isApiError({ kind: "nope", message: "x" })).toBe(false);
    expect(Object.keys(ENGLISH_BY_KIND)).toHaveLength(8);
    expect(isApiError({ kind: "loginRefused", message: "Tên đăng nhập hoặc mật khẩu không đúng." })).toBe(true);
  });

  test("only failures that may have reached the database keep the attempt id", () => {
    expect(mayHaveLanded({ kind: "unavailable", message: "" })).toBe(true);
    expect(mayHaveLanded({ kind: "invalid", message: "" })).toBe(false);
  });
});

describe("labels", () => {
  const t = translator("vi");
  test("outcomes come from the catalogue; the attempt-limit ones from the UI", () => {
    expect(outcomeLabel("3.13", OUTCOMES, "vi")).toBe("Không nghe máy");
    expect(outcomeLabel("3.13", OUTCOMES, "en")).toBe("No answer");
    expect(outcomeLabel("2.30", OUTCOMES, "vi")).toBe("Hết lượt gọi (đã liên hệ được)");
    expect(outcomeLabel("3.90", OUTCOMES, "vi")).toBe("Hết lượt gọi (chưa liên hệ được)");
  });

  test("a purged case is named by its dossier; requests by their kind", () => {
    const c = { respondentName: "Võ Thị Yến", dossierCode: "UBND-PCL-261015-0006", purged: false };
    expect(caseName(c, t)).toBe("Võ Thị Yến");
    expect(caseName({ ...c, respondentName: "", purged: true }, t)).toBe("hồ sơ UBND-PCL-261015-0006");
    expect(requestKindLabel("withdraw", t)).toBe("Rút lại sự đồng ý");
    expect(requestKindLabel("delete", translator("en"))).toBe("Delete their data");
    expect((["access", "correct", "delete", "withdraw"] as const).filter(forgets)).toEqual(["delete", "withdraw"]);
  });

  test("status: holder when in call, final outcome when closed", () => {
    expect(caseStatusLabel({ status: "inCall", heldBy: "Trần Quốc Minh", finalOutcome: null }, OUTCOMES, "vi", t)).toBe(
      "Đang gọi (Trần Quốc Minh)",
    );
    expect(caseStatusLabel({ status: "closed", heldBy: null, finalOutcome: "1.1" }, OUTCOMES, "vi", t)).toBe("Hoàn thành");
    expect(caseStatusLabel({ status: "retry", heldBy: null, finalOutcome: null }, OUTCOMES, "vi", t)).toBe("Chờ gọi lại");
    expect(caseStatusLabel({ status: "appointment", heldBy: null, finalOutcome: null }, OUTCOMES, "vi", t)).toBe("Hẹn gọi lại");
    expect(caseStatusLabel({ status: "new", heldBy: null, finalOutcome: null }, OUTCOMES, "vi", t)).toBe("Chưa gọi");
    // A soft refusal never converted closes the case at the attempt limit: it says so.
    expect(caseStatusLabel({ status: "closed", heldBy: null, finalOutcome: "2.111" }, OUTCOMES, "vi", t)).toBe(
      "Từ chối, có thể thuyết phục lại (hết lượt gọi)",
    );
    expect(caseStatusLabel({ status: "closed", heldBy: null, finalOutcome: "3.90" }, OUTCOMES, "vi", t)).toBe(
      "Hết lượt gọi (chưa liên hệ được)",
    );
  });

  test("a stop reads as what the call counts as", () => {
    const t = translator("vi");
    expect(stopLabel("partial", t)).toBe("Trả lời một phần");
    expect(stopLabel("refusal", translator("en"))).toBe("Refusal");
  });

  test("multiple-choice codes tick and untick in numeric order; stored answers go back in the field as typed", () => {
    expect(parseCodes("3, 1;1 10")).toEqual(["3", "1", "10"]);
    expect(toggleCode("", "3")).toBe("3");
    expect(toggleCode("3, 10", "1")).toBe("1, 3, 10");
    expect(toggleCode("1, 3", "1")).toBe("3");
    expect(fieldText("multiple", "1,3")).toBe("1, 3");
    expect(fieldText("date", "2026-10-03")).toBe("03/10/2026");
    expect(fieldText("text", "Nên có thêm chỗ ngồi")).toBe("Nên có thêm chỗ ngồi");
  });
});

describe("session", () => {
  test("a case is kept on leaving the desk only when its open interview has answers", () => {
    const held = { card: {} as never, campaignId: "c", interview: null };
    expect(mustKeep(null)).toBe(false);
    expect(mustKeep(held)).toBe(false);
    const question = { id: "dong_y", answer: null } as QuestionView;
    const open = { id: "i", status: "inProgress", next: "dong_y", questions: [question] } as InterviewView;
    expect(mustKeep({ ...held, interview: open })).toBe(false);
    const answered = { ...open, questions: [{ ...question, answer: { code: "1", shown: "Đồng ý" } }] };
    expect(mustKeep({ ...held, interview: answered })).toBe(true);
  });

  test("a person lands on their role's home and opens only their role's screens", () => {
    expect(homeScreen("operator", 1)).toEqual({ kind: "desk" });
    expect(homeScreen("operator", 2)).toEqual({ kind: "campaigns" });
    expect(homeScreen("operator", 0)).toEqual({ kind: "campaigns" });
    expect(homeScreen("supervisor", 3)).toEqual({ kind: "supervisor" });
    expect(homeScreen("admin", 0)).toEqual({ kind: "supervisor" });
    const kinds: Screen["kind"][] = ["campaigns", "desk", "supervisor", "people", "privacy"];
    const opens = (role: "operator" | "supervisor" | "admin") => kinds.filter((kind) => mayOpen(role, { kind }));
    expect(opens("operator")).toEqual(["campaigns", "desk"]);
    expect(opens("supervisor")).toEqual(["supervisor"]);
    expect(opens("admin")).toEqual(["supervisor", "people", "privacy"]);
  });
});

describe("ids", () => {
  test("are fresh v4 UUIDs", () => {
    const a = newId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newId()).not.toBe(a);
  });
});
