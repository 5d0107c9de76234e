// Unit tests of the fake backend itself: it answers every command of bindings.ts and refuses like Rust does.
import { describe, expect, test } from "vitest";
import {
  COMMAND_NAMES,
  type ApiError,
  type CaseCard,
  type CaseVersion,
  type ImportReport,
  type QueueView,
  type ReassignReport,
  type SampleReport,
} from "../../src/api/bindings";
import { CLOSED_START, FakeBackend, OPEN_START, callbackChoices, formatInstant, nextOpen, parseLocal, requiredSample, slotAt } from "../fake/backend";
import { CAMPAIGN, HONG, LAN, MINH, YEN_ANSWERS } from "../fake/data";
import type { InterviewView } from "../../src/api/bindings";

/** Lan takes her next case and opens its interview; `answer` saves one answer and gives the view. */
function interviewing() {
  const fake = new FakeBackend();
  const card = fake.handle("next_case", { req: { campaignId: CAMPAIGN.id, operatorId: LAN.id } }) as CaseCard;
  const start = fake.handle("start_interview", { req: { lease: card.lease, interviewId: crypto.randomUUID() } }) as InterviewView;
  const answer = (questionId: string, input: string, answerId: string = crypto.randomUUID()) =>
    fake.handle("save_answer", { req: { lease: card.lease, interviewId: start.id, answerId, questionId, input } }) as InterviewView;
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e as ApiError;
    }
    throw new Error("not refused");
  };
  return { fake, card, start, answer, refusal };
}

describe("fake backend", () => {
  test("implements every command the shell registers", () => {
    const fake = new FakeBackend();
    for (const name of COMMAND_NAMES) {
      const method = name.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
      expect(fake.api, name).toHaveProperty(method);
    }
  });

  test("refuses “complete” with the unanswered questions, as an ApiError", () => {
    const fake = new FakeBackend();
    const card = fake.handle("next_case", { req: { campaignId: CAMPAIGN.id, operatorId: LAN.id } }) as CaseCard;
    const attempt = { lease: card.lease, attemptId: crypto.randomUUID(), note: null, appointmentAt: null };
    let error: ApiError | undefined;
    try {
      fake.handle("record_outcome", { req: { ...attempt, outcome: "1.1" } });
    } catch (e) {
      error = e as ApiError;
    }
    expect(error).toEqual({
      kind: "invalid",
      message: "Chưa thể ghi “Hoàn thành”: phiếu chưa xong, còn 23 câu bắt buộc chưa trả lời (tiếp theo: dong_y).",
    });
    // The same attempt id twice records one attempt.
    fake.handle("record_outcome", { req: { ...attempt, outcome: "3.12" } });
    fake.handle("record_outcome", { req: { ...attempt, outcome: "3.12" } });
    expect(fake.cases.find((c) => c.id === card.lease.caseId)!.attempts).toBe(1);
  });

  test("walks the SIPAS questionnaire: wording filled in, skips by condition, blanks for optional questions, complete", () => {
    const { start, answer } = interviewing();
    expect(start.next).toBe("dong_y");
    expect(start.stop).toBe("notStarted");
    const consent = start.questions[0]!;
    expect(consent.text).toContain("Xin chào Ông/Bà Phạm Văn Hùng. Tôi là Nguyễn Thị Lan");
    expect(consent.text).toContain("Theo danh sách của Sở Tư pháp");
    expect(consent.text).toContain("nhận kết quả ngày 12/10/2026");
    expect(consent.options.map((o) => [o.code, o.ends])).toEqual([["1", false], ["2", true]]);
    // The gop_y.* questions wait for da_gop_y = 1.
    expect(start.questions.some((q) => q.id.startsWith("gop_y."))).toBe(false);
    let view = start;
    for (const [id, code] of YEN_ANSWERS) {
      if (id === "da_gop_y") {
        view = answer(id, "1");
        expect(view.next).toBe("gop_y.kenh");
        expect(view.questions.map((q) => q.id)).toContain("gop_y.thong_bao");
        view = answer(id, code);
        expect(view.next).toBe("hai_long_chung");
        expect(view.questions.some((q) => q.id.startsWith("gop_y."))).toBe(false);
        continue;
      }
      view = answer(id, code);
      if (id === "hai_long_chung") expect([view.next, view.stop, view.suggestedOutcome]).toEqual(["mong_doi", "partial", "1.2"]);
      if (id === "ket_qua.cong_bang") expect(view.stop).toBe("breakOff");
    }
    expect(view.next).toBeNull();
    expect([view.stop, view.suggestedOutcome]).toEqual(["complete", "1.1"]);
    expect(view.closing).toMatch(/^Xin chân thành cảm ơn Ông\/Bà Phạm Văn Hùng/);
    const shown = (id: string) => view.questions.find((q) => q.id === id)!.answer;
    expect(shown("tiep_can.thong_tin")).toEqual({ code: "4", shown: "4 — Hài lòng" });
    expect(shown("ket_qua.cong_bang")).toEqual({ code: "0", shown: "Không ý kiến" });
    expect(shown("mong_doi")).toEqual({
      code: "3,5",
      shown: "Đơn giản hóa thủ tục, giảm giấy tờ phải nộp; Rút ngắn thời gian giải quyết",
    });
    expect(shown("hoc_van")).toEqual({ code: "", shown: "(bỏ qua)" });
    expect(view.sections.find((s) => s.id === "gop_y")).toMatchObject({ questions: 1, answered: 1 });
    expect(view.setAside).toBe(0);
  });

  test("refusing consent ends the interview as a refusal; changing it back brings the answers back", () => {
    const { answer } = interviewing();
    answer("dong_y", "1");
    answer("du_18_tuoi", "1");
    let view = answer("dong_y", "2");
    expect([view.next, view.stop, view.suggestedOutcome]).toEqual([null, "refusal", "2.112"]);
    expect(view.questions.map((q) => q.id)).toEqual(["dong_y"]);
    expect(view.setAside).toBe(1);
    expect(view.closing).toBe("Dạ, cảm ơn Ông/Bà đã nghe máy. Xin lỗi đã làm phiền Ông/Bà. Xin chào Ông/Bà.");
    view = answer("dong_y", "1");
    expect([view.next, view.setAside]).toEqual(["da_nhan_ket_qua", 0]);
    view = answer("da_nhan_ket_qua", "3");
    expect([view.stop, view.suggestedOutcome]).toEqual(["notEligible", "4.7"]);
  });

  test("refuses what does not fit its question, naming it, as the core", () => {
    const { answer, refusal } = interviewing();
    expect(refusal(() => answer("dong_y", "3"))).toEqual({
      kind: "invalid",
      message: "Câu “dong_y”: “3” không phải phương án của câu này (có: 1, 2).",
    });
    expect(refusal(() => answer("dong_y", "")).message).toBe("Câu “dong_y”: câu hỏi bắt buộc, chưa có câu trả lời.");
    expect(refusal(() => answer("hai_long_chung", "6")).message).toContain("chỉ nhận 1–5 hoặc 0 (không ý kiến)");
    expect(refusal(() => answer("mong_doi", "1,2,3,4")).message).toBe("Câu “mong_doi”: chọn 4 phương án, tối đa 3.");
    expect(refusal(() => answer("mong_doi", " , ")).message).toBe("Câu “mong_doi”: chưa chọn phương án nào.");
    expect(refusal(() => answer("y_kien", "x".repeat(2001))).message).toBe("Câu “y_kien”: dài 2001 ký tự, tối đa 2000.");
    expect(refusal(() => answer("khong_co", "1")).message).toBe("Phiếu không có câu “khong_co”.");
  });

  test("a save retried with the same answer id is stored once; 1.2 needs the core behind", () => {
    const { fake, card, answer, refusal } = interviewing();
    const id = crypto.randomUUID();
    answer("dong_y", "1", id);
    answer("dong_y", "2", id);
    const stored = fake.cases.find((c) => c.id === card.lease.caseId)!.interview!.answers;
    expect(stored).toHaveLength(1);
    expect(stored[0]!.code).toBe("1");
    const partial = { lease: card.lease, attemptId: crypto.randomUUID(), outcome: "1.2", note: null, appointmentAt: null, appointmentKind: null };
    expect(refusal(() => fake.handle("record_outcome", { req: partial })).message).toBe(
      "Chưa thể ghi “Trả lời một phần”: phiếu chưa qua phần câu hỏi chính (đến câu hài lòng chung), chưa tính là trả lời một phần.",
    );
  });

  test("the supervisor reads a case's interview worded for its interviewer; the case list sums it up", () => {
    const fake = new FakeBackend();
    const yen = fake.cases.find((c) => c.name === "Võ Thị Yến")!;
    const view = fake.handle("case_interview", { req: { caseId: yen.id } }) as InterviewView;
    expect(view.stop).toBe("complete");
    expect(view.questions.map((q) => q.id)).toEqual(YEN_ANSWERS.map(([id]) => id));
    expect(view.questions[0]!.text).toContain("Tôi là Trần Quốc Minh");
    expect(fake.handle("case_interview", { req: { caseId: fake.cases[0]!.id } })).toBeNull();
    const rows = fake.handle("campaign_cases", { req: { campaignId: CAMPAIGN.id } }) as { caseId: string; interview: unknown }[];
    expect(rows.find((r) => r.caseId === yen.id)!.interview).toEqual({
      id: yen.interview!.id,
      status: "complete",
      answered: 27,
      questions: 27,
      stop: "complete",
    });
  });

  test("imports a list once: rejections per row, new cases only the first time", () => {
    const fake = new FakeBackend();
    const req = { campaignId: CAMPAIGN.id, path: "/tmp/danh-sach.csv", sheet: null };
    const first = fake.handle("import_list", { req }) as ImportReport;
    expect(first.summary).toEqual({ rows: 8, accepted: 4, rejected: 4, new_cases: 2, cases_total: 14 });
    expect(first.rejections.map((r) => r.row)).toEqual([5, 6, 7, 8]);
    expect(first.rejections[0]).toMatchObject({ column: "Số điện thoại", value: "061 3822 456" });
    const again = fake.handle("import_list", { req }) as ImportReport;
    expect(again.summary).toMatchObject({ accepted: 4, new_cases: 0, cases_total: 14 });
    expect(() => fake.handle("preview_import", { req: { ...req, path: "/tmp/bao-cao.pdf" } })).toThrow(
      expect.objectContaining({ kind: "invalid", message: "Chỉ nhận tệp .csv hoặc .xlsx: bao-cao.pdf." }),
    );
  });

  test("samples by the SIPAS tiers or Slovin, then adds waves to one agency", () => {
    expect([50, 100, 999, 1000, 4999, 5000].map((n) => requiredSample(n, "tiers", null))).toEqual([50, 100, 100, 200, 200, 500]);
    expect(requiredSample(1250, "slovin", 0.05)).toBe(304);
    const fake = new FakeBackend();
    const draw = { campaignId: CAMPAIGN.id, seed: 2026, rule: "tiers", margin: null, addAgency: null, addCount: null };
    const first = fake.handle("draw_sample", { req: draw }) as SampleReport;
    const drawn = Object.fromEntries(first.agencies.map((a) => [a.agency, a.drawn]));
    // Sở Tài chính has 86 dossiers but only 80 people: all of them.
    expect(drawn).toEqual({ SNNMT: 100, STC: 80, STP: 200, "UBND-PCL": 500 });
    expect((fake.handle("draw_sample", { req: draw }) as SampleReport).drawn_total).toBe(880);
    const added = fake.handle("draw_sample", { req: { ...draw, addAgency: "STP", addCount: 30 } }) as SampleReport;
    expect(added.agencies.find((a) => a.agency === "STP")!.drawn).toBe(230);
    expect(added.drawn_total).toBe(910);
  });

  test("keeps the default calling hours: Monday to Saturday, three slots, 17:00 splits the afternoon", () => {
    const at = (d: number, h: number, m = 0) => Date.UTC(2026, 10, d, h - 7, m);
    expect(slotAt(OPEN_START)).toBe("morning");
    expect(slotAt(at(23, 7, 29))).toBeNull();
    expect(slotAt(at(23, 11, 30))).toBeNull();
    expect(slotAt(at(23, 16, 59))).toBe("afternoon");
    expect(slotAt(at(23, 17, 0))).toBe("evening");
    expect(slotAt(at(23, 20, 0))).toBeNull();
    expect(slotAt(CLOSED_START)).toBeNull();
    expect(formatInstant(nextOpen(CLOSED_START))).toBe("23/11/2026 07:30");
    expect(formatInstant(nextOpen(at(23, 12, 0)))).toBe("23/11/2026 13:30");
    expect(formatInstant(nextOpen(at(28, 21, 0)))).toBe("30/11/2026 07:30");
  });

  test("outside calling hours only due appointments are handed out", () => {
    const closed = new FakeBackend({ closed: true });
    const req = { campaignId: CAMPAIGN.id, operatorId: LAN.id };
    expect(closed.handle("next_case", { req })).toBeNull();
    expect(closed.handle("operator_queue", { req })).toMatchObject({ callingOpen: false, nextOpen: "23/11/2026 07:30" });
    const due = new FakeBackend({ closed: true, due: true });
    expect((due.handle("next_case", { req }) as CaseCard).respondentName).toBe("Lý Thanh Tâm");
    // Minh may not take Lan's hard appointment before the grace period is over.
    const other = new FakeBackend({ closed: true, due: true });
    const held = other.handle("next_case", { req: { ...req, operatorId: MINH.id } }) as CaseCard;
    expect(held).toMatchObject({ respondentName: "Dương Mỹ Linh", resumed: true });
    other.handle("release_case", { lease: held.lease });
    expect(other.handle("next_case", { req: { ...req, operatorId: MINH.id } })).toBeNull();
  });

  test("a hard appointment waits for its operator, a soft one goes to anyone; a soft refusal avoids its operator", () => {
    const fake = new FakeBackend();
    const req = { campaignId: CAMPAIGN.id, operatorId: LAN.id };
    const card = fake.handle("next_case", { req }) as CaseCard;
    const attempt = { lease: card.lease, attemptId: crypto.randomUUID(), note: null, outcome: "2.21", appointmentAt: "2026-11-23T10:00" };
    fake.handle("record_outcome", { req: { ...attempt, appointmentKind: null } });
    const hung = fake.cases.find((c) => c.id === card.lease.caseId)!;
    expect(hung.appointmentOperator).toBe(LAN.id);
    const queue = fake.handle("operator_queue", { req }) as QueueView;
    expect(queue.appointments[0]).toMatchObject({ at: "23/11/2026 10:00", hard: true, due: false });
    const second = fake.handle("next_case", { req }) as CaseCard;
    fake.handle("record_outcome", {
      req: { lease: second.lease, attemptId: crypto.randomUUID(), note: "Bận", outcome: "2.111", appointmentAt: null, appointmentKind: null },
    });
    expect(fake.cases.find((c) => c.id === second.lease.caseId)!.avoidOperator).toBe(LAN.id);
  });

  test("the queue gives the app's now, no ready case outside calling hours, and not the case held", () => {
    const req = { campaignId: CAMPAIGN.id, operatorId: LAN.id };
    const closed = new FakeBackend({ closed: true, due: true });
    const shut = closed.handle("operator_queue", { req }) as QueueView;
    expect(shut).toMatchObject({ now: "22/11/2026 10:00", callingOpen: false, ready: 0 });
    expect(shut.appointments[0]).toMatchObject({ at: "22/11/2026 09:50", due: true });
    const open = new FakeBackend({ due: true });
    const before = open.handle("operator_queue", { req }) as QueueView;
    expect(before.now).toBe("23/11/2026 09:00");
    expect(before.ready).toBeGreaterThan(0);
    const held = open.handle("next_case", { req }) as CaseCard;
    expect(held.respondentName).toBe("Lý Thanh Tâm");
    const after = open.handle("operator_queue", { req }) as QueueView;
    expect(after.appointments.map((a) => a.caseId)).not.toContain(held.lease.caseId);
    expect(after.appointments).toHaveLength(before.appointments.length - 1);
  });

  test("offers the core's callback choices: next calling day 09:00 (the default) and 14:00, then in an hour if calling", () => {
    const hanoi = (d: number, h: number, m = 0, sec = 0) => Date.UTC(2026, 10, d, h - 7, m, sec);
    const offered = (ms: number) => callbackChoices(ms).map((c) => `${c.labelVi} | ${c.labelEn} | ${c.at}`);
    expect(offered(OPEN_START)).toEqual([
      "Sáng mai 09:00 | Morning tomorrow 09:00 | 24/11/2026 09:00",
      "Chiều mai 14:00 | Afternoon tomorrow 14:00 | 24/11/2026 14:00",
      "Sau 1 giờ | In 1 hour | 23/11/2026 10:00",
    ]);
    // Rounded up to five minutes, the seconds counted (the fake's clock runs on); not into the lunch break.
    expect(callbackChoices(hanoi(23, 9, 2))[2]!.at).toBe("23/11/2026 10:05");
    expect(callbackChoices(OPEN_START + 20_000)[2]!.at).toBe("23/11/2026 10:05");
    expect(callbackChoices(hanoi(23, 10, 45)).map((c) => c.labelVi)).toEqual(["Sáng mai 09:00", "Chiều mai 14:00"]);
    // Saturday evening: no Sunday, no call after 20:00.
    expect(offered(hanoi(28, 19, 30))).toEqual([
      "Sáng T2 30/11 09:00 | Morning Mon 30/11 09:00 | 30/11/2026 09:00",
      "Chiều T2 30/11 14:00 | Afternoon Mon 30/11 14:00 | 30/11/2026 14:00",
    ]);
    // The `closed` clock, Sunday 10:00: Monday is tomorrow; nothing in an hour.
    expect(offered(CLOSED_START)).toEqual([
      "Sáng mai 09:00 | Morning tomorrow 09:00 | 23/11/2026 09:00",
      "Chiều mai 14:00 | Afternoon tomorrow 14:00 | 23/11/2026 14:00",
    ]);
    const req = { campaignId: CAMPAIGN.id, operatorId: LAN.id };
    const queue = new FakeBackend().handle("operator_queue", { req }) as QueueView;
    expect(queue.callbackChoices[0]).toMatchObject({ labelVi: "Sáng mai 09:00", at: "24/11/2026 09:00" });
    const shut = new FakeBackend({ closed: true }).handle("operator_queue", { req }) as QueueView;
    expect(shut.callbackChoices.map((c) => c.at)).toEqual(["23/11/2026 09:00", "23/11/2026 14:00"]);
  });

  test("reads a callback time as the core does and refuses one passed or outside calling hours", () => {
    expect(parseLocal("24/11/2026 14:30")).toBe(Date.UTC(2026, 10, 24, 7, 30));
    expect(parseLocal("2026-11-24T14:30")).toBe(Date.UTC(2026, 10, 24, 7, 30));
    expect(parseLocal("31/02/2026 09:00")).toBeNull();
    expect(parseLocal("mai 9 giờ")).toBeNull();
    const fake = new FakeBackend();
    const req = { campaignId: CAMPAIGN.id, operatorId: LAN.id };
    const card = fake.handle("next_case", { req }) as CaseCard;
    const callback = (appointmentAt: string) => () =>
      fake.handle("record_outcome", {
        req: { lease: card.lease, attemptId: crypto.randomUUID(), note: null, outcome: "2.21", appointmentAt, appointmentKind: "hard" },
      });
    expect(callback("24/11/2026 12:00")).toThrow(
      expect.objectContaining({
        kind: "invalid",
        message: "Giờ hẹn 24/11/2026 12:00 nằm ngoài giờ gọi của đợt khảo sát: hãy hẹn trong giờ gọi.",
      }),
    );
    expect(callback("23/11/2026 08:00")).toThrow(
      expect.objectContaining({ message: "Thời gian hẹn gọi lại phải ở sau thời điểm hiện tại." }),
    );
    expect(callback("31/02/2026 09:00")).toThrow(expect.objectContaining({ kind: "invalid" }));
    expect(callback("24/11/2026 14:30")()).toMatchObject({ status: "appointment", retryAt: "24/11/2026 14:30" });
  });

  test("moves only the cases whose version is unchanged, logs each move, and refuses operators", () => {
    const fake = new FakeBackend();
    const selection = { campaignId: CAMPAIGN.id, agencyCodes: [], statuses: [], callList: { kind: "pool" } };
    const picked = fake.handle("select_cases", { req: selection }) as CaseVersion[];
    expect(picked).toHaveLength(3);
    fake.touchCase(picked[0]!.caseId);
    const move = { campaignId: CAMPAIGN.id, cases: picked, toOperator: MINH.id, supervisorId: HONG.id };
    const done = fake.handle("reassign", { req: move }) as ReassignReport;
    expect(done).toMatchObject({ selected: 3, moved: 2, unchanged: 0, conflicts: [picked[0]!.caseId], inCall: [], to: "Trần Quốc Minh" });
    expect(fake.audit).toHaveLength(2);
    expect(() => fake.handle("reassign", { req: { ...move, supervisorId: LAN.id } })).toThrow(
      expect.objectContaining({ kind: "invalid" }),
    );
    // The same versions again: all changed since.
    expect((fake.handle("reassign", { req: move }) as ReassignReport).conflicts).toHaveLength(3);
  });
});
