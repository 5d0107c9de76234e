// UI tests of the campaign's calling calendar: the year's holidays and days in lieu, an extra
// day closed from the form and opened again; a refusal (a day already closed) in the banner.
import { describe, expect, test } from "vitest";
import type { DayOffRequest } from "../../src/api/bindings";
import { byId, callsOf, expectText, openAs, req, screenshot, useBrowser } from "./harness";

useBrowser();

describe("calling calendar", () => {
  test("a supervisor sees the year's days off, closes a day and opens it again", async () => {
    const page = await openAs("gsv.hong", "supervisor");
    await byId(page, "tab-callingCalendar").click();
    await expectText(byId(page, "calling-calendar"), "Lịch gọi năm 2026");
    const inLieu = page.locator('[data-testid="cc-row"][data-day="27/04/2026"]');
    await expectText(inLieu, "T2 27/04/2026");
    await expectText(inLieu, "Nghỉ bù");
    await expectText(inLieu, "Giỗ Tổ Hùng Vương");

    await byId(page, "cc-day").fill("24/11/2026");
    await byId(page, "cc-close").click();
    await expectText(byId(page, "cc-done"), "Ngày 24/11/2026 đã thành ngày nghỉ: không có ca nào được giao vào ngày đó.");
    expect(req<DayOffRequest>((await callsOf(page, "set_day_off"))[0])).toMatchObject({ day: "24/11/2026", closed: true });
    const closed = page.locator('[data-testid="cc-row"][data-day="24/11/2026"]');
    await expectText(closed, "Nghỉ thêm của đợt");
    await screenshot(page, "calling-calendar");

    await byId(page, "cc-day").fill("24/11/2026");
    await byId(page, "cc-close").click();
    await expectText(byId(page, "error"), "Ngày 24/11/2026 đã là ngày nghỉ thêm của đợt.");

    await closed.getByTestId("cc-open").click();
    await expectText(byId(page, "cc-done"), "Ngày 24/11/2026 lại là ngày gọi.");
    expect(await closed.count()).toBe(0);
    // Holidays and days in lieu cannot be opened here.
    expect(await inLieu.getByTestId("cc-open").count()).toBe(0);
  });
});
