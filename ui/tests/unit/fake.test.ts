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
import {
  CLOSED_START,
  FakeBackend,
  OPEN_START,
  callbackChoices,
  formatInstant,
  nextOpen,
  parseLocal,
  parsePhone,
  requiredSample,
  slotAt,
  type FakeOptions,
} from "../fake/backend";
import { CAMPAIGN, LAN, MINH, NEXT_CAMPAIGN, PASSWORDS, YEN_ANSWERS } from "../fake/data";
import type {
  CaseOverview,
  InterviewView,
  NewRequest,
  PersonView,
  PurgeReport,
  RequestView,
  SessionView,
} from "../../src/api/bindings";

/** A fake with this person logged in through `login`, as the window does. */
function loggedIn(login: string, options: FakeOptions = {}): FakeBackend {
  const fake = new FakeBackend(options);
  fake.handle("login", { req: { server: null, login, password: PASSWORDS[login] } });
  return fake;
}

/** What a command is refused with. */
function refusal(f: () => unknown): ApiError {
  try {
    f();
  } catch (e) {
    return e as ApiError;
  }
  throw new Error("not refused");
}

/** Lan takes her next case and opens its interview; `answer` saves one answer and gives the view. */
function interviewing() {
  const fake = loggedIn("dtv.lan");
  const card = fake.handle("next_case", { req: { campaignId: CAMPAIGN.id } }) as CaseCard;
  const start = fake.handle("start_interview", { req: { lease: card.lease, interviewId: crypto.randomUUID() } }) as InterviewView;
  const answer = (questionId: string, input: string, answerId: string = crypto.randomUUID()) =>
    fake.handle("save_answer", { req: { lease: card.lease, interviewId: start.id, answerId, questionId, input } }) as InterviewView;
  return { fake, card, start, answer };
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
    const fake = loggedIn("dtv.lan");
    const card = fake.handle("next_case", { req: { campaignId: CAMPAIGN.id } }) as CaseCard;
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
    const { answer } = interviewing();
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
    const { fake, card, answer } = interviewing();
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
    const fake = loggedIn("gsv.hong");
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
    const fake = loggedIn("gsv.hong");
    const req = { campaignId: CAMPAIGN.id, path: "/tmp/danh-sach.csv", sheet: null, addAgencies: false };
    const first = fake.handle("import_list", { req }) as ImportReport;
    expect(first.summary).toEqual({ rows: 8, accepted: 4, rejected: 4, new_cases: 2, cases_total: 14, agencies_added: [] });
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
    const fake = loggedIn("gsv.hong");
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
    const closed = loggedIn("dtv.lan", { closed: true });
    const req = { campaignId: CAMPAIGN.id };
    expect(closed.handle("next_case", { req })).toBeNull();
    expect(closed.handle("operator_queue", { req })).toMatchObject({ callingOpen: false, nextOpen: "23/11/2026 07:30" });
    const due = loggedIn("dtv.lan", { closed: true, due: true });
    expect((due.handle("next_case", { req }) as CaseCard).respondentName).toBe("Lý Thanh Tâm");
    // Minh may not take Lan's hard appointment before the grace period is over.
    const other = loggedIn("dtv.minh", { closed: true, due: true });
    const held = other.handle("next_case", { req }) as CaseCard;
    expect(held).toMatchObject({ respondentName: "Dương Mỹ Linh", resumed: true });
    other.handle("release_case", { lease: held.lease });
    expect(other.handle("next_case", { req })).toBeNull();
  });

  test("a hard appointment waits for its operator, a soft one goes to anyone; a soft refusal avoids its operator", () => {
    const fake = loggedIn("dtv.lan");
    const req = { campaignId: CAMPAIGN.id };
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
    const req = { campaignId: CAMPAIGN.id };
    const closed = loggedIn("dtv.lan", { closed: true, due: true });
    const shut = closed.handle("operator_queue", { req }) as QueueView;
    expect(shut).toMatchObject({ now: "22/11/2026 10:00", callingOpen: false, ready: 0 });
    expect(shut.appointments[0]).toMatchObject({ at: "22/11/2026 09:50", due: true });
    const open = loggedIn("dtv.lan", { due: true });
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
    const req = { campaignId: CAMPAIGN.id };
    const queue = loggedIn("dtv.lan").handle("operator_queue", { req }) as QueueView;
    expect(queue.callbackChoices[0]).toMatchObject({ labelVi: "Sáng mai 09:00", at: "24/11/2026 09:00" });
    const shut = loggedIn("dtv.lan", { closed: true }).handle("operator_queue", { req }) as QueueView;
    expect(shut.callbackChoices.map((c) => c.at)).toEqual(["23/11/2026 09:00", "23/11/2026 14:00"]);
  });

  test("reads a callback time as the core does and refuses one passed or outside calling hours", () => {
    expect(parseLocal("24/11/2026 14:30")).toBe(Date.UTC(2026, 10, 24, 7, 30));
    expect(parseLocal("2026-11-24T14:30")).toBe(Date.UTC(2026, 10, 24, 7, 30));
    expect(parseLocal("31/02/2026 09:00")).toBeNull();
    expect(parseLocal("mai 9 giờ")).toBeNull();
    const fake = loggedIn("dtv.lan");
    const req = { campaignId: CAMPAIGN.id };
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
    const fake = loggedIn("gsv.hong");
    const selection = { campaignId: CAMPAIGN.id, agencyCodes: [], statuses: [], callList: { kind: "pool" } };
    const picked = fake.handle("select_cases", { req: selection }) as CaseVersion[];
    expect(picked).toHaveLength(3);
    fake.touchCase(picked[0]!.caseId);
    const move = { campaignId: CAMPAIGN.id, cases: picked, toOperator: MINH.id };
    const done = fake.handle("reassign", { req: move }) as ReassignReport;
    expect(done).toMatchObject({ selected: 3, moved: 2, unchanged: 0, conflicts: [picked[0]!.caseId], inCall: [], to: "Trần Quốc Minh" });
    expect(fake.audit).toHaveLength(2);
    expect(fake.audit.every((e) => e.actor === "5a000000-0000-4000-8000-00000000000c")).toBe(true);
    expect(fake.as("dtv.lan", () => refusal(() => fake.handle("reassign", { req: move })))).toEqual({
      kind: "forbidden",
      message: "Chỉ giám sát viên của đợt khảo sát này được chuyển ca.",
    });
    // The same versions again: all changed since.
    expect((fake.handle("reassign", { req: move }) as ReassignReport).conflicts).toHaveLength(3);
  });

  test("answers nothing but the login before one, and forgets the person at logout", () => {
    const fake = new FakeBackend();
    const before = "Hãy đăng nhập trước (phiên làm việc đã kết thúc).";
    expect(refusal(() => fake.handle("list_campaigns", undefined))).toEqual({ kind: "forbidden", message: before });
    expect(refusal(() => fake.handle("next_case", { req: { campaignId: CAMPAIGN.id } }))).toEqual({ kind: "forbidden", message: before });
    expect((fake.handle("app_info", undefined) as { session: unknown }).session).toBeNull();
    const refused = { kind: "loginRefused", message: "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khoá." };
    expect(refusal(() => fake.handle("login", { req: { server: null, login: "dtv.lan", password: "sai" } }))).toEqual(refused);
    expect(refusal(() => fake.handle("login", { req: { server: null, login: "ai.do", password: "sai" } }))).toEqual(refused);
    const lan = fake.handle("login", { req: { server: null, login: " DTV.LAN ", password: PASSWORDS["dtv.lan"] } }) as SessionView;
    expect(lan).toEqual({ login: "dtv.lan", fullName: "Nguyễn Thị Lan", role: "operator" });
    expect((fake.handle("app_info", undefined) as { session: unknown }).session).toEqual(lan);
    // The recorded calls never hold a password.
    expect(JSON.stringify(fake.calls)).not.toContain(PASSWORDS["dtv.lan"]);
    fake.handle("logout", undefined);
    expect(refusal(() => fake.handle("list_campaigns", undefined)).kind).toBe("forbidden");
  });

  test("acts as the person logged in: campaigns by assignment, calling for operators, supervising for supervisors", () => {
    const lan = loggedIn("dtv.lan");
    expect(lan.handle("list_campaigns", undefined)).toEqual([CAMPAIGN]);
    expect(refusal(() => lan.handle("next_case", { req: { campaignId: NEXT_CAMPAIGN.id } }))).toEqual({
      kind: "forbidden",
      message: "Bạn chưa được giao đợt khảo sát này.",
    });
    expect(refusal(() => lan.handle("campaign_cases", { req: { campaignId: CAMPAIGN.id } }))).toEqual({
      kind: "forbidden",
      message: "Chỉ giám sát viên của đợt khảo sát này được xem danh sách ca.",
    });
    // A lease is written under by its holder only.
    const card = lan.handle("next_case", { req: { campaignId: CAMPAIGN.id } }) as CaseCard;
    expect(card.lease.holder).toBe(LAN.id);
    expect(lan.as("dtv.minh", () => refusal(() => lan.handle("heartbeat", { lease: card.lease }))).kind).toBe("leaseLost");

    const hong = loggedIn("gsv.hong");
    expect(refusal(() => hong.handle("next_case", { req: { campaignId: CAMPAIGN.id } }))).toEqual({
      kind: "forbidden",
      message: "Chỉ điện thoại viên nhận ca để gọi.",
    });
    expect(refusal(() => hong.handle("campaign_cases", { req: { campaignId: NEXT_CAMPAIGN.id } })).kind).toBe("forbidden");
    expect(refusal(() => hong.handle("list_people", undefined))).toEqual({
      kind: "forbidden",
      message: "Chỉ quản trị viên được xem danh sách nhân sự.",
    });
    const admin = loggedIn("qt.demo");
    expect(admin.handle("list_campaigns", undefined)).toEqual([CAMPAIGN, NEXT_CAMPAIGN]);
    expect(admin.handle("campaign_cases", { req: { campaignId: NEXT_CAMPAIGN.id } })).toEqual([]);
  });

  test("the administrator's people commands check what the core checks", () => {
    const fake = loggedIn("qt.demo");
    const add = { login: "dtv.thu", fullName: " Phạm Thị Thu ", role: "operator", campaigns: ["DEMO-2027-Q1"], password: "Thu@tongdai2026" };
    expect(fake.handle("add_person", { req: add })).toEqual({
      login: "dtv.thu",
      fullName: "Phạm Thị Thu",
      role: "operator",
      active: true,
      campaigns: ["DEMO-2027-Q1"],
    });
    expect(refusal(() => fake.handle("add_person", { req: add }))).toEqual({
      kind: "conflict",
      message: "Đã có người với tên đăng nhập “dtv.thu”.",
    });
    const bad = (changes: Partial<typeof add>) => refusal(() => fake.handle("add_person", { req: { ...add, login: "dtv.moi", ...changes } })).message;
    expect(bad({ login: "" })).toBe("Tên đăng nhập không được để trống.");
    expect(bad({ login: "1dtv" })).toBe("Tên đăng nhập “1dtv” phải bắt đầu bằng một chữ cái không dấu (a–z).");
    expect(bad({ login: "khaosat_admin" })).toBe("Tên đăng nhập “khaosat_admin” là tên dành riêng của PostgreSQL hoặc của Khảo sát.");
    expect(bad({ fullName: "  " })).toBe("Cần họ tên của người này.");
    expect(bad({ password: "ngan" })).toBe("Mật khẩu phải có ít nhất 8 ký tự.");
    expect(bad({ login: "dtv.moi12", password: "DTV.MOI12" })).toBe("Mật khẩu không được trùng với tên đăng nhập.");
    expect(bad({ password: "xxxxxxxxxx" })).toBe("Mật khẩu không được chỉ là một ký tự lặp lại.");
    expect(bad({ password: "Mat\tkhau1" })).toBe("Mật khẩu không được có ký tự điều khiển (xuống dòng, tab…).");
    expect(bad({ campaigns: ["KHONG-CO"] })).toBe("Không tìm thấy đợt khảo sát KHONG-CO.");

    // Disabling Minh hands back the case he is on; he can no longer log in.
    expect(fake.handle("set_person_active", { req: { login: "dtv.minh", active: false } })).toEqual({ released: 1 });
    expect(fake.cases.some((c) => c.leaseHolder === MINH.id)).toBe(false);
    fake.handle("assign_person", { req: { login: "dtv.lan", campaign: "DEMO-2027-Q1", assigned: true } });
    fake.handle("assign_person", { req: { login: "dtv.lan", campaign: "DEMO-2026-Q4", assigned: false } });
    fake.handle("set_person_password", { req: { login: "dtv.lan", password: "Lan@moi2026" } });
    const people = fake.handle("list_people", undefined) as PersonView[];
    expect(people.map((p) => `${p.login} ${p.active} ${p.campaigns.join(",")}`)).toEqual([
      "qt.demo true DEMO-2026-Q4",
      "dtv.lan true DEMO-2027-Q1",
      "dtv.minh false DEMO-2026-Q4",
      "dtv.thu true DEMO-2027-Q1",
      "gsv.hong true DEMO-2026-Q4",
    ]);
    fake.handle("logout", undefined);
    expect(refusal(() => fake.handle("login", { req: { server: null, login: "dtv.minh", password: PASSWORDS["dtv.minh"] } })).kind).toBe(
      "loginRefused",
    );
    fake.handle("login", { req: { server: null, login: "dtv.lan", password: "Lan@moi2026" } });
    expect(fake.handle("list_campaigns", undefined)).toEqual([NEXT_CAMPAIGN]);
    // A person sets their own password, no one else's.
    fake.handle("set_person_password", { req: { login: "dtv.lan", password: "Lan@moi2027" } });
    expect(refusal(() => fake.handle("set_person_password", { req: { login: "dtv.minh", password: "Minh@moi2027" } }))).toEqual({
      kind: "forbidden",
      message: "Chỉ quản trị viên được đặt mật khẩu của người khác.",
    });
  });
  test("the record of consent is the latest answer to the consent question, with when and by whom", () => {
    const { fake, start, answer } = interviewing();
    expect(start.consent).toBeNull();
    const given = answer("dong_y", "1");
    expect(given.consent).toEqual({
      given: true,
      answer: "Đồng ý",
      at: formatInstant(fake.now()),
      operatorId: LAN.id,
      question: expect.stringContaining("Xin chào Ông/Bà {ten}. Tôi là {dtv}"),
      questionnaire: "sipas@2026.1",
    });
    expect(answer("dong_y", "2").consent).toMatchObject({ given: false, answer: "Không đồng ý" });
    const supervisor = loggedIn("gsv.hong");
    const yen = supervisor.cases.find((c) => c.name === "Võ Thị Yến")!;
    const view = supervisor.handle("case_interview", { req: { caseId: yen.id } }) as InterviewView;
    expect(view.consent).toMatchObject({ given: true, at: "22/11/2026 08:50", operatorId: MINH.id });
  });

  test("the register of requests: deadlines in working days, overdue by the clock, closing acknowledges too", () => {
    const fake = loggedIn("qt.demo");
    const add = (req: Partial<NewRequest>) =>
      fake.handle("add_request", { req: { kind: "access", phone: null, receivedOn: "2026-11-23", note: "", ...req } }) as RequestView;
    // Thursday: Friday and Monday; Friday: Monday and Tuesday. Answers: 15 days.
    const thursday = add({ receivedOn: "2026-11-19", note: "  hỏi qua 1022 " });
    expect(thursday).toMatchObject({
      receivedOn: "19/11/2026",
      acknowledgeBy: "23/11/2026",
      answerBy: "04/12/2026",
      note: "hỏi qua 1022",
      phoneMasked: null,
      acknowledgementOverdue: false,
      answerOverdue: false,
      forgottenCases: 0,
    });
    expect(add({ receivedOn: "2026-11-20", kind: "correct", phone: "0912 456 789" })).toMatchObject({
      acknowledgeBy: "24/11/2026",
      phoneMasked: "091****789",
      forgottenCases: 0,
    });
    const bad = (req: Partial<NewRequest>) => refusal(() => add(req));
    expect(bad({ kind: "withdraw" })).toEqual({
      kind: "invalid",
      message: "Yêu cầu rút lại sự đồng ý cần số điện thoại của người đó để tìm các ca của họ.",
    });
    expect(bad({ phone: "0912 34" }).message).toBe(
      "Số điện thoại của người yêu cầu: số điện thoại có 6 chữ số, không đúng độ dài số Việt Nam.",
    );
    expect(bad({ phone: "061 3822 456" }).message).toBe(
      "Số điện thoại của người yêu cầu: đầu số 061 không phải đầu số di động đang dùng.",
    );
    expect(["024 3822 4567", "+84 912.456.789", "0084912456789", "84912456789", "01662 345 678"].map(parsePhone)).toEqual([
      "02438224567",
      "0912456789",
      "0912456789",
      "0912456789",
      "0362345678",
    ]);
    expect(bad({ receivedOn: "2026-11-24" }).message).toBe("Ngày nhận yêu cầu 24/11/2026 ở sau hôm nay.");

    fake.handle("acknowledge_request", { req: { id: thursday.id } });
    expect(refusal(() => fake.handle("acknowledge_request", { req: { id: thursday.id } }))).toEqual({
      kind: "conflict",
      message: `Yêu cầu ${thursday.id} đã được ghi tiếp nhận, hoặc không có.`,
    });
    expect(refusal(() => fake.handle("close_request", { req: { id: thursday.id, note: "  " } }))).toEqual({
      kind: "invalid",
      message: "Cần ghi đã trả lời người yêu cầu thế nào.",
    });
    const monday = add({});
    fake.handle("close_request", { req: { id: monday.id, note: "Đã gọi lại, đọc dữ liệu đang giữ." } });
    expect(refusal(() => fake.handle("close_request", { req: { id: monday.id, note: "lần nữa" } })).kind).toBe("conflict");

    // Thursday 26/11: Friday's request has passed the day to acknowledge it.
    fake.now = () => OPEN_START + 3 * 24 * 3_600_000;
    const list = fake.handle("list_requests", { req: { openOnly: false } }) as RequestView[];
    expect(list.map((r) => [r.receivedOn, r.acknowledgedOn, r.closedOn, r.acknowledgementOverdue, r.answerOverdue])).toEqual([
      ["19/11/2026", "23/11/2026", null, false, false],
      ["20/11/2026", null, null, true, false],
      ["23/11/2026", "23/11/2026", "23/11/2026", false, false],
    ]);
    expect((fake.handle("list_requests", { req: { openOnly: true } }) as RequestView[]).map((r) => r.receivedOn)).toEqual([
      "19/11/2026",
      "20/11/2026",
    ]);
    // Six days on, the Thursday request's answer is late too.
    fake.now = () => OPEN_START + 12 * 24 * 3_600_000;
    expect((fake.handle("list_requests", { req: { openOnly: true } }) as RequestView[])[0]).toMatchObject({
      acknowledgementOverdue: false,
      answerOverdue: true,
    });
  });

  test("a deletion or a withdrawal removes the person from every campaign at once and stops their calls", () => {
    const fake = loggedIn("qt.demo");
    // Minh is on a call with Dương Mỹ Linh.
    const linh = fake.cases.find((c) => c.name === "Dương Mỹ Linh")!;
    const lease = fake.leaseOf(linh);
    const withdrawal = { kind: "withdraw", phone: "+84 979 888 999", receivedOn: "2026-11-23", note: "" };
    expect((fake.handle("add_request", { req: withdrawal }) as RequestView).forgottenCases).toBe(1);
    expect(linh).toMatchObject({ name: "", phone: "", purged: true, leaseHolder: null });
    expect(refusal(() => fake.as("dtv.minh", () => fake.handle("heartbeat", { lease }))).kind).toBe("leaseLost");
    const rows = fake.handle("campaign_cases", { req: { campaignId: CAMPAIGN.id } }) as CaseOverview[];
    expect(rows.find((r) => r.caseId === linh.id)).toMatchObject({ respondentName: "", phoneMasked: "", purged: true });
    expect(rows.filter((r) => r.purged)).toHaveLength(1);
    // Nothing left to remove the second time.
    expect((fake.handle("add_request", { req: { ...withdrawal, kind: "delete" } }) as RequestView).forgottenCases).toBe(0);
    expect(refusal(() => loggedIn("gsv.hong").handle("add_request", { req: withdrawal }))).toEqual({
      kind: "forbidden",
      message: "Chỉ quản trị viên được ghi yêu cầu về dữ liệu cá nhân.",
    });
  });

  test("purges a campaign once its list period is over and no call goes on; a purged case is never called", () => {
    const fake = loggedIn("qt.demo");
    const purge = (campaignId: string, dryRun: boolean) => fake.handle("purge_campaign", { req: { campaignId, dryRun } }) as PurgeReport;
    expect(refusal(() => purge(NEXT_CAMPAIGN.id, true))).toEqual({
      kind: "invalid",
      message: "Đợt DEMO-2027-Q1 còn nhận danh sách đến hết ngày 31/03/2027: chỉ xoá dữ liệu cá nhân sau ngày đó.",
    });
    expect(refusal(() => purge(CAMPAIGN.id, true))).toEqual({
      kind: "conflict",
      message: "Đợt DEMO-2026-Q4 còn 1 ca đang trong cuộc gọi: chờ các cuộc gọi kết thúc rồi xoá.",
    });
    fake.handle("force_release", { req: { caseId: fake.cases.find((c) => c.name === "Dương Mỹ Linh")!.id } });
    expect(purge(CAMPAIGN.id, true)).toEqual({ campaign: "DEMO-2026-Q4", dryRun: true, cases: 12, dossiers: 7166 });
    expect(fake.cases.some((c) => c.purged)).toBe(false);
    expect(purge(CAMPAIGN.id, false)).toEqual({ campaign: "DEMO-2026-Q4", dryRun: false, cases: 12, dossiers: 7166 });
    expect(fake.cases.every((c) => c.purged && c.name === "" && c.phone === "")).toBe(true);
    // Purged before: not counted again; every dossier is, as the core counts them.
    expect(purge(CAMPAIGN.id, true)).toMatchObject({ cases: 0, dossiers: 7166 });
    expect(fake.audit.at(-1)).toMatchObject({ action: "purge", after: "xoá họ tên và số điện thoại của 12 ca, 7166 hồ sơ" });
    // Answers and outcomes stay; nobody is handed a purged case.
    const yen = fake.cases.find((c) => c.interview?.status === "complete")!;
    expect(yen.finalOutcome).toBe("1.1");
    fake.handle("logout", undefined);
    fake.handle("login", { req: { server: null, login: "dtv.lan", password: PASSWORDS["dtv.lan"] } });
    expect(fake.handle("next_case", { req: { campaignId: CAMPAIGN.id } })).toBeNull();
    expect(refusal(() => purge(CAMPAIGN.id, true))).toEqual({
      kind: "forbidden",
      message: "Chỉ quản trị viên được xoá dữ liệu cá nhân của một đợt khảo sát.",
    });
  });
});
