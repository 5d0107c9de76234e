// UI tests of the login and of what each role sees: the form, a refusal, the database and its
// server, the operator's campaigns, the supervisor's and the administrator's screens, logging out,
// a reload with a session, the test clock, the language, a database that is down.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { ApiError, LoginRequest } from "../../src/api/bindings";
import { PASSWORDS } from "../fake/data";
import { byId, callsOf, expectText, logIn, logOut, openApp, openAs, req, screenshot, textOf, useBrowser } from "./harness";

useBrowser();

const REFUSED = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khoá.";

/** What the page's focused element is, by test id. */
async function focused(page: Page): Promise<string | null | undefined> {
  return page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
}

/** The test ids of the screens, tabs and top-bar buttons a supervisor or an administrator has. */
const SUPERVISION = [
  "supervisor",
  "nav-supervisor",
  "nav-people",
  "nav-privacy",
  "tab-cases",
  "tab-reassign",
  "tab-import",
  "tab-results",
];

describe("login", () => {
  test("the login screen says which database the window works on and asks for a login and a password", async () => {
    const page = await openApp();
    await byId(page, "login-form").waitFor();
    await expectText(byId(page, "login-screen"), "Khảo sát sự hài lòng về sự phục vụ hành chính qua điện thoại");
    await expectText(byId(page, "login-form"), "Đăng nhập");
    await expectText(byId(page, "db-info"), "Cơ sở dữ liệu: sqlite — /home/dtv/.local/share/khaosat/khaosat.db");
    // On the workstation's own file there is no server to choose.
    expect(await byId(page, "login-server").count()).toBe(0);
    expect(await byId(page, "login-password").getAttribute("type")).toBe("password");
    expect(await focused(page)).toBe("login-user");
    // Nobody is named before a login: no person, no list of people.
    expect(await byId(page, "current-person").count()).toBe(0);
    expect(await byId(page, "nav-logout").count()).toBe(0);
    expect(await callsOf(page, "list_staff")).toHaveLength(0);
    await screenshot(page, "login");
  });

  test("a wrong password shows the core's message under the form, keeps the login, clears the password, opens nothing", async () => {
    const page = await openApp();
    await logIn(page, "dtv.lan", "mat-khau-sai");
    await expectText(byId(page, "login-error"), REFUSED);
    expect(await byId(page, "login-error").getAttribute("data-kind")).toBe("loginRefused");
    expect(await byId(page, "login-user").inputValue()).toBe("dtv.lan");
    expect(await byId(page, "login-password").inputValue()).toBe("");
    expect(await focused(page)).toBe("login-password");
    // In place, not a banner or a dialog; no screen opened.
    expect(await byId(page, "error").count()).toBe(0);
    expect(await page.getByRole("dialog").count()).toBe(0);
    for (const id of ["desk", ...SUPERVISION]) expect(await byId(page, id).count(), id).toBe(0);
    // The password typed is nowhere: not on the page, not in what the fake recorded.
    expect(await page.content()).not.toContain("mat-khau-sai");
    expect(req<LoginRequest>((await callsOf(page, "login"))[0])).toEqual({ server: null, login: "dtv.lan", password: "***" });
    await screenshot(page, "login-refused");

    // A disabled account gets the same answer, and the right password opens the desk.
    await page.evaluate(() => (window.__fake.people.find((p) => p.login === "dtv.minh")!.active = false));
    await logIn(page, "dtv.minh", PASSWORDS["dtv.minh"]);
    await expectText(byId(page, "login-error"), REFUSED);
    await logIn(page, "  DTV.Lan ", PASSWORDS["dtv.lan"]);
    await byId(page, "desk").waitFor();
    expect(await byId(page, "login-form").count()).toBe(0);
  });

  test("an empty login or password is refused in the form, before anything is sent", async () => {
    const page = await openApp();
    await byId(page, "login-form").waitFor();
    await byId(page, "login-user").press("Enter");
    await expectText(byId(page, "login-missing"), "Hãy nhập tên đăng nhập và mật khẩu.");
    await byId(page, "login-user").fill("dtv.lan");
    expect(await byId(page, "login-missing").count()).toBe(0);
    await byId(page, "login-submit").click();
    await expectText(byId(page, "login-missing"), "Hãy nhập tên đăng nhập và mật khẩu.");
    expect(await focused(page)).toBe("login-password");
    expect(await callsOf(page, "login")).toHaveLength(0);
  });

  test("in English the refusal says it in English with the core's Vietnamese beneath", async () => {
    const page = await openApp();
    await byId(page, "lang-toggle").click();
    await expectText(byId(page, "login-form"), "Log in");
    await logIn(page, "dtv.lan", "mat-khau-sai");
    await expectText(byId(page, "login-error"), "The login or the password is wrong, or the account is disabled.");
    await expectText(byId(page, "login-error"), REFUSED);
  });

  test("on a shared PostgreSQL database the server is asked for, prefilled, sent and remembered", async () => {
    const page = await openApp("postgres");
    const server = byId(page, "login-server");
    await server.waitFor();
    expect(await server.inputValue()).toBe("postgres://db.tongdai.local:5432/khaosat?sslmode=verify-full");
    await expectText(byId(page, "db-info"), "Cơ sở dữ liệu: postgres — postgres://db.tongdai.local:5432/khaosat");

    await server.fill("db2.tongdai.local");
    await logIn(page, "dtv.lan");
    await expectText(byId(page, "login-error"), "Máy chủ phải là một địa chỉ postgres://.");

    const typed = "postgres://db2.tongdai.local/khaosat?sslmode=verify-full";
    await server.fill(typed);
    await logIn(page, "dtv.lan");
    await byId(page, "desk").waitFor();
    const sent = (await callsOf(page, "login")).map((c) => req<LoginRequest>(c));
    expect(sent.at(-1)).toEqual({ server: typed, login: "dtv.lan", password: "***" });

    await logOut(page);
    expect(await byId(page, "login-server").inputValue()).toBe(typed);
    await page.reload();
    expect(await byId(page, "login-server").inputValue()).toBe(typed);
  });

  test("a server remembered while the app was set up for another database is not offered", async () => {
    const configured = "postgres://db.tongdai.local:5432/khaosat?sslmode=verify-full";
    for (const stale of [
      JSON.stringify({ location: "postgres://cu.tongdai.local/khaosat", server: "postgres://cu.tongdai.local/khaosat" }),
      "postgres://cu.tongdai.local/khaosat",
    ]) {
      const page = await openApp("postgres", { "khaosat.server": stale });
      await byId(page, "login-server").waitFor();
      expect(await byId(page, "login-server").inputValue()).toBe(configured);
      await page.close();
    }
  });
});

describe("what each role sees", () => {
  test("an operator goes to the desk of their only campaign and sees no supervision screen or button", async () => {
    const page = await openAs("dtv.lan", "desk");
    expect(await textOf(byId(page, "current-person"))).toBe("Nguyễn Thị Lan · Điện thoại viên");
    await expectText(byId(page, "current-campaign"), "DEMO-2026-Q4 — Khảo sát sự hài lòng quý IV/2026 (dữ liệu mẫu)");
    for (const id of SUPERVISION) expect(await byId(page, id).count(), id).toBe(0);
    // One campaign: nothing to change to.
    expect(await byId(page, "nav-campaigns").count()).toBe(0);
    await expectText(byId(page, "nav-logout"), "Đăng xuất");
    // Operators are not sent the list of people.
    expect(await callsOf(page, "list_staff")).toHaveLength(0);
    await screenshot(page, "operator-topbar");
  });

  test("an operator on two campaigns chooses one, and can change to the other from the desk", async () => {
    const page = await openApp("two");
    await logIn(page, "dtv.lan");
    await byId(page, "campaign-choice").waitFor();
    await expectText(byId(page, "campaign-choice-DEMO-2026-Q4"), "Khảo sát sự hài lòng quý IV/2026 (dữ liệu mẫu)");
    await expectText(
      byId(page, "campaign-choice-DEMO-2027-Q1"),
      "Hồ sơ nhận kết quả từ 01/01/2027 đến 31/03/2027 · tối đa 5 lần gọi",
    );
    await screenshot(page, "operator-campaigns");
    // The keyboard starts on the first campaign.
    expect(await focused(page)).toBe("campaign-choice-DEMO-2026-Q4");
    await byId(page, "campaign-choice-DEMO-2027-Q1").click();
    await byId(page, "desk").waitFor();
    await expectText(byId(page, "current-campaign"), "DEMO-2027-Q1");
    await page.keyboard.press("F2");
    await expectText(byId(page, "no-case"), "Hiện không còn ca nào để gọi.");
    await byId(page, "nav-campaigns").click();
    await byId(page, "campaign-choice-DEMO-2026-Q4").click();
    await expectText(byId(page, "current-campaign"), "DEMO-2026-Q4");
    for (const id of SUPERVISION) expect(await byId(page, id).count(), id).toBe(0);
  });

  test("the supervisor gets the supervisor screens, every tab, and no Nhân sự", async () => {
    const page = await openAs("gsv.hong", "supervisor");
    expect(await textOf(byId(page, "current-person"))).toBe("Lê Thị Hồng · Giám sát viên");
    for (const tab of ["cases", "reassign", "import", "sample", "results"]) {
      expect(await byId(page, `tab-${tab}`).count(), tab).toBe(1);
    }
    expect(await byId(page, "nav-people").count()).toBe(0);
    expect(await byId(page, "people-screen").count()).toBe(0);
    // Nor has a supervisor a desk to call from.
    expect(await byId(page, "next-case").count()).toBe(0);
    // The core refuses her the people anyway.
    const refused = await page.evaluate(() => {
      try {
        window.__fake.api.listPeople();
        return null;
      } catch (e) {
        return e as ApiError;
      }
    });
    expect(refused).toEqual({ kind: "forbidden", message: "Chỉ quản trị viên được xem danh sách nhân sự." });
  });

  test("the administrator supervises every campaign and reaches Nhân sự from the top bar", async () => {
    const page = await openAs("qt.demo", "supervisor");
    expect(await textOf(byId(page, "current-person"))).toBe("Quản trị viên (dữ liệu mẫu) · Quản trị viên");
    const picker = byId(page, "campaign-switch");
    expect(await picker.locator("option").allTextContents()).toEqual([
      "DEMO-2026-Q4 — Khảo sát sự hài lòng quý IV/2026 (dữ liệu mẫu)",
      "DEMO-2027-Q1 — Khảo sát sự hài lòng quý I/2027 (dữ liệu mẫu)",
    ]);
    await picker.selectOption({ label: "DEMO-2027-Q1 — Khảo sát sự hài lòng quý I/2027 (dữ liệu mẫu)" });
    await byId(page, "no-match").waitFor();
    expect(await byId(page, "case-row").count()).toBe(0);
    await screenshot(page, "admin-supervisor");
    await byId(page, "nav-people").click();
    await byId(page, "people-screen").waitFor();
    expect(await byId(page, "campaign-switch").count()).toBe(0);
    await expectText(byId(page, "nav-supervisor"), "Giám sát");
    await byId(page, "nav-supervisor").click();
    await byId(page, "supervisor").waitFor();
  });

  test("logging out returns to an empty login form, and the core answers nothing more until the next login", async () => {
    const page = await openAs("gsv.hong", "supervisor");
    await logOut(page);
    expect(await callsOf(page, "logout")).toHaveLength(1);
    expect(await byId(page, "login-user").inputValue()).toBe("");
    expect(await byId(page, "login-password").inputValue()).toBe("");
    expect(await byId(page, "current-person").count()).toBe(0);
    expect(await byId(page, "supervisor").count()).toBe(0);
    const refused = await page.evaluate(() => {
      try {
        window.__fake.api.listCampaigns();
        return null;
      } catch (e) {
        return e as ApiError;
      }
    });
    expect(refused).toEqual({ kind: "forbidden", message: "Hãy đăng nhập trước (phiên làm việc đã kết thúc)." });
    // The next person starts on their own home.
    await logIn(page, "dtv.minh");
    await byId(page, "desk").waitFor();
    expect(await textOf(byId(page, "current-person"))).toBe("Trần Quốc Minh · Điện thoại viên");
  });

  test("a window reloaded while a person is logged in skips the login", async () => {
    const page = await openApp("session=gsv.hong");
    await byId(page, "supervisor").waitFor();
    expect(await byId(page, "login-form").count()).toBe(0);
    expect(await callsOf(page, "login")).toHaveLength(0);
    expect(await textOf(byId(page, "current-person"))).toBe("Lê Thị Hồng · Giám sát viên");
  });
});

describe("the window", () => {
  test("a test clock is announced in the top bar area, on the login screen and after", async () => {
    const page = await openApp("testclock");
    const banner = byId(page, "test-clock");
    await expectText(banner, "Đồng hồ thử nghiệm (KHAOSAT_NOW): giờ trong ứng dụng không phải giờ thật");
    await logIn(page, "dtv.lan");
    await byId(page, "desk").waitFor();
    expect(await banner.isVisible()).toBe(true);
    await byId(page, "lang-toggle").click();
    await expectText(banner, "Test clock (KHAOSAT_NOW): the time in the app is not the real time");
    await screenshot(page, "test-clock");

    const real = await openApp();
    await byId(real, "login-form").waitFor();
    expect(await byId(real, "test-clock").count()).toBe(0);
  });

  test("switching to English changes the labels and the choice is remembered", async () => {
    const page = await openApp();
    await byId(page, "login-form").waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi");
    await byId(page, "lang-toggle").click();
    await expectText(byId(page, "login-screen"), "Telephone survey of satisfaction with public administrative services");
    await expectText(byId(page, "login-form"), "Password");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.reload();
    await expectText(byId(page, "login-submit"), "Log in");
    await logIn(page, "dtv.lan");
    await expectText(byId(page, "next-case"), "Next case (F2)");
    await expectText(byId(page, "nav-logout"), "Log out");
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
    expect(await byId(page, "login-form").count()).toBe(0);
  });
});
