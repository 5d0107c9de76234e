// UI tests of the start screen: campaigns, people, where the data lives, the language, a database that is down.
import { describe, expect, test } from "vitest";
import { byId, callsOf, expectText, openApp, screenshot, textOf, useBrowser } from "./harness";

useBrowser();

describe("start screen", () => {
  test("lists the campaign and the people, grouped by role, and says where the data lives", async () => {
    const page = await openApp();
    await byId(page, "start-screen").waitFor();
    await expectText(byId(page, "start-screen"), "Khảo sát sự hài lòng về sự phục vụ hành chính qua điện thoại");
    await expectText(byId(page, "db-info"), "sqlite");
    await expectText(byId(page, "db-info"), "khaosat.db");

    const select = byId(page, "campaign-select");
    expect(await select.inputValue()).toBe("6f1c2d3e-0000-4000-8000-000000000001");
    expect(await textOf(select.locator("option:checked"))).toBe(
      "DEMO-2026-Q4 — Khảo sát sự hài lòng quý IV/2026 (dữ liệu mẫu)",
    );

    await expectText(byId(page, "staff-operator"), "Điện thoại viên");
    expect(await textOf(byId(page, "work-as-dtv.lan"))).toContain("Nguyễn Thị Lan");
    expect(await textOf(byId(page, "work-as-dtv.minh"))).toContain("Trần Quốc Minh");
    await expectText(byId(page, "staff-supervisor"), "Giám sát viên");
    expect(await textOf(byId(page, "staff-supervisor").locator("button"))).toContain("Lê Thị Hồng");
    await screenshot(page, "start");
  });

  test("an operator goes to the desk, a supervisor to the supervisor view, and home comes back", async () => {
    const page = await openApp();
    await byId(page, "work-as-dtv.lan").click();
    await byId(page, "desk").waitFor();
    await expectText(page.locator(".topbar"), "Nguyễn Thị Lan");
    await expectText(page.locator(".topbar"), "DEMO-2026-Q4");
    await byId(page, "nav-home").click();
    await byId(page, "start-screen").waitFor();
    await byId(page, "work-as-gsv.hong").click();
    await byId(page, "supervisor").waitFor();
    await expectText(page.locator(".topbar"), "Lê Thị Hồng");
    // The supervisor view's desk button goes to the desk as the last operator chosen: Lan.
    await byId(page, "nav-desk").click();
    await byId(page, "desk").waitFor();
    await expectText(page.locator(".topbar"), "Nguyễn Thị Lan");
  });

  test("switching to English changes the labels and the choice is remembered", async () => {
    const page = await openApp();
    await byId(page, "start-screen").waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi");
    await byId(page, "lang-toggle").click();
    await expectText(byId(page, "start-screen"), "Telephone survey of satisfaction with public administrative services");
    await expectText(byId(page, "staff-operator"), "Operators");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.reload();
    await expectText(byId(page, "staff-supervisor"), "Supervisors");
    await byId(page, "work-as-dtv.lan").click();
    await expectText(byId(page, "next-case"), "Next case (F2)");
    await byId(page, "lang-toggle").click();
    await expectText(byId(page, "next-case"), "Ca tiếp theo (F2)");
  });

  test("when the database cannot be reached the error is shown with a retry button", async () => {
    const page = await openApp("offline");
    await expectText(byId(page, "error"), "Không kết nối được cơ sở dữ liệu (mở kết nối).");
    const retry = byId(page, "retry");
    expect(await textOf(retry)).toBe("Thử lại");
    const before = (await callsOf(page, "app_info")).length;
    await retry.click();
    await expectText(byId(page, "error"), "Không kết nối được cơ sở dữ liệu");
    expect((await callsOf(page, "app_info")).length).toBe(before + 1);
    expect(await byId(page, "work-as-dtv.lan").count()).toBe(0);
  });
});
