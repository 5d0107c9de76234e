// UI tests of the appointments calendar: a supervisor's week and day with every appointment (and
// whom a hard one is kept for), moving by week and back to today; an operator's own calendar on
// the desk, without another operator's hard appointments.
import { describe, expect, test } from "vitest";
import type { CalendarRequest } from "../../src/api/bindings";
import { byId, callsOf, expectText, openAs, req, screenshot, useBrowser } from "./harness";

useBrowser();

const column = (day: string) => `[data-testid="cal-day-column"][data-day="${day}"]`;

describe("appointments calendar", () => {
  test("a supervisor sees the week's appointments, whom the hard ones are kept for, and a day", async () => {
    const page = await openAs("gsv.hong", "supervisor", "due");
    await byId(page, "tab-calendar").click();
    await expectText(byId(page, "cal-summary"), "Từ 23/11/2026 đến 29/11/2026: 3 lịch hẹn");
    expect(req<CalendarRequest>((await callsOf(page, "appointment_calendar"))[0])).toMatchObject({ from: "2026-11-23", days: 7 });
    const monday = page.locator(column("2026-11-23"));
    expect(await monday.getByTestId("cal-entry").count()).toBe(2);
    await expectText(monday.getByTestId("cal-entry").first(), "08:50");
    await expectText(monday.getByTestId("cal-entry-kind").first(), "hẹn riêng: Nguyễn Thị Lan");
    await expectText(monday.getByTestId("cal-entry-kind").nth(1), "ai cũng gọi được");
    expect(await page.locator(column("2026-11-24")).getByTestId("cal-entry").count()).toBe(1);
    await expectText(page.locator(column("2026-11-29")), "CN 29/11/2026 · không gọi");
    await screenshot(page, "calendar-week");

    await byId(page, "cal-next").click();
    await expectText(byId(page, "cal-summary"), "Từ 30/11/2026 đến 06/12/2026: 0 lịch hẹn");
    await byId(page, "cal-today").click();
    await expectText(byId(page, "cal-summary"), "Từ 23/11/2026 đến 29/11/2026: 3 lịch hẹn");
    await byId(page, "cal-day").click();
    await expectText(byId(page, "cal-summary"), "Ngày 23/11/2026: 2 lịch hẹn");
    expect(await byId(page, "cal-day-column").count()).toBe(1);
    await byId(page, "cal-next").click();
    await expectText(byId(page, "cal-summary"), "Ngày 24/11/2026: 1 lịch hẹn");
  });

  test("an operator's calendar on the desk holds their own appointments, not another's hard ones", async () => {
    const page = await openAs("dtv.minh", "desk", "due");
    await byId(page, "desk-calendar").click();
    await expectText(byId(page, "cal-summary"), "Từ 23/11/2026 đến 29/11/2026: 2 lịch hẹn");
    await expectText(byId(page, "calendar"), "Lịch hẹn của tôi");
    expect(await page.locator('[data-testid="cal-entry"][data-hard="true"]').count()).toBe(0);
    await screenshot(page, "calendar-desk");
    await byId(page, "desk-calendar").click();
    expect(await byId(page, "calendar").count()).toBe(0);
  });
});
