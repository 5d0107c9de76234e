// UI tests of the administrator's "Nhân sự" screen: the list of people, adding a person (a password
// mismatch refused in the form), disabling and enabling a login (held cases back to the pool),
// resetting a password, putting a person on campaigns; each then seen at the login.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { AddPersonRequest, AssignPersonRequest, PersonPasswordRequest } from "../../src/api/bindings";
import { PASSWORDS } from "../fake/data";
import { byId, callsOf, eventually, expectGone, expectText, logIn, logOut, openAs, req, screenshot, textOf, useBrowser } from "./harness";

useBrowser();

async function adminAtPeople(query = ""): Promise<Page> {
  const page = await openAs("qt.demo", "supervisor", query);
  await byId(page, "nav-people").click();
  await byId(page, "people-screen").waitFor();
  await byId(page, "person-row").first().waitFor();
  return page;
}

/** The row of one login. */
function row(page: Page, login: string) {
  return page.locator(`[data-testid="person-row"][data-login="${login}"]`);
}

async function cells(page: Page, login: string): Promise<string[]> {
  const r = row(page, login);
  return Promise.all(
    ["person-login", "person-name", "person-role", "person-status", "person-campaigns"].map((id) => textOf(r.getByTestId(id))),
  );
}

async function focused(page: Page): Promise<string | null | undefined> {
  return page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
}

describe("Nhân sự", () => {
  test("lists everyone with their login, role in Vietnamese, status and campaigns", async () => {
    const page = await adminAtPeople();
    await expectText(byId(page, "people-screen"), "Nhân sự");
    expect(await byId(page, "person-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-login")))).toEqual([
      "qt.demo",
      "dtv.lan",
      "dtv.minh",
      "gsv.hong",
    ]);
    expect(await cells(page, "dtv.lan")).toEqual(["dtv.lan", "Nguyễn Thị Lan", "Điện thoại viên", "Đang hoạt động", "DEMO-2026-Q4"]);
    expect(await cells(page, "gsv.hong")).toEqual(["gsv.hong", "Lê Thị Hồng", "Giám sát viên", "Đang hoạt động", "DEMO-2026-Q4"]);
    expect(await cells(page, "qt.demo")).toEqual([
      "qt.demo",
      "Quản trị viên (dữ liệu mẫu) (bạn)",
      "Quản trị viên",
      "Đang hoạt động",
      "Mọi đợt (quản trị viên)",
    ]);
    await expectText(byId(page, "people-count"), "4 người");
    // Nobody locks themselves out.
    expect(await row(page, "qt.demo").getByTestId("person-active").count()).toBe(0);
    expect(await textOf(row(page, "dtv.lan").getByTestId("person-active"))).toBe("Khoá");
    await screenshot(page, "people");
  });

  test("adds an operator: a mismatched password is refused in the form, Enter adds, and the new person logs in", async () => {
    const page = await adminAtPeople();
    await byId(page, "people-add").click();
    const dialog = byId(page, "add-person-dialog");
    await dialog.waitFor();
    expect(await focused(page)).toBe("add-login");
    expect(await byId(page, "add-role").locator("option").allTextContents()).toEqual([
      "Điện thoại viên",
      "Giám sát viên",
      "Quản trị viên",
    ]);
    await byId(page, "add-login").fill("dtv.thu");
    await byId(page, "add-name").fill("Phạm Thị Thu");
    await byId(page, "add-campaign-DEMO-2026-Q4").check();
    expect(await byId(page, "add-campaign-DEMO-2027-Q1").isChecked()).toBe(false);
    await byId(page, "add-password").fill("Thu@tongdai2026");
    await byId(page, "add-password-again").fill("Thu@tongdai2027");
    await byId(page, "add-password-again").press("Enter");
    await expectText(byId(page, "add-password-mismatch"), "Hai lần nhập mật khẩu không giống nhau. Hãy nhập lại.");
    expect(await byId(page, "add-password").inputValue()).toBe("");
    expect(await byId(page, "add-password-again").inputValue()).toBe("");
    expect(await focused(page)).toBe("add-password");
    expect(await callsOf(page, "add_person")).toHaveLength(0);
    await screenshot(page, "people-add");

    await byId(page, "add-password").fill("Thu@tongdai2026");
    expect(await byId(page, "add-password-mismatch").count()).toBe(0);
    await byId(page, "add-password-again").fill("Thu@tongdai2026");
    await byId(page, "add-password-again").press("Enter");
    await expectGone(dialog);
    await expectText(byId(page, "people-message"), "Đã thêm Phạm Thị Thu (dtv.thu).");
    expect(await cells(page, "dtv.thu")).toEqual(["dtv.thu", "Phạm Thị Thu", "Điện thoại viên", "Đang hoạt động", "DEMO-2026-Q4"]);
    expect(req<AddPersonRequest>((await callsOf(page, "add_person"))[0])).toEqual({
      login: "dtv.thu",
      fullName: "Phạm Thị Thu",
      role: "operator",
      campaigns: ["DEMO-2026-Q4"],
      password: "***",
    });

    // The supervisor screens can hand her cases at once.
    await byId(page, "nav-supervisor").click();
    await byId(page, "tab-reassign").click();
    await eventually(async () =>
      expect(await byId(page, "rs-to").locator("option").allTextContents()).toContain("Phạm Thị Thu (dtv.thu)"),
    );

    await logOut(page);
    await logIn(page, "dtv.thu", "Thu@tongdai2026");
    await byId(page, "desk").waitFor();
    expect(await textOf(byId(page, "current-person"))).toBe("Phạm Thị Thu · Điện thoại viên");
  });

  test("the core's refusals are shown in the add dialog; Esc closes it", async () => {
    const page = await adminAtPeople();
    await byId(page, "people-add").click();
    await byId(page, "add-login").fill("dtv.lan");
    await byId(page, "add-name").fill("Nguyễn Thị Lan");
    await byId(page, "add-password").fill("Lan@tongdai2027");
    await byId(page, "add-password-again").fill("Lan@tongdai2027");
    await byId(page, "add-person-confirm").click();
    await expectText(byId(page, "add-person-error"), "Đã có người với tên đăng nhập “dtv.lan”.");
    expect(await byId(page, "add-person-error").getAttribute("data-kind")).toBe("conflict");

    await byId(page, "add-login").fill("Thu Phạm");
    await byId(page, "add-person-confirm").click();
    await expectText(
      byId(page, "add-person-error"),
      "Tên đăng nhập “Thu Phạm” chỉ được có chữ không dấu, chữ số và các dấu . _ - (ví dụ dtv.lan).",
    );

    await byId(page, "add-login").fill("dtv.thu");
    await byId(page, "add-password").fill("ngan");
    await byId(page, "add-password-again").fill("ngan");
    await byId(page, "add-password-again").press("Enter");
    await expectText(byId(page, "add-person-error"), "Mật khẩu phải có ít nhất 8 ký tự.");
    // Refused: nobody was added, and the app's banner stays clear.
    expect(await byId(page, "error").count()).toBe(0);
    await page.keyboard.press("Escape");
    await expectGone(byId(page, "add-person-dialog"));
    expect(await byId(page, "person-row").count()).toBe(4);
  });

  test("disabling asks first, says how many held cases went back to the pool, and the person can no longer log in", async () => {
    const page = await adminAtPeople();
    // Minh is on a call with Dương Mỹ Linh.
    expect(await page.evaluate(() => window.__fake.cases.find((c) => c.name === "Dương Mỹ Linh")!.leaseHolder)).not.toBeNull();
    const minh = row(page, "dtv.minh");
    await minh.getByTestId("person-active").click();
    await expectText(byId(page, "active-dialog"), "Khoá tài khoản dtv.minh?");
    await expectText(byId(page, "active-dialog"), "Trần Quốc Minh sẽ không đăng nhập được nữa.");
    // Cancel has the focus: Enter alone locks nobody out; Esc closes.
    expect(await focused(page)).toBe("active-cancel");
    await page.keyboard.press("Escape");
    await expectGone(byId(page, "active-dialog"));
    expect(await callsOf(page, "set_person_active")).toHaveLength(0);

    await minh.getByTestId("person-active").click();
    await screenshot(page, "people-disable");
    await byId(page, "active-confirm").click();
    await expectGone(byId(page, "active-dialog"));
    await expectText(
      byId(page, "people-message"),
      "Đã khoá tài khoản dtv.minh. 1 ca người này đang giữ đã trở lại danh sách chung.",
    );
    await expectText(minh.getByTestId("person-status"), "Đã khoá");
    expect(await textOf(minh.getByTestId("person-active"))).toBe("Mở khoá");
    expect(await page.evaluate(() => window.__fake.cases.find((c) => c.name === "Dương Mỹ Linh")!.leaseHolder)).toBeNull();

    // Lan holds nothing.
    await row(page, "dtv.lan").getByTestId("person-active").click();
    await byId(page, "active-confirm").click();
    await expectText(byId(page, "people-message"), "Đã khoá tài khoản dtv.lan. Người này không giữ ca nào.");

    await logOut(page);
    await logIn(page, "dtv.minh");
    await expectText(byId(page, "login-error"), "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khoá.");

    // Enabled again, he logs in.
    await logIn(page, "qt.demo");
    await byId(page, "nav-people").click();
    await row(page, "dtv.minh").getByTestId("person-active").click();
    await expectText(byId(page, "active-dialog"), "Mở khoá tài khoản dtv.minh?");
    await byId(page, "active-confirm").click();
    await expectText(byId(page, "people-message"), "Đã mở khoá tài khoản dtv.minh.");
    await expectText(row(page, "dtv.minh").getByTestId("person-status"), "Đang hoạt động");
    await logOut(page);
    await logIn(page, "dtv.minh");
    await byId(page, "desk").waitFor();
  });

  test("resets a password typed twice: the old one no longer opens, the new one does", async () => {
    const page = await adminAtPeople();
    await row(page, "dtv.lan").getByTestId("person-password").click();
    const dialog = byId(page, "password-dialog");
    await expectText(dialog, "Đặt lại mật khẩu cho Nguyễn Thị Lan");
    expect(await focused(page)).toBe("password-new");
    await byId(page, "password-new").fill("Lan@moi2026");
    await byId(page, "password-new-again").fill("Lan@moi2062");
    await byId(page, "password-new-again").press("Enter");
    await expectText(byId(page, "password-new-mismatch"), "Hai lần nhập mật khẩu không giống nhau. Hãy nhập lại.");
    expect(await callsOf(page, "set_person_password")).toHaveLength(0);

    await byId(page, "password-new").fill("aaaaaaaa");
    await byId(page, "password-new-again").fill("aaaaaaaa");
    await byId(page, "password-new-again").press("Enter");
    await expectText(byId(page, "password-error"), "Mật khẩu không được chỉ là một ký tự lặp lại.");

    await byId(page, "password-new").fill("Lan@moi2026");
    await byId(page, "password-new-again").fill("Lan@moi2026");
    await byId(page, "password-new-again").press("Enter");
    await expectGone(dialog);
    await expectText(byId(page, "people-message"), "Đã đặt mật khẩu mới cho dtv.lan.");
    const sent = (await callsOf(page, "set_person_password")).map((c) => req<PersonPasswordRequest>(c));
    expect(sent.at(-1)).toEqual({ login: "dtv.lan", password: "***" });
    expect(await page.content()).not.toContain("Lan@moi2026");

    await logOut(page);
    await logIn(page, "dtv.lan", PASSWORDS["dtv.lan"]);
    await expectText(byId(page, "login-error"), "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khoá.");
    await logIn(page, "dtv.lan", "Lan@moi2026");
    await byId(page, "desk").waitFor();
  });

  test("puts an operator on a second campaign, takes another off; each then has only their campaigns", async () => {
    const page = await adminAtPeople();
    await row(page, "dtv.lan").getByTestId("person-assign").click();
    const dialog = byId(page, "assign-dialog");
    await expectText(dialog, "Đợt khảo sát của Nguyễn Thị Lan");
    expect(await byId(page, "assign-DEMO-2026-Q4").isChecked()).toBe(true);
    expect(await byId(page, "assign-DEMO-2027-Q1").isChecked()).toBe(false);
    await byId(page, "assign-DEMO-2027-Q1").check();
    await screenshot(page, "people-assign");
    await byId(page, "assign-DEMO-2027-Q1").press("Enter");
    await expectGone(dialog);
    await expectText(byId(page, "people-message"), "Đã cập nhật đợt khảo sát của dtv.lan.");
    await expectText(row(page, "dtv.lan").getByTestId("person-campaigns"), "DEMO-2027-Q1");
    expect(await row(page, "dtv.lan").getByTestId("person-campaigns").locator("li").allTextContents()).toEqual([
      "DEMO-2026-Q4",
      "DEMO-2027-Q1",
    ]);
    expect((await callsOf(page, "assign_person")).map((c) => req<AssignPersonRequest>(c))).toEqual([
      { login: "dtv.lan", campaign: "DEMO-2027-Q1", assigned: true },
    ]);

    await row(page, "dtv.minh").getByTestId("person-assign").click();
    await byId(page, "assign-DEMO-2026-Q4").uncheck();
    await byId(page, "assign-confirm").click();
    await expectText(row(page, "dtv.minh").getByTestId("person-campaigns"), "Chưa giao đợt nào");
    expect(req<AssignPersonRequest>((await callsOf(page, "assign_person")).at(-1))).toEqual({
      login: "dtv.minh",
      campaign: "DEMO-2026-Q4",
      assigned: false,
    });

    await logOut(page);
    await logIn(page, "dtv.lan");
    await byId(page, "campaign-choice-DEMO-2027-Q1").waitFor();
    expect(await byId(page, "campaign-choice-DEMO-2026-Q4").count()).toBe(1);
    await logOut(page);
    await logIn(page, "dtv.minh");
    await expectText(byId(page, "no-campaign"), "Bạn chưa được giao đợt khảo sát nào. Hãy báo quản trị viên.");
  });

  test("English labels on Nhân sự", async () => {
    const page = await adminAtPeople();
    await byId(page, "lang-toggle").click();
    await expectText(byId(page, "people-table").locator("thead"), "Login");
    expect(await cells(page, "gsv.hong")).toEqual(["gsv.hong", "Lê Thị Hồng", "Supervisor", "Active", "DEMO-2026-Q4"]);
    await expectText(byId(page, "people-add"), "Add a person");
    await row(page, "dtv.lan").getByTestId("person-password").click();
    await expectText(byId(page, "password-dialog"), "Reset the password of Nguyễn Thị Lan");
    await byId(page, "password-cancel").click();
    await expectGone(byId(page, "password-dialog"));
  });
});
