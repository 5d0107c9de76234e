// UI tests of the scheduler at the desk: the note an outcome requires, hard and soft callbacks,
// the operator's queue (counts, appointments ahead), and the desk outside calling hours.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { NextCaseRequest, QueueView, RecordOutcomeRequest } from "../../src/api/bindings";
import { CAMPAIGN } from "../fake/data";
import {
  byId,
  callsOf,
  eventually,
  expectGone,
  expectText,
  openAs,
  req,
  screenshot,
  takeCase,
  textOf,
  useBrowser,
} from "./harness";

useBrowser();

async function lanAtDesk(query = ""): Promise<Page> {
  const page = await openAs("dtv.lan", "desk", query);
  await byId(page, "queue-own").waitFor();
  return page;
}

async function recorded(page: Page): Promise<RecordOutcomeRequest[]> {
  return (await callsOf(page, "record_outcome")).map((c) => req<RecordOutcomeRequest>(c));
}

/** The test id of the focused element. */
async function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null);
}

/** Each appointment the queue lists, as "time | masked number | marks". */
async function appointments(page: Page): Promise<string[]> {
  const rows = byId(page, "queue").getByTestId("queue-appointment");
  const out: string[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const marks = [
      (await row.getByTestId("queue-appointment-due").count()) > 0 ? "due" : "",
      (await row.getByTestId("queue-appointment-mine").count()) > 0 ? "mine" : "",
    ].filter(Boolean);
    out.push(
      `${await textOf(row.getByTestId("queue-appointment-at"))} | ${await textOf(row.getByTestId("queue-appointment-phone"))} | ${marks.join(",")}`,
    );
  }
  return out;
}

describe("scheduler at the desk", () => {
  test("a note-required outcome (soft refusal, key 8) asks for the note: empty is refused, Esc goes back, Enter records", async () => {
    const page = await lanAtDesk();
    await takeCase(page);
    await page.keyboard.press("8");
    await byId(page, "note-dialog").waitFor();
    await expectText(byId(page, "note-dialog"), "Ghi chú cho “Từ chối, có thể thuyết phục lại”");
    expect(await focused(page)).toBe("note-required");
    // An empty note is refused here, before anything is sent.
    await page.keyboard.press("Enter");
    await expectText(byId(page, "note-refused"), "Hãy nhập ghi chú trước khi ghi kết quả.");
    expect(await recorded(page)).toHaveLength(0);
    // Esc goes back to the case, nothing recorded.
    await page.keyboard.press("Escape");
    await expectGone(byId(page, "note-dialog"));
    await byId(page, "case-card").waitFor();
    expect(await recorded(page)).toHaveLength(0);

    await page.keyboard.press("8");
    await byId(page, "note-required").waitFor();
    await page.keyboard.type("Đang bận đi làm, hẹn cuối tuần");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("Giọng lịch sự");
    await screenshot(page, "desk-note");
    await page.keyboard.press("Enter");
    await expectText(byId(page, "last-result"), /^Đã ghi: Từ chối, có thể thuyết phục lại — gọi lại lúc \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    await expectGone(byId(page, "note-dialog"));
    const [soft] = await recorded(page);
    expect(soft).toMatchObject({
      outcome: "2.111",
      note: "Đang bận đi làm, hẹn cuối tuần\nGiọng lịch sự",
      appointmentAt: null,
      appointmentKind: null,
    });
  });

  test("a note typed beforehand fills the note dialog; a click on the button asks too", async () => {
    const page = await lanAtDesk();
    await takeCase(page);
    await byId(page, "note").fill("Người nghe máy là con trai, không làm thủ tục");
    await byId(page, "outcome-4.7").click();
    await byId(page, "note-dialog").waitFor();
    expect(await byId(page, "note-required").inputValue()).toBe("Người nghe máy là con trai, không làm thủ tục");
    await byId(page, "note-confirm").click();
    await expectText(byId(page, "last-result"), "Đã ghi: Không phải người làm thủ tục — ca đã đóng");
    expect((await recorded(page))[0]).toMatchObject({
      outcome: "4.7",
      note: "Người nghe máy là con trai, không làm thủ tục",
    });
  });

  test("a callback asks who calls back (only me by default, or anyone) and says the time is the campaign's", async () => {
    const page = await lanAtDesk();
    await takeCase(page);
    await page.keyboard.press("7");
    await byId(page, "appointment-dialog").waitFor();
    await expectText(byId(page, "appointment-zone"), "Theo giờ Asia/Ho_Chi_Minh (UTC+07:00) — múi giờ của đợt khảo sát.");
    expect(await byId(page, "appointment-kind-hard").isChecked()).toBe(true);
    expect(await byId(page, "appointment-kind-soft").isChecked()).toBe(false);
    await expectText(byId(page, "appointment-dialog"), "Chỉ tôi gọi lại");
    await expectText(byId(page, "appointment-dialog"), "Ai cũng gọi được");
    await expectText(byId(page, "appointment-dialog"), "Ca chờ bạn đến 15 phút sau giờ hẹn");
    // The core's default: tomorrow 09:00 on the campaign's calendar, by the app's clock.
    expect(await byId(page, "appointment-input").inputValue()).toBe("24/11/2026 09:00");
    await screenshot(page, "desk-appointment");
    await byId(page, "appointment-input").fill("24/11/2026 14:30");
    await page.keyboard.press("Enter");
    await expectText(byId(page, "last-result"), "Đã ghi: Hẹn gọi lại — gọi lại lúc 24/11/2026 14:30");
    expect((await recorded(page))[0]).toMatchObject({
      outcome: "2.21",
      appointmentAt: "24/11/2026 14:30",
      appointmentKind: "hard",
    });
    // The queue lists it as Lan's own, beside Đặng Quốc Việt's soft one in the pool.
    await eventually(async () =>
      expect(await appointments(page)).toEqual([
        "24/11/2026 09:00 | 086****333 | ",
        "24/11/2026 14:30 | 090****567 | mine",
      ]),
    );

    await takeCase(page);
    await page.keyboard.press("7");
    await byId(page, "appointment-input").fill("25/11/2026 08:15");
    await byId(page, "appointment-kind-soft").check();
    await byId(page, "appointment-confirm").click();
    await expectText(byId(page, "last-result"), "Đã ghi: Hẹn gọi lại — gọi lại lúc 25/11/2026 08:15");
    expect((await recorded(page))[1]).toMatchObject({ appointmentAt: "25/11/2026 08:15", appointmentKind: "soft" });
    await eventually(async () => expect(await appointments(page)).toContain("25/11/2026 08:15 | 091****789 | "));
  });

  test("the queue shows the open cases, those ready now and the appointments ahead, due ones marked", async () => {
    const page = await lanAtDesk("due");
    const queue = byId(page, "queue");
    await expectText(queue.getByTestId("queue-state"), "Đang trong giờ gọi · buổi sáng");
    expect(await textOf(queue.getByTestId("queue-own"))).toBe("5");
    expect(await textOf(queue.getByTestId("queue-pool"))).toBe("4");
    expect(await textOf(queue.getByTestId("queue-ready"))).toBe("6");
    await expectText(queue.getByTestId("queue-hours"), "Giờ gọi: T2–T7, 07:30–11:30, 13:30–20:00");
    expect(await appointments(page)).toEqual([
      "23/11/2026 08:50 | 094****456 | due,mine",
      "23/11/2026 11:00 | 097****654 | ",
      "24/11/2026 09:00 | 086****333 | ",
    ]);
    const first = queue.getByTestId("queue-appointment").first();
    expect(await textOf(first.getByTestId("queue-appointment-agency"))).toBe("Sở Tài chính");
    expect(await textOf(first.getByTestId("queue-appointment-dossier"))).toBe("STC-261105-0013");
    expect(await textOf(first.getByTestId("queue-appointment-due"))).toBe("đến giờ");
    expect(await textOf(first.getByTestId("queue-appointment-mine"))).toBe("hẹn riêng");
    await screenshot(page, "desk-queue");

    // The due appointment comes first, and the card says it is this operator's own.
    await takeCase(page);
    expect(await textOf(byId(page, "case-name"))).toBe("Lý Thanh Tâm");
    await expectText(byId(page, "case-appointment"), "Hẹn gọi lại lúc 23/11/2026 08:50 (hẹn riêng)");
    // Beside the case, the toolbar keeps the counts and the next appointment (not this one) in sight.
    await expectText(byId(page, "queue-next"), "Hẹn tiếp: 23/11/2026 11:00 097****654");
    expect(await textOf(byId(page, "queue-own"))).toBe("5");
    expect(await textOf(byId(page, "queue-ready"))).toBe("6");
    await screenshot(page, "desk-queue-strip");
    const before = (await callsOf(page, "operator_queue")).length;
    await page.keyboard.press("5");
    await expectText(byId(page, "last-result"), "Đã ghi: Máy bận");
    // Read again after the outcome: the appointment is gone, the case waits for its retry.
    await eventually(async () => expect((await callsOf(page, "operator_queue")).length).toBeGreaterThan(before));
    await eventually(async () =>
      expect(await appointments(page)).toEqual(["23/11/2026 11:00 | 097****654 | ", "24/11/2026 09:00 | 086****333 | "]),
    );
    // Whose queue it is, the core knows from the login: the requests name only the campaign.
    const asked = (await callsOf(page, "operator_queue")).map((c) => req<NextCaseRequest>(c));
    for (const r of asked) expect(r).toEqual({ campaignId: CAMPAIGN.id });
  });

  test("outside calling hours the desk says when calling starts again, not just that no case is left", async () => {
    const page = await lanAtDesk("closed");
    await expectText(byId(page, "outside-hours"), "Ngoài giờ gọi. Giờ gọi tiếp theo: 23/11/2026 07:30");
    await expectText(byId(page, "queue-state"), "Ngoài giờ gọi");
    expect(await textOf(byId(page, "queue-ready"))).toBe("0");
    await page.keyboard.press("F2");
    await eventually(async () => expect(await callsOf(page, "next_case")).toHaveLength(1));
    await eventually(async () => expect((await callsOf(page, "operator_queue")).length).toBeGreaterThanOrEqual(2));
    await expectText(byId(page, "outside-hours"), "Ngoài giờ gọi. Giờ gọi tiếp theo: 23/11/2026 07:30");
    expect(await byId(page, "no-case").count()).toBe(0);
    expect(await byId(page, "case-card").count()).toBe(0);
    await screenshot(page, "desk-closed");
    await byId(page, "lang-toggle").click();
    await expectText(byId(page, "outside-hours"), "Outside calling hours. Calling resumes at 23/11/2026 07:30");
    await expectText(byId(page, "queue-state"), "Outside calling hours");
  });

  test("outside calling hours a due appointment can still be taken with F2", async () => {
    const page = await lanAtDesk("closed&due");
    await expectText(byId(page, "outside-hours-due"), "Lịch hẹn đã đến giờ vẫn gọi được: nhấn F2.");
    await takeCase(page);
    expect(await textOf(byId(page, "case-name"))).toBe("Lý Thanh Tâm");
    const queue: QueueView = await page.evaluate(() =>
      window.__fake.api.operatorQueue({ campaignId: "6f1c2d3e-0000-4000-8000-000000000001" }),
    );
    expect(queue).toMatchObject({ now: "22/11/2026 10:00", callingOpen: false, slot: null, nextOpen: "23/11/2026 07:30", ready: 0 });
    // A callback booked on Sunday starts from Monday 09:00 (the core's first choice); "in an hour"
    // is not offered (no calling today).
    expect(queue.callbackChoices.map((c) => c.at)).toEqual(["23/11/2026 09:00", "23/11/2026 14:00"]);
    await page.keyboard.press("7");
    expect(await byId(page, "appointment-input").inputValue()).toBe("23/11/2026 09:00");
    expect(await byId(page, "appointment-pick").allTextContents()).toEqual(["Sáng mai 09:00", "Chiều mai 14:00"]);
  });

  test("English labels for the queue, the note and the callback", async () => {
    const page = await lanAtDesk("due");
    await byId(page, "lang-toggle").click();
    await expectText(byId(page, "queue"), "My queue");
    await expectText(byId(page, "queue-state"), "Calling hours · morning");
    await expectText(byId(page, "queue-appointment-due").first(), "due");
    await expectText(byId(page, "queue-appointment-mine").first(), "yours");
    await takeCase(page);
    await expectText(byId(page, "case-appointment"), "(yours only)");
    await page.keyboard.press("8");
    await expectText(byId(page, "note-dialog"), "Note for “Soft refusal”");
    await page.keyboard.press("Escape");
    await page.keyboard.press("7");
    await expectText(byId(page, "appointment-zone"), "In Asia/Ho_Chi_Minh time (UTC+07:00), the campaign's time zone.");
    await expectText(byId(page, "appointment-dialog"), "Only me");
    await expectText(byId(page, "appointment-dialog"), "Anyone");
    await expectText(byId(page, "appointment-format"), "Type day/month/year hour:minute (24-hour), e.g. 24/11/2026 14:30.");
    // The core's English labels.
    expect(await byId(page, "appointment-pick").allTextContents()).toEqual([
      "Morning tomorrow 09:00",
      "Afternoon tomorrow 14:00",
      "In 1 hour",
    ]);
    await byId(page, "appointment-input").fill("24/11");
    await page.keyboard.press("Enter");
    await expectText(byId(page, "appointment-error"), "“24/11” cannot be read: type it as dd/mm/yyyy hh:mm, e.g. 24/11/2026 09:00.");
    expect(await recorded(page)).toHaveLength(0);
  });
});
