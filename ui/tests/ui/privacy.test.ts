// UI tests of the administrator's "Dữ liệu cá nhân" screen: recording a person's request about
// their data (a withdrawal confirmed first, then in the register with its due dates, the masked
// number and the cases it removed), acknowledging and closing requests, overdue ones marked; the
// purge of a campaign (the core's refusals in place, the dry run's counts, the typed code), after
// which the supervisors see the cases' names and numbers gone; and nobody else sees the screen.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { ApiError, CloseRequestRequest, NewRequest, PurgeRequest } from "../../src/api/bindings";
import {
  byId,
  callsOf,
  eventually,
  expectGone,
  expectText,
  logIn,
  logOut,
  openAs,
  req,
  screenshot,
  textOf,
  useBrowser,
} from "./harness";

useBrowser();

async function adminAtPrivacy(query = ""): Promise<Page> {
  const page = await openAs("qt.demo", "supervisor", query);
  await byId(page, "nav-privacy").click();
  await byId(page, "privacy-screen").waitFor();
  return page;
}

/** The register's row of the request received that day (dd/mm/yyyy). */
function requestRow(page: Page, receivedOn: string) {
  return byId(page, "request-row").filter({ has: page.getByTestId("request-received").getByText(receivedOn, { exact: true }) });
}

/** The purge table's row of one campaign. */
function purgeRow(page: Page, code: string) {
  return page.locator(`[data-testid="purge-row"][data-code="${code}"]`);
}

/** A request's cells as they read on screen, lines joined by a space. */
async function cells(page: Page, receivedOn: string): Promise<string[]> {
  const r = requestRow(page, receivedOn);
  const ids = ["request-received", "request-kind", "request-phone", "request-note", "request-acknowledgement", "request-answer"];
  return Promise.all(ids.map(async (id) => (await r.getByTestId(id).innerText()).replace(/\s+/g, " ").trim()));
}

async function focused(page: Page): Promise<string | null | undefined> {
  return page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
}

/** What the fake's core answers to a command run by the person logged in. */
async function refusalOf(page: Page, run: "listRequests" | "purgeCampaign"): Promise<ApiError | null> {
  return page.evaluate((which) => {
    try {
      if (which === "listRequests") window.__fake.api.listRequests({ openOnly: false });
      else window.__fake.api.purgeCampaign({ campaignId: window.__fake.cases[0]!.campaignId, dryRun: true });
      return null;
    } catch (e) {
      return e as ApiError;
    }
  }, run);
}

const MAI_CASE = "c0000000-0000-4000-8000-000000000002";
const YEN_CASE = "c0000000-0000-4000-8000-000000000006";

describe("Dữ liệu cá nhân: requests", () => {
  test("records a withdrawal: the phone is required, the confirmation says the calls stop, the register shows it", async () => {
    const page = await adminAtPrivacy();
    await expectText(byId(page, "privacy-screen"), "Dữ liệu cá nhân");
    await expectText(byId(page, "requests-empty"), "Chưa có yêu cầu nào.");
    await byId(page, "requests-add").click();
    const dialog = byId(page, "request-dialog");
    await dialog.waitFor();
    expect(await focused(page)).toBe("request-kind-access");
    await byId(page, "request-kind-withdraw").check();
    await expectText(byId(page, "request-confirm"), "Tiếp tục");
    await byId(page, "request-received-on").fill("23/11/2026");
    await byId(page, "request-note").fill("Gọi đến 1022, không muốn được gọi khảo sát nữa.");
    await byId(page, "request-note").press("Enter");
    await expectText(byId(page, "request-phone-missing"), "Hãy nhập số điện thoại của người yêu cầu để tìm các ca của họ.");
    expect(await focused(page)).toBe("request-phone");
    expect(await callsOf(page, "add_request")).toHaveLength(0);
    await screenshot(page, "privacy-request");

    // Nguyễn Thị Mai, on Lan's call list.
    await byId(page, "request-phone").fill("0912 456 789");
    await byId(page, "request-phone").press("Enter");
    const confirm = byId(page, "request-confirm-step");
    await expectText(confirm, "Xoá dữ liệu của số 0912 456 789?");
    await expectText(
      byId(page, "request-confirm-text"),
      "họ tên và số điện thoại của người này bị xoá khỏi mọi đợt khảo sát và các cuộc gọi cho người này dừng lại: không ai gọi lại nữa",
    );
    await expectText(confirm, "Câu trả lời và số liệu đã có được giữ nguyên. Không hoàn tác được.");
    // Back has the focus: Enter alone removes nothing.
    expect(await focused(page)).toBe("request-back");
    expect(await callsOf(page, "add_request")).toHaveLength(0);
    await screenshot(page, "privacy-withdraw-confirm");

    // Back keeps what was typed; going on asks again.
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    expect(await byId(page, "request-phone").inputValue()).toBe("0912 456 789");
    expect(await byId(page, "request-kind-withdraw").isChecked()).toBe(true);
    await byId(page, "request-confirm").click();
    await byId(page, "request-forget").click();
    await expectGone(byId(page, "request-confirm-step"));
    await expectText(
      byId(page, "requests-message"),
      "Đã ghi yêu cầu “Rút lại sự đồng ý” và xoá họ tên, số điện thoại ở 1 ca; không ai gọi cho người này nữa. Hạn tiếp nhận 25/11/2026, hạn trả lời 08/12/2026.",
    );
    expect(req<NewRequest>((await callsOf(page, "add_request"))[0])).toEqual({
      kind: "withdraw",
      phone: "0912 456 789",
      receivedOn: "2026-11-23",
      note: "Gọi đến 1022, không muốn được gọi khảo sát nữa.",
    });
    await eventually(async () =>
      expect(await cells(page, "23/11/2026")).toEqual([
        "23/11/2026",
        "Rút lại sự đồng ý Đã xoá họ tên, số điện thoại ở 1 ca",
        "091****789",
        "Gọi đến 1022, không muốn được gọi khảo sát nữa.",
        "Hạn 25/11/2026",
        "Hạn 08/12/2026",
      ]),
    );
    expect(await byId(page, "request-overdue").count()).toBe(0);
    await expectText(byId(page, "requests-summary"), "1 chưa đóng");
    // The number is shown masked only.
    expect(await textOf(page.locator("main"))).not.toContain("456 789");

    // Her case has lost her name and number: the supervisor list says so.
    await byId(page, "nav-supervisor").click();
    const mai = page.locator(`[data-testid="case-row"][data-case-id="${MAI_CASE}"]`);
    await expectText(mai.getByTestId("case-row-name"), "đã xoá dữ liệu cá nhân");
    expect(await mai.getByTestId("case-row-phone").count()).toBe(0);
    expect(await byId(page, "case-row-name").allTextContents()).not.toContain("Nguyễn Thị Mai");
  });

  test("acknowledges one request and closes another (an empty answer refused); overdue ones are marked", async () => {
    const page = await adminAtPrivacy("requests");
    await eventually(async () => expect(await byId(page, "request-row").count()).toBe(3));
    expect(await byId(page, "request-received").allTextContents()).toEqual(["02/11/2026", "05/11/2026", "20/11/2026"]);
    await expectText(byId(page, "requests-summary"), "2 chưa đóng 1 quá hạn");
    // Received on Thursday 05/11: acknowledged by Monday 09/11, answered by 20/11; neither done.
    expect(await cells(page, "05/11/2026")).toEqual([
      "05/11/2026",
      "Xem dữ liệu",
      "035****012",
      "Thư gửi Sở Tài chính, hỏi vì sao Tổng đài có số điện thoại của mình.",
      "Hạn 09/11/2026 Quá hạn",
      "Hạn 20/11/2026 Quá hạn",
    ]);
    // Received on Friday 20/11: two working days are Monday and Tuesday.
    expect(await cells(page, "20/11/2026")).toEqual([
      "20/11/2026",
      "Sửa dữ liệu",
      "—",
      "Báo họ tên trong danh sách bị viết sai dấu.",
      "Hạn 24/11/2026",
      "Hạn 05/12/2026",
    ]);
    const closed = requestRow(page, "02/11/2026");
    expect((await cells(page, "02/11/2026")).slice(4)).toEqual([
      "Đã tiếp nhận 03/11/2026",
      "Đã trả lời 10/11/2026 Đã gọi lại ngày 10/11/2026, đọc cho người đó họ tên, số điện thoại và hồ sơ đang giữ.",
    ]);
    expect(await closed.locator("button").count()).toBe(0);
    await screenshot(page, "privacy");

    await requestRow(page, "20/11/2026").getByTestId("request-acknowledge").click();
    await expectText(byId(page, "requests-message"), "Đã ghi tiếp nhận yêu cầu “Sửa dữ liệu” nhận ngày 20/11/2026.");
    await expectText(requestRow(page, "20/11/2026").getByTestId("request-acknowledgement"), "Đã tiếp nhận 23/11/2026");
    expect(await requestRow(page, "20/11/2026").getByTestId("request-acknowledge").count()).toBe(0);

    const overdue = requestRow(page, "05/11/2026");
    await overdue.getByTestId("request-close").click();
    const dialog = byId(page, "close-request-dialog");
    await expectText(dialog, "Đóng yêu cầu “Xem dữ liệu” nhận ngày 05/11/2026");
    await expectText(byId(page, "close-request-asked"), "Thư gửi Sở Tài chính");
    expect(await focused(page)).toBe("close-request-note");
    await byId(page, "close-request-note").press("Enter");
    await expectText(byId(page, "close-request-empty"), "Hãy ghi đã trả lời người yêu cầu thế nào trước khi đóng.");
    await byId(page, "close-request-note").fill("   ");
    await byId(page, "close-request-confirm").click();
    await expectText(byId(page, "close-request-empty"), "Hãy ghi đã trả lời người yêu cầu thế nào trước khi đóng.");
    expect(await callsOf(page, "close_request")).toHaveLength(0);
    await screenshot(page, "privacy-close");

    const answer = "Đã gửi thư trả lời: số điện thoại có trong danh sách Sở Tài chính gửi Tổng đài.";
    await byId(page, "close-request-note").fill(answer);
    await byId(page, "close-request-note").press("Enter");
    await expectGone(dialog);
    await expectText(byId(page, "requests-message"), "Đã đóng yêu cầu “Xem dữ liệu” nhận ngày 05/11/2026.");
    expect(req<CloseRequestRequest>((await callsOf(page, "close_request"))[0])).toEqual({
      id: "d0000000-0000-4000-8000-000000000002",
      note: answer,
    });
    // Closing answers it and acknowledges it, today: nothing is overdue any more.
    await eventually(async () =>
      expect((await cells(page, "05/11/2026")).slice(4)).toEqual(["Đã tiếp nhận 23/11/2026", `Đã trả lời 23/11/2026 ${answer}`]),
    );
    expect(await byId(page, "request-overdue").count()).toBe(0);
    expect(await textOf(byId(page, "requests-summary"))).toBe("1 chưa đóng");

    await byId(page, "requests-open-only").check();
    await eventually(async () => expect(await byId(page, "request-received").allTextContents()).toEqual(["20/11/2026"]));
    expect(req<{ openOnly: boolean }>((await callsOf(page, "list_requests")).at(-1))).toEqual({ openOnly: true });
  });

  test("a request to see one's data is recorded at once; a wrong day is refused; two working days on it is overdue", async () => {
    const page = await adminAtPrivacy();
    await byId(page, "requests-add").click();
    // Access needs no number, and no second step.
    await expectText(byId(page, "request-confirm"), "Ghi yêu cầu");
    await byId(page, "request-received-on").fill("31/11/2026");
    await byId(page, "request-received-on").press("Enter");
    await expectText(byId(page, "request-date-problem"), "Không có ngày “31/11/2026”: hãy xem lại ngày và tháng.");
    expect(await focused(page)).toBe("request-received-on");
    // A day after the core's today is its refusal, in place.
    await byId(page, "request-received-on").fill("24/11/2026");
    await byId(page, "request-received-on").press("Enter");
    await expectText(byId(page, "request-error"), "Ngày nhận yêu cầu 24/11/2026 ở sau hôm nay.");
    expect(await byId(page, "error").count()).toBe(0);

    await byId(page, "request-received-on").fill("23/11/2026");
    await byId(page, "request-note").fill("Hỏi qua 1022 Tổng đài giữ gì về mình.");
    await byId(page, "request-note").press("Enter");
    await expectGone(byId(page, "request-dialog"));
    await expectText(
      byId(page, "requests-message"),
      "Đã ghi yêu cầu “Xem dữ liệu”: hạn tiếp nhận 25/11/2026, hạn trả lời 08/12/2026.",
    );
    expect(await textOf(requestRow(page, "23/11/2026").getByTestId("request-phone"))).toBe("—");

    // Thursday 26/11: the day to acknowledge it has passed, the day to answer it has not.
    await page.evaluate(() => {
      const was = window.__fake.now;
      window.__fake.now = () => was() + 3 * 24 * 3_600_000;
    });
    await byId(page, "nav-people").click();
    await byId(page, "nav-privacy").click();
    const row = requestRow(page, "23/11/2026");
    await expectText(row.getByTestId("request-acknowledgement"), "Hạn 25/11/2026 Quá hạn");
    expect(await textOf(row.getByTestId("request-answer"))).toBe("Hạn 08/12/2026");
    await expectText(byId(page, "requests-summary"), "1 chưa đóng 1 quá hạn");
  });
});

describe("Dữ liệu cá nhân: purging a campaign", () => {
  test("refusals in place, the dry run's counts, a wrong code refused, then purged; supervisors see the data gone", async () => {
    const page = await adminAtPrivacy();
    expect(await byId(page, "purge-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")))).toEqual([
      "DEMO-2026-Q4",
      "DEMO-2027-Q1",
    ]);
    expect(await textOf(purgeRow(page, "DEMO-2026-Q4").getByTestId("purge-period"))).toBe("Từ 01/10/2026 đến 15/11/2026");

    // The next campaign's list period has not ended.
    await purgeRow(page, "DEMO-2027-Q1").getByTestId("purge-open").click();
    await expectText(
      byId(page, "purge-error"),
      "Đợt DEMO-2027-Q1 còn nhận danh sách đến hết ngày 31/03/2027: chỉ xoá dữ liệu cá nhân sau ngày đó.",
    );
    expect(await byId(page, "purge-error").getAttribute("data-kind")).toBe("invalid");
    expect(await byId(page, "purge-confirm").count()).toBe(0);
    await page.keyboard.press("Escape");
    await expectGone(byId(page, "purge-dialog"));

    // Minh is on a call with Dương Mỹ Linh.
    await purgeRow(page, "DEMO-2026-Q4").getByTestId("purge-open").click();
    await expectText(byId(page, "purge-error"), "Đợt DEMO-2026-Q4 còn 1 ca đang trong cuộc gọi: chờ các cuộc gọi kết thúc rồi xoá.");
    expect(await byId(page, "purge-error").getAttribute("data-kind")).toBe("conflict");
    await expectText(byId(page, "purge-cancel"), "Đóng");
    await byId(page, "purge-cancel").click();
    await byId(page, "nav-supervisor").click();
    const linh = byId(page, "case-row").filter({ has: page.getByTestId("case-row-name").getByText("Dương Mỹ Linh") });
    await linh.getByTestId("case-row-release").click();
    await byId(page, "release-confirm").click();
    await byId(page, "release-result").waitFor();
    await byId(page, "nav-privacy").click();

    await purgeRow(page, "DEMO-2026-Q4").getByTestId("purge-open").click();
    await expectText(
      byId(page, "purge-counts"),
      "Sẽ xoá họ tên và số điện thoại của 12 ca và 7.166 hồ sơ; câu trả lời và số liệu được giữ nguyên.",
    );
    await eventually(async () => expect(await focused(page)).toBe("purge-code"));
    await byId(page, "purge-code").fill("DEMO-2026-Q3");
    await byId(page, "purge-code").press("Enter");
    await expectText(byId(page, "purge-wrong-code"), "Mã vừa gõ không phải DEMO-2026-Q4: chưa xoá gì. Hãy gõ đúng mã đợt.");
    await screenshot(page, "privacy-purge");
    // Only dry runs so far.
    const purges = async () =>
      (await callsOf(page, "purge_campaign")).filter((c) => !req<PurgeRequest>(c).dryRun).length;
    expect(await purges()).toBe(0);
    expect(await page.evaluate(() => window.__fake.cases.filter((c) => c.purged).length)).toBe(0);

    await byId(page, "purge-code").fill("DEMO-2026-Q4");
    await byId(page, "purge-code").press("Enter");
    await expectGone(byId(page, "purge-dialog"));
    await expectText(
      byId(page, "purge-message"),
      "Đã xoá họ tên và số điện thoại của 12 ca và 7.166 hồ sơ của đợt DEMO-2026-Q4.",
    );
    expect(await purges()).toBe(1);

    // The supervisor list: every case without its name and number, its answers and outcome kept.
    await byId(page, "nav-supervisor").click();
    await eventually(async () =>
      expect(new Set(await byId(page, "case-row-name").allTextContents())).toEqual(new Set(["đã xoá dữ liệu cá nhân"])),
    );
    expect(await byId(page, "case-row-name").count()).toBe(12);
    expect(await byId(page, "case-row-phone").count()).toBe(0);
    const yen = page.locator(`[data-testid="case-row"][data-case-id="${YEN_CASE}"]`);
    expect(await textOf(yen.getByTestId("case-row-status"))).toBe("Hoàn thành");
    expect(await textOf(yen.getByTestId("case-row-answers"))).toBe("27/27 câu");
    expect(await textOf(yen.getByTestId("case-row-dossier"))).toBe("UBND-PCL-261015-0006");
    await screenshot(page, "supervisor-purged");
    await byId(page, "tab-reassign").click();
    const audit = page.locator('[data-testid="audit-row"][data-action="purge"]');
    await expectText(audit.getByTestId("audit-action"), "Xoá dữ liệu cá nhân");
    await expectText(audit.getByTestId("audit-change"), "xoá họ tên và số điện thoại của 12 ca, 7166 hồ sơ");

    // The campaign's supervisor sees the same; a review names the dossier, not the person.
    await logOut(page);
    await logIn(page, "gsv.hong");
    await byId(page, "supervisor").waitFor();
    await expectText(yen.getByTestId("case-row-name"), "đã xoá dữ liệu cá nhân");
    expect(await textOf(page.locator("main"))).not.toContain("Võ Thị Yến");
    await yen.getByTestId("case-row-review").click();
    await expectText(byId(page, "interview-review"), "Phiếu của hồ sơ UBND-PCL-261015-0006");
    await expectText(byId(page, "consent-status"), "Đã đồng ý");
  });
});

describe("Dữ liệu cá nhân: who sees it", () => {
  test("an operator and a supervisor never see the screen, and the core refuses them its commands", async () => {
    const page = await openAs("dtv.lan", "desk");
    expect(await byId(page, "nav-privacy").count()).toBe(0);
    expect(await byId(page, "privacy-screen").count()).toBe(0);
    expect(await refusalOf(page, "listRequests")).toEqual({
      kind: "forbidden",
      message: "Chỉ quản trị viên được xem sổ yêu cầu về dữ liệu cá nhân.",
    });
    await logOut(page);
    await logIn(page, "gsv.hong");
    await byId(page, "supervisor").waitFor();
    expect(await byId(page, "nav-privacy").count()).toBe(0);
    expect(await byId(page, "privacy-screen").count()).toBe(0);
    expect(await refusalOf(page, "purgeCampaign")).toEqual({
      kind: "forbidden",
      message: "Chỉ quản trị viên được xoá dữ liệu cá nhân của một đợt khảo sát.",
    });
    expect(await callsOf(page, "list_requests")).toHaveLength(0);
  });

  test("the administrator goes between the supervisor screens, Nhân sự and Dữ liệu cá nhân", async () => {
    const page = await openAs("qt.demo", "supervisor");
    await expectText(byId(page, "nav-privacy"), "Dữ liệu cá nhân");
    await byId(page, "nav-privacy").click();
    await byId(page, "privacy-screen").waitFor();
    expect(await byId(page, "nav-privacy").count()).toBe(0);
    await byId(page, "nav-people").click();
    await byId(page, "people-screen").waitFor();
    await byId(page, "nav-privacy").click();
    await byId(page, "nav-supervisor").click();
    await byId(page, "supervisor").waitFor();
  });

  test("English labels on Dữ liệu cá nhân", async () => {
    const page = await adminAtPrivacy("requests");
    await byId(page, "lang-toggle").click();
    await expectText(byId(page, "privacy-screen").locator("h1"), "Personal data");
    await expectText(byId(page, "requests-table").locator("thead"), "Acknowledgement");
    await eventually(async () =>
      expect(await cells(page, "05/11/2026")).toEqual([
        "05/11/2026",
        "See their data",
        "035****012",
        "Thư gửi Sở Tài chính, hỏi vì sao Tổng đài có số điện thoại của mình.",
        "Due 09/11/2026 Overdue",
        "Due 20/11/2026 Overdue",
      ]),
    );
    await screenshot(page, "privacy-en");
    await byId(page, "requests-add").click();
    await byId(page, "request-kind-delete").check();
    await expectText(byId(page, "request-dialog"), "Required: their cases are found by this number.");
    await byId(page, "request-cancel").click();
    await purgeRow(page, "DEMO-2026-Q4").getByTestId("purge-open").click();
    await expectText(byId(page, "purge-error"), "Someone else changed the same thing first");
    await expectText(byId(page, "purge-error"), "Đợt DEMO-2026-Q4 còn 1 ca đang trong cuộc gọi");
  });
});
