// UI tests of the operator's desk: F2, the case card, outcomes by key, callback, the interview, errors, the lease.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type {
  Lease,
  NextCaseRequest,
  RecordOutcomeRequest,
  SaveAnswerRequest,
  StartInterviewRequest,
} from "../../src/api/bindings";
import { LAN } from "../fake/data";
import {
  byId,
  callsOf,
  eventually,
  expectGone,
  expectText,
  failNext,
  openApp,
  openAs,
  req,
  screenshot,
  takeCase,
  logIn,
  logOut,
  textOf,
  useBrowser,
} from "./harness";

useBrowser();

const lanAtDesk = (query = ""): Promise<Page> => openAs("dtv.lan", "desk", query);

async function recorded(page: Page): Promise<RecordOutcomeRequest[]> {
  return (await callsOf(page, "record_outcome")).map((c) => req<RecordOutcomeRequest>(c));
}

describe("desk", () => {
  test("F2 shows the next case card: name, phone, agency, procedure, received date, dossier, attempt", async () => {
    const page = await lanAtDesk();
    expect(await textOf(byId(page, "next-case"))).toBe("Ca tiếp theo (F2)");
    await page.keyboard.press("F2");
    await byId(page, "case-card").waitFor();
    expect(await textOf(byId(page, "case-name"))).toBe("Phạm Văn Hùng");
    expect(await textOf(byId(page, "case-phone"))).toBe("0903123567");
    expect(await textOf(byId(page, "case-agency"))).toBe("Sở Tư pháp");
    expect(await textOf(byId(page, "case-procedure"))).toBe("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam");
    expect(await textOf(byId(page, "case-received"))).toBe("12/10/2026");
    expect(await textOf(byId(page, "case-dossier"))).toBe("STP-261012-0001");
    expect(await textOf(byId(page, "case-attempts"))).toBe("Lần gọi thứ 1/5");
    await screenshot(page, "desk-card");
    expect(await byId(page, "case-resumed").count()).toBe(0);

    const calls = await callsOf(page, "next_case");
    expect(calls).toHaveLength(1);
    // Who asks is the person logged in: the request names only the campaign.
    expect(req<NextCaseRequest>(calls[0])).toEqual({ campaignId: "6f1c2d3e-0000-4000-8000-000000000001" });
    // While a case is held F2 takes no other one.
    expect(await byId(page, "next-case").isDisabled()).toBe(true);
    await page.keyboard.press("F2");
    await new Promise((r) => setTimeout(r, 150));
    expect(await callsOf(page, "next_case")).toHaveLength(1);
  });

  test("the catalogue's keys record outcomes while no interview is open; the note goes with it", async () => {
    const page = await lanAtDesk();
    await takeCase(page);
    await byId(page, "note").fill("Đổ chuông 10 hồi");
    await byId(page, "case-name").click(); // leave the note: keys in a text field are typing
    await page.keyboard.press("4");
    await expectText(byId(page, "last-result"), /^Đã ghi: Không nghe máy — gọi lại lúc \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    await expectGone(byId(page, "case-card"));
    const [first] = await recorded(page);
    expect(first).toMatchObject({ outcome: "3.13", note: "Đổ chuông 10 hồi", appointmentAt: null });
    expect(first!.attemptId).toMatch(/^[0-9a-f-]{36}$/);

    await takeCase(page);
    expect(await textOf(byId(page, "case-name"))).toBe("Nguyễn Thị Mai");
    expect(await byId(page, "note").inputValue()).toBe("");
    await page.keyboard.press("3");
    await expectText(byId(page, "last-result"), "Đã ghi: Từ chối dứt khoát — ca đã đóng");
    const all = await recorded(page);
    expect(all).toHaveLength(2);
    expect(all[1]).toMatchObject({ outcome: "2.112", note: null });
    expect(all[1]!.attemptId).not.toBe(all[0]!.attemptId);

    // Typing digits into the note records nothing.
    await takeCase(page);
    await byId(page, "note").click();
    await page.keyboard.type("5 lần");
    expect(await recorded(page)).toHaveLength(2);
    expect(await byId(page, "note").inputValue()).toBe("5 lần");
  });

  test("callback asks for an appointment time as dd/mm/yyyy hh:mm (the core's default: tomorrow 09:00 by the app's clock) and sends it as typed", async () => {
    const page = await lanAtDesk();
    await takeCase(page);
    expect(await textOf(byId(page, "outcome-2.21"))).toContain("Hẹn gọi lại");
    expect(await textOf(byId(page, "outcome-2.21"))).toContain("7");
    await page.keyboard.press("7");
    const input = byId(page, "appointment-input");
    await input.waitFor();
    expect(await recorded(page)).toHaveLength(0);
    // The core's first callback choice, by the fake's clock (the app's), Monday 23/11/2026 09:00,
    // whatever this machine's says.
    expect(await input.inputValue()).toBe("24/11/2026 09:00");
    expect(await input.getAttribute("type")).toBe("text");
    expect(await input.getAttribute("placeholder")).toBe("dd/mm/yyyy hh:mm");
    await expectText(byId(page, "appointment-format"), "Gõ ngày/tháng/năm giờ:phút (giờ 24), ví dụ 24/11/2026 14:30.");
    await expectText(byId(page, "appointment-now"), "Bây giờ là 23/11/2026 09:00.");
    await expectText(byId(page, "appointment-hours"), "Giờ gọi: T2–T7, 07:30–11:30, 13:30–20:00");
    // Focused with the default selected: typing replaces it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("appointment-input");
    await page.keyboard.type("15/01/2030 14:30");
    expect(await input.inputValue()).toBe("15/01/2030 14:30");
    await byId(page, "appointment-confirm").click();
    await expectText(byId(page, "last-result"), "Đã ghi: Hẹn gọi lại — gọi lại lúc 15/01/2030 14:30");
    const [callback] = await recorded(page);
    expect(callback).toMatchObject({ outcome: "2.21", appointmentAt: "15/01/2030 14:30", appointmentKind: "hard" });
    await expectGone(byId(page, "appointment-dialog"));
  });

  test("a time that cannot be read or does not exist is refused in the dialog; nothing is sent", async () => {
    const page = await lanAtDesk();
    await takeCase(page);
    await page.keyboard.press("7");
    const input = byId(page, "appointment-input");
    const error = byId(page, "appointment-error");
    await input.fill("31/02/2026 09:00");
    await page.keyboard.press("Enter");
    await expectText(error, "Không có ngày giờ “31/02/2026 09:00”: hãy xem lại ngày, tháng và giờ.");
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    await screenshot(page, "desk-appointment-error");
    // Once refused, the field is checked as it is typed.
    await input.fill("11/24/2026, 02:30 PM");
    await expectText(error, "Không đọc được “11/24/2026, 02:30 PM”: hãy nhập dạng dd/mm/yyyy hh:mm, ví dụ 24/11/2026 09:00.");
    await input.fill("");
    await expectText(error, "Hãy nhập thời gian hẹn, dạng dd/mm/yyyy hh:mm.");
    await byId(page, "appointment-confirm").click();
    await byId(page, "appointment-dialog").waitFor();
    expect(await recorded(page)).toHaveLength(0);
    expect(await byId(page, "error").count()).toBe(0);

    // A readable time: the error goes, Enter sends it as typed.
    await input.fill("24/11/2026 16:45");
    await expectGone(error);
    await page.keyboard.press("Enter");
    await expectText(byId(page, "last-result"), "Đã ghi: Hẹn gọi lại — gọi lại lúc 24/11/2026 16:45");
    const sent = await recorded(page);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ outcome: "2.21", appointmentAt: "24/11/2026 16:45" });
  });

  test("the core's refusals (a time passed, one outside calling hours) show in the dialog, which stays open to fix the time", async () => {
    const page = await lanAtDesk();
    await takeCase(page);
    await page.keyboard.press("7");
    const input = byId(page, "appointment-input");
    const refused = byId(page, "appointment-refused");
    // Whether a time has passed is the core's to say (by the app's clock), not this page's.
    await input.fill("23/11/2026 08:30");
    await page.keyboard.press("Enter");
    await expectText(refused, "Thời gian hẹn gọi lại phải ở sau thời điểm hiện tại.");
    expect(await byId(page, "appointment-error").count()).toBe(0);
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    await input.fill("24/11/2026 12:00");
    await expectGone(refused);
    await page.keyboard.press("Enter");
    await expectText(refused, "Giờ hẹn 24/11/2026 12:00 nằm ngoài giờ gọi của đợt khảo sát: hãy hẹn trong giờ gọi.");
    expect(await byId(page, "error").count()).toBe(0);
    expect(await byId(page, "case-card").count()).toBe(1);
    await screenshot(page, "desk-appointment-refused");
    // 9h30 is read as 09:30 and sent in that form; the refusal goes with the time it was about.
    await input.fill("24/11/2026 9h30");
    await expectGone(refused);
    await page.keyboard.press("Enter");
    await expectText(byId(page, "last-result"), "Đã ghi: Hẹn gọi lại — gọi lại lúc 24/11/2026 09:30");
    const sent = await recorded(page);
    expect(sent.map((r) => r.appointmentAt)).toEqual(["23/11/2026 08:30", "24/11/2026 12:00", "24/11/2026 09:30"]);
    // Refused outright, so each try is a new attempt.
    expect(new Set(sent.map((r) => r.attemptId)).size).toBe(3);
  });

  test("quick picks are the core's callback choices: tomorrow morning (the default), tomorrow afternoon, in an hour", async () => {
    const page = await lanAtDesk();
    await takeCase(page);
    await page.keyboard.press("7");
    const input = byId(page, "appointment-input");
    await input.waitFor();
    const picks = byId(page, "appointment-pick");
    expect(await picks.allTextContents()).toEqual(["Sáng mai 09:00", "Chiều mai 14:00", "Sau 1 giờ"]);
    expect(await Promise.all((await picks.all()).map((p) => p.getAttribute("data-value")))).toEqual([
      "24/11/2026 09:00",
      "24/11/2026 14:00",
      // In an hour from 09:00 and a few seconds on the fake's clock, rounded up to 5 minutes as the core does.
      "23/11/2026 10:05",
    ]);
    // The first is the default, and shown as chosen.
    expect(await input.inputValue()).toBe("24/11/2026 09:00");
    expect(await picks.first().getAttribute("class")).toContain("is-on");
    await picks.nth(1).click();
    expect(await input.inputValue()).toBe("24/11/2026 14:00");
    await picks.nth(2).click();
    expect(await input.inputValue()).toBe("23/11/2026 10:05");
    // The pick leaves the focus in the field: Enter confirms.
    await page.keyboard.press("Enter");
    await expectText(byId(page, "last-result"), "Đã ghi: Hẹn gọi lại — gọi lại lúc 23/11/2026 10:05");
    expect((await recorded(page))[0]).toMatchObject({ appointmentAt: "23/11/2026 10:05" });
  });

  test("when the core offers no callback time, the field starts empty with its placeholder", async () => {
    const page = await openApp();
    await page.evaluate(() => {
      const api = window.__fake.api;
      const read = api.operatorQueue;
      // As the core when nothing opens within its search (a campaign closed for good).
      Object.assign(api, { operatorQueue: (r: Parameters<typeof read>[0]) => ({ ...read(r), callbackChoices: [] }) });
    });
    await logIn(page, "dtv.lan");
    await byId(page, "desk").waitFor();
    await takeCase(page);
    await page.keyboard.press("7");
    const input = byId(page, "appointment-input");
    await input.waitFor();
    expect(await input.inputValue()).toBe("");
    expect(await input.getAttribute("placeholder")).toBe("dd/mm/yyyy hh:mm");
    expect(await byId(page, "appointment-picks").count()).toBe(0);
    await page.keyboard.press("Enter");
    await expectText(byId(page, "appointment-error"), "Hãy nhập thời gian hẹn, dạng dd/mm/yyyy hh:mm.");
    await input.fill("24/11/2026 15:00");
    await page.keyboard.press("Enter");
    await expectText(byId(page, "last-result"), "Đã ghi: Hẹn gọi lại — gọi lại lúc 24/11/2026 15:00");
  });

  test("Escape closes the appointment dialog without recording", async () => {
    const page = await lanAtDesk();
    await takeCase(page);
    await byId(page, "outcome-2.21").click();
    await byId(page, "appointment-input").waitFor();
    await page.keyboard.press("Escape");
    await expectGone(byId(page, "appointment-dialog"));
    expect(await recorded(page)).toHaveLength(0);
    await byId(page, "case-card").waitFor();
  });

  test("the interview: Enter starts it, the consent is read with the person's details, a digit saves and moves on", async () => {
    const page = await lanAtDesk();
    await takeCase(page);
    expect(await textOf(byId(page, "start-interview"))).toBe("Bắt đầu phỏng vấn (Enter)");
    // Nobody has asked this person yet.
    expect(await byId(page, "desk-consent").count()).toBe(0);
    await page.keyboard.press("Enter");
    await byId(page, "interview").waitFor();
    await expectText(byId(page, "interview"), "Phiếu khảo sát sự hài lòng của người dân");
    const consent = byId(page, "question-dong_y");
    await consent.waitFor();
    await expectText(consent.getByTestId("question-text"), "Xin chào Ông/Bà Phạm Văn Hùng. Tôi là Nguyễn Thị Lan");
    await expectText(consent.getByTestId("question-text"), "nhận kết quả ngày 12/10/2026");
    await expectText(byId(page, "question-instruction"), "Hướng dẫn cho điện thoại viên");
    expect(await textOf(byId(page, "answer-dong_y-1"))).toBe("1Đồng ý");
    await expectText(byId(page, "answer-dong_y-2"), "kết thúc phỏng vấn");
    await expectText(byId(page, "interview-progress"), "Câu 1/27");
    await expectText(byId(page, "section-gioi_thieu"), "0/1");

    const starts = await callsOf(page, "start_interview");
    expect(starts).toHaveLength(1);
    const start = req<StartInterviewRequest>(starts[0]);
    expect(start.interviewId).toMatch(/^[0-9a-f-]{36}$/);

    await page.keyboard.press("1");
    await byId(page, "question-du_18_tuoi").waitFor();
    await expectText(byId(page, "save-status"), "Đã lưu câu dong_y");
    await byId(page, "saved-dong_y").waitFor();
    await expectText(byId(page, "qlist-answer-dong_y"), "Đồng ý");
    await expectText(byId(page, "section-gioi_thieu"), "1/1");
    const [saved] = (await callsOf(page, "save_answer")).map((c) => req<SaveAnswerRequest>(c));
    expect(saved).toMatchObject({ questionId: "dong_y", input: "1", interviewId: start.interviewId });
    expect(saved!.answerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(saved!.lease).toEqual(start.lease);
    // A key that is no option of the question does nothing.
    await page.keyboard.press("7");
    await new Promise((r) => setTimeout(r, 150));
    expect(await callsOf(page, "save_answer")).toHaveLength(1);
  });

  test("an ApiError shows its Vietnamese message; in English a sentence per kind above it", async () => {
    const page = await lanAtDesk();
    await takeCase(page);
    await byId(page, "start-interview").click();
    await byId(page, "question-dong_y").waitFor();
    await page.keyboard.press("1");
    await byId(page, "question-du_18_tuoi").waitFor();
    // The outcome buttons stay available during the interview; "complete" is refused for now.
    await byId(page, "outcome-1.1").click();
    await expectText(byId(page, "error"), "Chưa thể ghi “Hoàn thành”: phiếu chưa xong, còn 22 câu bắt buộc chưa trả lời (tiếp theo: du_18_tuoi).");
    expect(await byId(page, "error").getAttribute("data-kind")).toBe("invalid");
    await byId(page, "case-card").waitFor();
    await byId(page, "lang-toggle").click();
    await expectText(byId(page, "error"), "The request breaks a rule and was not saved.");
    await expectText(byId(page, "error"), "Chưa thể ghi “Hoàn thành”");
    // The person hung up inside the core: a break-off, with its note.
    await byId(page, "outcome-2.12").click();
    await byId(page, "note-required").fill("Mất sóng giữa chừng");
    await page.keyboard.press("Enter");
    await expectText(byId(page, "last-result"), /^Recorded: Break-off/);
    await expectGone(byId(page, "error"));
    // The refused "complete" wrote nothing, so the break-off is a new attempt with its own id.
    const [refused, breakOff] = await recorded(page);
    expect(breakOff!.attemptId).not.toBe(refused!.attemptId);
  });

  test("a lost lease clears the case and says why", async () => {
    const page = await lanAtDesk();
    await takeCase(page);
    const caseId = await page.evaluate(() => window.__fake.cases.find((c) => c.leaseHolder !== null && c.name === "Phạm Văn Hùng")!.id);
    await page.evaluate((id) => window.__fake.stealLease(id), caseId);
    await page.keyboard.press("5");
    await expectText(byId(page, "error"), "không còn do bạn giữ");
    expect(await byId(page, "error").getAttribute("data-kind")).toBe("leaseLost");
    await expectGone(byId(page, "case-card"));
    expect(await byId(page, "next-case").isEnabled()).toBe(true);
  });

  test("a retry after a failed record reuses the same attempt id", async () => {
    const page = await lanAtDesk();
    await takeCase(page);
    await failNext(page, "record_outcome", {
      kind: "unavailable",
      message: "Không kết nối được cơ sở dữ liệu (ghi lần gọi).",
    });
    await page.keyboard.press("5");
    await expectText(byId(page, "error"), "Không kết nối được cơ sở dữ liệu (ghi lần gọi).");
    await byId(page, "case-card").waitFor();
    await page.keyboard.press("5");
    await expectText(byId(page, "last-result"), "Đã ghi: Máy bận");
    const attempts = await recorded(page);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.attemptId).toBe(attempts[0]!.attemptId);
    // The next case gets a fresh id.
    await takeCase(page);
    await page.keyboard.press("4");
    await expectText(byId(page, "last-result"), "Không nghe máy");
    expect((await recorded(page))[2]!.attemptId).not.toBe(attempts[0]!.attemptId);
  });

  test("a held case is kept alive by the heartbeat", async () => {
    const page = await lanAtDesk("heartbeat=1");
    await takeCase(page);
    await eventually(async () => expect((await callsOf(page, "heartbeat")).length).toBeGreaterThanOrEqual(2), 5000);
    const beat = (await callsOf(page, "heartbeat"))[0]!.args as { lease: Lease };
    expect(beat.lease.holder).toBe(LAN.id);
    await page.keyboard.press("4");
    await expectText(byId(page, "last-result"), "Không nghe máy");
    const count = (await callsOf(page, "heartbeat")).length;
    await new Promise((r) => setTimeout(r, 1500));
    expect((await callsOf(page, "heartbeat")).length).toBe(count);
  });

  test("a resumed case says so and opens its interview at the next question with earlier answers", async () => {
    const page = await lanAtDesk("resume");
    await takeCase(page);
    expect(await textOf(byId(page, "case-name"))).toBe("Ngô Thu Trang");
    await expectText(byId(page, "case-resumed"), "Tiếp tục ca đang dở");
    await expectText(byId(page, "case-history"), "Trả lời một phần");
    await expectText(byId(page, "case-attempts"), "Lần gọi thứ 2/5");
    await expectText(byId(page, "interview-so-far"), "Phiếu đã có 21 câu trả lời từ lần gọi trước");
    // Consent was given on the earlier call: not asked again.
    expect(await textOf(byId(page, "desk-consent"))).toBe("Đã đồng ý lúc 23/11/2026 06:50");
    await screenshot(page, "desk-resumed");
    await page.keyboard.press("Enter");
    await byId(page, "question-mong_doi").waitFor();
    await expectText(byId(page, "interview-progress"), "Câu 22/27");
    await expectText(byId(page, "interview-stop"), "Nếu dừng bây giờ: Trả lời một phần");
    await expectText(byId(page, "qlist-answer-tiep_can.thong_tin"), "4 — Hài lòng");
    await expectText(byId(page, "section-tiep_can"), "4/4");
    const start = req<StartInterviewRequest>((await callsOf(page, "start_interview"))[0]);
    expect(start.interviewId).toBe("f1000000-0000-4000-8000-000000000010");
  });

  test("with no case left the desk says so", async () => {
    const page = await lanAtDesk("empty");
    await byId(page, "next-case").click();
    await expectText(byId(page, "no-case"), "Hiện không còn ca nào để gọi.");
  });

  test("leaving the desk for another campaign releases the case, unless the interview has answers", async () => {
    const page = await openApp("two");
    await logIn(page, "dtv.lan");
    await byId(page, "campaign-choice-DEMO-2026-Q4").click();
    await takeCase(page);
    await byId(page, "nav-campaigns").click();
    await byId(page, "campaign-choice").waitFor();
    await eventually(async () => expect(await callsOf(page, "release_case")).toHaveLength(1));

    await byId(page, "campaign-choice-DEMO-2026-Q4").click();
    await takeCase(page);
    await byId(page, "start-interview").click();
    await byId(page, "question-dong_y").waitFor();
    await page.keyboard.press("1");
    await byId(page, "question-du_18_tuoi").waitFor();
    await byId(page, "nav-campaigns").click();
    await expectText(byId(page, "held-warning"), "vẫn đang được giữ");
    expect(await callsOf(page, "release_case")).toHaveLength(1);
    await byId(page, "campaign-choice-DEMO-2026-Q4").click();
    await byId(page, "question-du_18_tuoi").waitFor();
    await expectText(byId(page, "qlist-answer-dong_y"), "Đồng ý");
    expect(await byId(page, "held-warning").count()).toBe(0);
  });

  test("logging out releases the case first; a case whose interview has answers is kept for the next login", async () => {
    const page = await lanAtDesk();
    await takeCase(page);
    await logOut(page);
    const released = await callsOf(page, "release_case");
    expect(released).toHaveLength(1);
    // Released while still logged in: the core refuses it afterwards.
    expect(released[0]!.ok).toBe(true);
    const order = (await page.evaluate(() => window.__fake.calls.map((c) => c.cmd))).filter((c) =>
      ["release_case", "logout"].includes(c),
    );
    expect(order).toEqual(["release_case", "logout"]);

    await logIn(page, "dtv.lan");
    await takeCase(page);
    await byId(page, "start-interview").click();
    await byId(page, "question-dong_y").waitFor();
    await page.keyboard.press("1");
    await byId(page, "question-du_18_tuoi").waitFor();
    await logOut(page);
    expect(await callsOf(page, "release_case")).toHaveLength(1);
    // Nobody's case is named on the login screen.
    expect(await byId(page, "held-warning").count()).toBe(0);

    await logIn(page, "dtv.lan");
    await takeCase(page);
    await expectText(byId(page, "case-resumed"), "Tiếp tục ca đang dở");
    await expectText(byId(page, "interview-so-far"), "Phiếu đã có 1 câu trả lời từ lần gọi trước");
  });

  test("English labels on the desk", async () => {
    const page = await lanAtDesk();
    await byId(page, "lang-toggle").click();
    await takeCase(page);
    await expectText(byId(page, "case-attempts"), "Call attempt 1/5");
    await expectText(byId(page, "outcome-3.13"), "No answer");
    await expectText(byId(page, "start-interview"), "Start interview (Enter)");
    await byId(page, "start-interview").click();
    // The wording read out stays Vietnamese; the English is a help beneath it.
    await expectText(byId(page, "question-dong_y").getByTestId("question-text"), "Xin chào Ông/Bà Phạm Văn Hùng");
    await expectText(byId(page, "question-dong_y"), "Hello Phạm Văn Hùng. I am Nguyễn Thị Lan from the 1022 hotline.");
    await expectText(byId(page, "question-instruction"), "For the operator");
    await expectText(byId(page, "answer-dong_y-2"), "Refuses");
    await expectText(byId(page, "interview-progress"), "Question 1/27");
    await expectText(byId(page, "section-gioi_thieu"), "Introduction and consent");
  });
});
