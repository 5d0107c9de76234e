// UI tests of the agency catalogue: the import preview lists the agencies the catalogue does not
// know and adds them in the same step as the import; the catalogue adds an agency and corrects a
// name (its code kept).
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { AgencyView, ImportFileRequest } from "../../src/api/bindings";
import { byId, callsOf, expectText, openAs, req, screenshot, textOf, useBrowser } from "./harness";

useBrowser();

async function importTab(): Promise<Page> {
  const page = await openAs("gsv.hong", "supervisor");
  await byId(page, "tab-import").click();
  await byId(page, "import-screen").waitFor();
  return page;
}

const row = (page: Page, code: string) => page.locator(`[data-testid="agc-row"][data-code="${code}"]`);

describe("agency catalogue", () => {
  test("the preview offers the agencies the catalogue does not know, and the import adds them", async () => {
    const page = await importTab();
    await byId(page, "import-path").fill("/home/gsv/Tải xuống/danh-sach.csv");
    await byId(page, "import-preview").click();
    await expectText(
      byId(page, "import-unknown-agencies"),
      "1 cơ quan trong tệp chưa có trong danh mục: các dòng của cơ quan đó sẽ bị từ chối nếu không thêm.",
    );
    const unknown = byId(page, "import-unknown-row");
    expect((await unknown.allTextContents()).map((t) => t.trim())).toEqual(["Sở Nội vụSNV1"]);
    await screenshot(page, "import-unknown-agencies");
    await byId(page, "import-add-agencies").check();
    await byId(page, "import-run").click();
    await expectText(byId(page, "import-agencies-added"), "Đã thêm vào danh mục: SNV — Sở Nội vụ.");
    expect(req<ImportFileRequest>((await callsOf(page, "import_list"))[0]).addAgencies).toBe(true);
    // Its row is no longer rejected; the catalogue below lists it.
    expect(await byId(page, "import-reject-row").count()).toBe(3);
    await expectText(row(page, "SNV").getByTestId("agc-name"), "Sở Nội vụ");
  });

  test("without the box ticked, nothing is added and the rows are rejected", async () => {
    const page = await importTab();
    await byId(page, "import-path").fill("/home/gsv/Tải xuống/danh-sach.csv");
    await byId(page, "import-preview").click();
    await byId(page, "import-unknown-agencies").waitFor();
    await byId(page, "import-run").click();
    await byId(page, "import-summary").waitFor();
    expect(req<ImportFileRequest>((await callsOf(page, "import_list"))[0]).addAgencies).toBe(false);
    expect(await byId(page, "import-agencies-added").count()).toBe(0);
    expect(await byId(page, "import-reject-row").count()).toBe(4);
  });

  test("a supervisor adds an agency and corrects a name; the code stays", async () => {
    const page = await importTab();
    await byId(page, "agc-new-code").fill("SXD");
    await byId(page, "agc-new-name").fill("Sở Xây dựng");
    await byId(page, "agc-add").click();
    await expectText(byId(page, "agc-done"), "Đã thêm cơ quan SXD — Sở Xây dựng.");
    await expectText(row(page, "SXD").getByTestId("agc-name"), "Sở Xây dựng");

    await row(page, "STP").getByTestId("agc-rename").click();
    await byId(page, "agc-edit-name").fill("Sở Tư pháp tỉnh Đồng Tháp");
    await byId(page, "agc-edit-name").press("Enter");
    await expectText(byId(page, "agc-done"), "Đã đổi tên cơ quan STP thành “Sở Tư pháp tỉnh Đồng Tháp”.");
    expect(req<AgencyView>((await callsOf(page, "rename_agency"))[0])).toEqual({ code: "STP", name: "Sở Tư pháp tỉnh Đồng Tháp" });
    await expectText(row(page, "STP").getByTestId("agc-name"), "Sở Tư pháp tỉnh Đồng Tháp");

    // An empty name is refused, said in the banner, and the old name stays.
    await row(page, "STC").getByTestId("agc-rename").click();
    await byId(page, "agc-edit-name").fill("   ");
    await byId(page, "agc-save").click();
    await expectText(byId(page, "error"), "Tên cơ quan không được để trống.");
    await byId(page, "agc-cancel").click();
    expect(await textOf(row(page, "STC").getByTestId("agc-name"))).toBe("Sở Tài chính");
    await screenshot(page, "agency-catalogue");
  });
});
