// UI tests of the supervisor's reassignment and take-back: filters, preview, move, the report
// (moved, already there, changed meanwhile, in a call), the audit, and "Thu hồi" on a case in call.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { ApiError, CaseSelection, ForceReleaseRequest, Lease, ReassignRequest } from "../../src/api/bindings";
import { LAN, MINH } from "../fake/data";
import {
  byId,
  callsOf,
  eventually,
  expectGone,
  expectText,
  openAs,
  req,
  screenshot,
  textOf,
  useBrowser,
} from "./harness";

useBrowser();

async function hongAtSupervisor(query = ""): Promise<Page> {
  const page = await openAs("gsv.hong", "supervisor", query);
  await eventually(async () => expect(await byId(page, "case-row").count()).toBe(12));
  return page;
}

async function reassignTab(page: Page): Promise<void> {
  await byId(page, "tab-reassign").click();
  await byId(page, "reassign").waitFor();
}

/** The row of one respondent in the case table. */
function row(page: Page, name: string) {
  return byId(page, "case-row").filter({ has: page.getByTestId("case-row-name").getByText(name, { exact: true }) });
}

async function caseIdOf(page: Page, name: string): Promise<string> {
  return page.evaluate((n) => window.__fake.cases.find((c) => c.name === n)!.id, name);
}

describe("reassignment", () => {
  test("the preview counts the matching cases; moving them reports it, logs it and the table follows", async () => {
    const page = await hongAtSupervisor();
    await reassignTab(page);
    // Agencies come from the campaign's cases; statuses have their Vietnamese names.
    await expectText(byId(page, "rs-agency-STP"), "Sở Tư pháp");
    await expectText(byId(page, "rs-status-new"), "Chưa gọi");
    await expectText(byId(page, "rs-status-inCall"), "Đang gọi");
    await expectText(byId(page, "rs-status-closed"), "Đã đóng");
    expect(await byId(page, "rs-move").isDisabled()).toBe(true);

    await byId(page, "rs-from").selectOption("pool");
    await byId(page, "rs-status-new").click();
    await byId(page, "rs-preview").click();
    await expectText(byId(page, "rs-preview-count"), "2 ca khớp bộ lọc (Chưa gọi 2)");
    const selection = req<CaseSelection>((await callsOf(page, "select_cases"))[0]);
    expect(selection).toEqual({
      campaignId: "6f1c2d3e-0000-4000-8000-000000000001",
      agencyCodes: [],
      statuses: ["new"],
      callList: { kind: "pool" },
    });
    // No target yet: the move waits for one.
    expect(await byId(page, "rs-move").isDisabled()).toBe(true);
    await expectText(byId(page, "rs-need-target"), "Chọn danh sách chuyển đến để chuyển.");
    await byId(page, "rs-to").selectOption(LAN.id);
    await expectText(byId(page, "rs-move"), "Chuyển 2 ca → Nguyễn Thị Lan");
    await screenshot(page, "reassign-preview");
    await byId(page, "rs-move").click();
    await expectText(byId(page, "rs-moved"), "Đã chuyển 2/2 ca đến Nguyễn Thị Lan.");
    expect(await byId(page, "rs-conflicts").count()).toBe(0);
    const move = req<ReassignRequest>((await callsOf(page, "reassign"))[0]);
    // Who moves them is the person logged in, not a field of the request.
    expect(Object.keys(move).sort()).toEqual(["campaignId", "cases", "toOperator"]);
    expect(move.toOperator).toBe(LAN.id);
    expect(move.cases.map((c) => c.caseId).sort()).toEqual(
      [await caseIdOf(page, "Lê Ngọc Hạnh"), await caseIdOf(page, "Hồ Thanh Bình")].sort(),
    );
    expect(move.cases.every((c) => c.version === 1)).toBe(true);
    // The audit lists both moves, newest first, with the lists by name.
    await eventually(async () => expect(await byId(page, "audit-row").count()).toBe(2));
    await expectText(byId(page, "audit-row").first().getByTestId("audit-change"), "Danh sách chung → Nguyễn Thị Lan");
    await expectText(byId(page, "audit-row").first().getByTestId("audit-action"), "Chuyển ca");
    await expectText(byId(page, "audit"), "Lê Thị Hồng");
    // The embedded file keeps no database trail: no such section.
    expect(await byId(page, "trail").count()).toBe(0);
    await screenshot(page, "reassign");

    // The preview is spent: moving again needs a new one.
    expect(await byId(page, "rs-move").isDisabled()).toBe(true);
    await byId(page, "tab-cases").click();
    await expectText(row(page, "Lê Ngọc Hạnh").getByTestId("case-row-call-list"), "Nguyễn Thị Lan");
    await expectText(row(page, "Hồ Thanh Bình").getByTestId("case-row-call-list"), "Nguyễn Thị Lan");
  });

  test("several agencies at once; cases already on the target list are reported as unchanged", async () => {
    const page = await hongAtSupervisor();
    await reassignTab(page);
    await byId(page, "rs-agency-STP").click();
    await byId(page, "rs-agency-STC").click();
    expect(await byId(page, "rs-agency-all").getAttribute("aria-pressed")).toBe("false");
    await byId(page, "rs-status-new").click();
    await byId(page, "rs-status-retry").click();
    await byId(page, "rs-preview").click();
    // STP: Phạm Văn Hùng (new), Huỳnh Đức Tài (retry); STC: Lê Ngọc Hạnh (new).
    await expectText(byId(page, "rs-preview-count"), "3 ca khớp bộ lọc (Chưa gọi 2 · Chờ gọi lại 1)");
    expect(req<CaseSelection>((await callsOf(page, "select_cases"))[0])).toMatchObject({
      agencyCodes: ["STP", "STC"],
      statuses: ["new", "retry"],
      callList: { kind: "any" },
    });
    await byId(page, "rs-to").selectOption(LAN.id);
    await byId(page, "rs-move").click();
    await expectText(byId(page, "rs-moved"), "Đã chuyển 1/3 ca đến Nguyễn Thị Lan.");
    await expectText(byId(page, "rs-unchanged"), "2 ca đã ở danh sách đó, không cần chuyển.");
  });

  test("a case that changed after the preview is a conflict: left as it is, select again", async () => {
    const page = await hongAtSupervisor();
    await reassignTab(page);
    await byId(page, "rs-from").selectOption("pool");
    await byId(page, "rs-preview").click();
    await expectText(byId(page, "rs-preview-count"), "3 ca khớp bộ lọc");
    // An operator records a call on Lê Ngọc Hạnh meanwhile.
    const hanh = await caseIdOf(page, "Lê Ngọc Hạnh");
    await page.evaluate((id) => window.__fake.touchCase(id), hanh);
    await byId(page, "rs-to").selectOption(MINH.id);
    await byId(page, "rs-move").click();
    await expectText(byId(page, "rs-moved"), "Đã chuyển 2/3 ca đến Trần Quốc Minh.");
    await expectText(byId(page, "rs-conflicts"), "1 ca đã thay đổi trong lúc chọn, hãy chọn lại.");
    await screenshot(page, "reassign-conflict");
    expect(await page.evaluate((id) => window.__fake.cases.find((c) => c.id === id)!.assignedTo, hanh)).toBeNull();
    // Selecting again (same filters) takes the new version.
    await byId(page, "rs-reselect").click();
    await expectText(byId(page, "rs-preview-count"), "1 ca khớp bộ lọc");
    await expectGone(byId(page, "rs-result"));
    await byId(page, "rs-move").click();
    await expectText(byId(page, "rs-moved"), "Đã chuyển 1/1 ca đến Trần Quốc Minh.");
    await byId(page, "tab-cases").click();
    await expectText(row(page, "Lê Ngọc Hạnh").getByTestId("case-row-call-list"), "Trần Quốc Minh");
    await expectText(row(page, "Hồ Thanh Bình").getByTestId("case-row-call-list"), "Trần Quốc Minh");
  });

  test("a case in a call is moved, and its operator keeps it until the call ends; the pool is a target too", async () => {
    const page = await hongAtSupervisor();
    await reassignTab(page);
    await byId(page, "rs-from").selectOption(MINH.id);
    await byId(page, "rs-status-inCall").click();
    await byId(page, "rs-preview").click();
    await expectText(byId(page, "rs-preview-count"), "1 ca khớp bộ lọc (Đang gọi 1)");
    await byId(page, "rs-to").selectOption("pool");
    await expectText(byId(page, "rs-move"), "Chuyển 1 ca → Danh sách chung");
    await byId(page, "rs-move").click();
    await expectText(byId(page, "rs-moved"), "Đã chuyển 1/1 ca đến Danh sách chung.");
    await expectText(byId(page, "rs-in-call"), "1 ca đang trong cuộc gọi, sẽ chuyển khi cuộc gọi kết thúc.");
    expect(req<ReassignRequest>((await callsOf(page, "reassign"))[0]).toOperator).toBeNull();
  });

  test("the filters change the preview: a changed filter asks for a new one", async () => {
    const page = await hongAtSupervisor();
    await reassignTab(page);
    await byId(page, "rs-preview").click();
    await expectText(byId(page, "rs-preview-count"), "12 ca khớp bộ lọc");
    await byId(page, "rs-status-closed").click();
    await expectGone(byId(page, "rs-preview-count"));
    await byId(page, "rs-preview").click();
    await expectText(byId(page, "rs-preview-count"), "3 ca khớp bộ lọc (Đã đóng 3)");
    await byId(page, "rs-status-all").click();
    expect(await byId(page, "rs-status-closed").getAttribute("aria-pressed")).toBe("false");
  });
});

describe("take back", () => {
  test("“Thu hồi” on a case in call asks first, says who held it, and fences the old holder off", async () => {
    const page = await hongAtSupervisor();
    // Only a case in a call has the button.
    expect(await byId(page, "case-row-release").count()).toBe(1);
    const linh = row(page, "Dương Mỹ Linh");
    await expectText(linh.getByTestId("case-row-status"), "Đang gọi (Trần Quốc Minh)");
    const lease: Lease = await page.evaluate(() => {
      const c = window.__fake.cases.find((x) => x.name === "Dương Mỹ Linh")!;
      return window.__fake.leaseOf(c);
    });

    await linh.getByTestId("case-row-release").click();
    await expectText(byId(page, "release-text"), "Ca của Dương Mỹ Linh đang do Trần Quốc Minh giữ.");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("release-cancel");
    await page.keyboard.press("Escape");
    await expectGone(byId(page, "release-dialog"));
    await linh.getByTestId("case-row-release").click();
    await byId(page, "release-cancel").click();
    await expectGone(byId(page, "release-dialog"));
    expect(await callsOf(page, "force_release")).toHaveLength(0);

    await linh.getByTestId("case-row-release").click();
    await screenshot(page, "force-release");
    await byId(page, "release-confirm").click();
    await expectText(byId(page, "release-result"), "Đã thu hồi ca của Dương Mỹ Linh từ Trần Quốc Minh.");
    await expectText(linh.getByTestId("case-row-status"), "Chưa gọi");
    expect(await byId(page, "case-row-release").count()).toBe(0);
    expect(req<ForceReleaseRequest>((await callsOf(page, "force_release"))[0])).toEqual({ caseId: lease.caseId });
    // Minh's workstation can no longer write under its old lease.
    const refused = await page.evaluate((l) => {
      try {
        window.__fake.as("dtv.minh", () => window.__fake.api.heartbeat(l));
        return null;
      } catch (e) {
        return e as ApiError;
      }
    }, lease);
    expect(refused?.kind).toBe("leaseLost");

    await reassignTab(page);
    await eventually(async () => expect(await byId(page, "audit-row").count()).toBe(1));
    await expectText(byId(page, "audit-action"), "Thu hồi ca");
    await expectText(byId(page, "audit-case"), "Dương Mỹ Linh");
    await expectText(byId(page, "audit-change"), "Lấy lại từ Trần Quốc Minh");
  });

  test("an operator can neither move nor take back cases: no screen for it, and the core refuses", async () => {
    const page = await openAs("dtv.lan", "desk");
    expect(await byId(page, "supervisor").count()).toBe(0);
    expect(await byId(page, "tab-reassign").count()).toBe(0);
    expect(await byId(page, "case-row-release").count()).toBe(0);
    const refused = await page.evaluate(() => {
      const fake = window.__fake;
      const attempt = (work: () => unknown) => {
        try {
          work();
          return null;
        } catch (e) {
          return e as ApiError;
        }
      };
      return [
        attempt(() => fake.api.forceRelease({ caseId: fake.cases[11]!.id })),
        attempt(() => fake.api.reassign({ campaignId: fake.cases[0]!.campaignId, cases: [], toOperator: null })),
      ];
    });
    expect(refused).toEqual([
      { kind: "forbidden", message: "Chỉ giám sát viên của đợt khảo sát này được thu hồi ca." },
      { kind: "forbidden", message: "Chỉ giám sát viên của đợt khảo sát này được chuyển ca." },
    ]);
  });

  test("English labels for reassignment and take-back", async () => {
    const page = await hongAtSupervisor();
    await byId(page, "lang-toggle").click();
    await expectText(byId(page, "case-row-release"), "Take back");
    await reassignTab(page);
    await expectText(byId(page, "reassign"), "Move cases between call lists");
    await expectText(byId(page, "rs-status-new"), "Not called");
    await byId(page, "rs-preview").click();
    await expectText(byId(page, "rs-preview-count"), "12 cases match");
    expect(await textOf(byId(page, "tab-reassign"))).toBe("Reassign");
  });

  test("on the shared database, the server's own trail shows each move under the supervisor's name", async () => {
    const page = await hongAtSupervisor("postgres");
    await reassignTab(page);
    await expectText(byId(page, "trail-empty"), "Máy chủ chưa ghi thay đổi nào của đợt này.");
    await byId(page, "rs-from").selectOption("pool");
    await byId(page, "rs-status-new").click();
    await byId(page, "rs-preview").click();
    await byId(page, "rs-to").selectOption(LAN.id);
    await byId(page, "rs-move").click();
    await expectText(byId(page, "rs-moved"), "Đã chuyển 2/2 ca đến Nguyễn Thị Lan.");
    await eventually(async () => expect(await byId(page, "trail-row").count()).toBe(2));
    const first = byId(page, "trail-row").first();
    await expectText(first.getByTestId("trail-action"), "Sửa · ca");
    await expectText(first, "Lê Thị Hồng");
    await expectText(first.getByTestId("trail-changes"), "assigned_to: ∅ → Nguyễn Thị Lan");
    expect(["Lê Ngọc Hạnh", "Hồ Thanh Bình"]).toContain(await textOf(first.getByTestId("trail-row-key")));
    await screenshot(page, "reassign-trail");
  });
});
