// UI tests of the supervisor's import and sample tabs: preview, import, rejected rows, the draw and its waves.
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { DrawSampleRequest, ImportFileRequest, SaveRejectsRequest } from "../../src/api/bindings";
import { byId, callsOf, eventually, expectText, openAs, req, screenshot, textOf, useBrowser } from "./harness";

useBrowser();

const LIST = "/home/gsv/Tải xuống/danh-sach.csv";

async function hongAt(tab: "import" | "sample", query = ""): Promise<Page> {
  const page = await openAs("gsv.hong", "supervisor", query);
  await byId(page, `tab-${tab}`).click();
  await byId(page, tab === "import" ? "import-screen" : "sample-screen").waitFor();
  return page;
}

/** What the native dialogs answer next (a path, or null for Cancel). */
async function dialogs(page: Page, answers: { open?: string | null; save?: string | null }): Promise<void> {
  await page.evaluate((a) => {
    if (a.open !== undefined) window.__fake.dialogOpen = a.open;
    if (a.save !== undefined) window.__fake.dialogSave = a.save;
  }, answers);
}

async function previewFile(page: Page, path: string): Promise<void> {
  await byId(page, "import-path").fill(path);
  await byId(page, "import-preview").click();
}

/** The text of each cell (th or td) under `locator`. */
async function cells(locator: Locator): Promise<string[]> {
  return (await locator.locator("th, td").allTextContents()).map((c) => c.replace(/\s+/g, " ").trim());
}

function sampleRow(page: Page, code: string) {
  return page.locator(`[data-testid="sample-row"][data-agency="${code}"]`);
}

async function drawnByAgency(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const row of await byId(page, "sample-row").all()) {
    out[(await row.getAttribute("data-agency"))!] = await textOf(row.getByTestId("sample-drawn"));
  }
  return out;
}

describe("import tab", () => {
  test("choosing a file previews the column mapping and the first rows", async () => {
    const page = await hongAt("import");
    await byId(page, "import-choose").click();
    await expectText(byId(page, "import-file"), "danh-sach.csv: 8 dòng dữ liệu");
    expect(await byId(page, "import-path").inputValue()).toBe(LIST);
    const open = (await callsOf(page, "plugin:dialog|open"))[0]!.args as { options: { filters: { extensions: string[] }[] } };
    expect(open.options.filters[0]!.extensions).toEqual(["csv", "xlsx"]);

    const mapping = byId(page, "import-mapping-row");
    expect(await mapping.count()).toBe(7);
    expect(await cells(mapping.nth(1))).toEqual(["Họ và tên", "Họ tên"]);
    expect(await cells(mapping.nth(2))).toEqual(["SĐT", "Số điện thoại"]);
    expect(await cells(mapping.nth(5))).toEqual(["Ngày trả kết quả", "Ngày trả kết quả"]);
    expect(await cells(mapping.nth(6))).toEqual(["Ghi chú", "bỏ qua"]);
    expect(await mapping.nth(6).getAttribute("class")).toContain("is-ignored");

    const firstRows = byId(page, "import-first-rows");
    expect(await firstRows.locator("tbody tr").count()).toBe(8);
    expect((await cells(firstRows.locator("tbody tr").first())).slice(0, 4)).toEqual([
      "HS-2026-10-0101",
      "Nguyễn Văn An",
      "0912 345 678",
      "Sở Tư pháp",
    ]);
    expect(await cells(firstRows.locator("thead"))).toEqual([
      "Mã hồ sơ",
      "Họ và tên",
      "SĐT",
      "Đơn vị",
      "Tên thủ tục",
      "Ngày trả kết quả",
      "Ghi chú",
    ]);
    expect(await byId(page, "import-problem").count()).toBe(0);
    expect(await byId(page, "import-run").isEnabled()).toBe(true);
    const preview = req<ImportFileRequest>((await callsOf(page, "preview_import"))[0]);
    expect(preview).toMatchObject({ path: LIST, sheet: null });
  });

  test("a file without a required column shows the problem and cannot be imported", async () => {
    const page = await hongAt("import");
    await previewFile(page, "/tmp/thieu-cot.csv");
    await expectText(byId(page, "import-problem"), "Thiếu cột bắt buộc: Số điện thoại");
    expect(await byId(page, "import-run").isDisabled()).toBe(true);
    expect(await byId(page, "import-mapping-row").count()).toBe(5);
  });

  test("importing shows the summary and the rejected rows with their reasons", async () => {
    const page = await hongAt("import");
    await page.evaluate(() => window.__fake.delays.set("import_list", 400));
    await previewFile(page, LIST);
    await byId(page, "import-mapping").waitFor();
    await byId(page, "import-run").click();
    await byId(page, "import-progress").waitFor();
    await expectText(byId(page, "import-summary"), "Đã đọc 8 dòng: nhận 4, từ chối 4; 2 ca mới, đợt khảo sát có 14 ca.");
    expect(await byId(page, "import-progress").count()).toBe(0);

    const rows = byId(page, "import-reject-row");
    expect(await rows.count()).toBe(4);
    expect(await byId(page, "import-reject-line").allTextContents()).toEqual(["5", "6", "7", "8"]);
    expect(await textOf(rows.nth(0).getByTestId("import-reject-column"))).toBe("Số điện thoại");
    expect(await textOf(rows.nth(0).getByTestId("import-reject-value"))).toBe("061 3822 456");
    expect(await textOf(rows.nth(0).getByTestId("import-reject-reason"))).toBe(
      "đầu số 061 không phải đầu số di động đang dùng",
    );
    await expectText(rows.nth(1).getByTestId("import-reject-reason"), "ngoài thời gian của đợt khảo sát");
    expect(await textOf(rows.nth(2).getByTestId("import-reject-value"))).toBe("(trống)");
    await screenshot(page, "import");

    // The new cases are in the table; a second import of the same file adds nothing.
    await byId(page, "import-run").click();
    await expectText(byId(page, "import-summary"), "0 ca mới, đợt khảo sát có 14 ca.");
    await byId(page, "tab-cases").click();
    await eventually(async () => expect(await byId(page, "case-row").count()).toBe(14));
    await expectText(byId(page, "cases-table"), "Trần Thị Bích");
  });

  test("the rejected rows are saved where the save dialog says", async () => {
    const page = await hongAt("import");
    await dialogs(page, { save: "/home/gsv/sua/tu-choi.csv" });
    await previewFile(page, LIST);
    await byId(page, "import-run").click();
    await byId(page, "import-rejects").waitFor();
    await byId(page, "import-save-rejects").click();
    await expectText(byId(page, "import-saved"), "Đã lưu 4 dòng bị từ chối vào /home/gsv/sua/tu-choi.csv.");

    const dialog = (await callsOf(page, "plugin:dialog|save"))[0]!.args as { options: { defaultPath: string } };
    expect(dialog.options.defaultPath).toBe("/home/gsv/Tải xuống/danh-sach-tu-choi.csv");
    const saved = req<SaveRejectsRequest>((await callsOf(page, "save_rejects"))[0]);
    expect(saved.path).toBe(LIST);
    expect(saved.out).toBe("/home/gsv/sua/tu-choi.csv");
    expect(saved.rejections.map((r) => r.row)).toEqual([5, 6, 7, 8]);
    expect(saved.rejections[0]!.reason).toBe("đầu số 061 không phải đầu số di động đang dùng");

    // Cancelling the dialog writes nothing.
    await dialogs(page, { save: null });
    await byId(page, "import-save-rejects").click();
    await eventually(async () => expect(await callsOf(page, "plugin:dialog|save")).toHaveLength(2));
    expect(await callsOf(page, "save_rejects")).toHaveLength(1);
  });

  test("a file that cannot be read shows the error and imports nothing", async () => {
    const page = await hongAt("import");
    await previewFile(page, "/home/gsv/bao-cao.pdf");
    await expectText(byId(page, "error"), "Chỉ nhận tệp .csv hoặc .xlsx: bao-cao.pdf");
    expect(await byId(page, "error").getAttribute("data-kind")).toBe("invalid");
    expect(await byId(page, "import-mapping").count()).toBe(0);
    await byId(page, "import-run").click();
    await eventually(async () => expect(await callsOf(page, "import_list")).toHaveLength(1));
    expect(await byId(page, "import-summary").count()).toBe(0);
    await expectText(byId(page, "error"), "bao-cao.pdf");
  });

  test("an XLSX file asks for an optional sheet", async () => {
    const page = await hongAt("import");
    await byId(page, "import-path").fill("/tmp/danh-sach.xlsx");
    await byId(page, "import-sheet").fill("Danh sách");
    await byId(page, "import-preview").click();
    await expectText(byId(page, "import-file"), "danh-sach.xlsx, trang “Danh sách”: 8 dòng dữ liệu");
    expect(req<ImportFileRequest>((await callsOf(page, "preview_import"))[0]).sheet).toBe("Danh sách");
  });
});

describe("sample tab", () => {
  test("shows dossiers, minimum sample and drawn per agency; drawing fills them", async () => {
    const page = await hongAt("sample");
    await eventually(async () => expect(await byId(page, "sample-row").count()).toBe(4));
    const stp = sampleRow(page, "STP");
    expect(await textOf(stp.getByTestId("sample-agency"))).toBe("Sở Tư pháp");
    expect(await textOf(stp.getByTestId("sample-population"))).toBe("1.250");
    expect(await textOf(stp.getByTestId("sample-required"))).toBe("200");
    expect(await textOf(stp.getByTestId("sample-drawn"))).toBe("0");
    expect(await textOf(sampleRow(page, "STC").getByTestId("sample-required"))).toBe("86");
    expect(await textOf(sampleRow(page, "UBND-PCL").getByTestId("sample-required"))).toBe("500");
    expect(await textOf(byId(page, "sample-total-required"))).toBe("886");
    await expectText(byId(page, "sample-explain"), "Dưới 100 hồ sơ: chọn tất cả; 100–999: 100; 1.000–4.999: 200; từ 5.000: 500");
    expect(await byId(page, "sample-seed").inputValue()).toBe(String(new Date().getFullYear()));

    await byId(page, "sample-seed").fill("2026");
    await byId(page, "sample-draw").click();
    await eventually(async () =>
      expect(await drawnByAgency(page)).toEqual({ SNNMT: "100", STC: "80", STP: "200", "UBND-PCL": "500" }),
    );
    await expectText(byId(page, "sample-message"), "Đã chọn mẫu (Mức tối thiểu SIPAS, hạt giống 2026): tổng cộng 880 ca.");
    expect(await textOf(byId(page, "sample-total-drawn"))).toBe("880");
    expect(await stp.getByTestId("sample-bar").getAttribute("data-drawn")).toBe("200");
    const draw = req<DrawSampleRequest>((await callsOf(page, "draw_sample"))[0]);
    expect(draw).toMatchObject({ seed: 2026, rule: "tiers", margin: null, addAgency: null, addCount: null });
  });

  test("adding a wave to one agency raises only its drawn count", async () => {
    const page = await hongAt("sample");
    await byId(page, "sample-draw").click();
    await eventually(async () => expect(await textOf(byId(page, "sample-total-drawn"))).toBe("880"));
    const before = await drawnByAgency(page);
    const stp = sampleRow(page, "STP");
    await stp.getByTestId("sample-add-count").fill("30");
    await stp.getByTestId("sample-add").click();
    await eventually(async () => expect(await textOf(stp.getByTestId("sample-drawn"))).toBe("230"));
    expect(await drawnByAgency(page)).toEqual({ ...before, STP: "230" });
    await expectText(byId(page, "sample-message"), "Đã thêm 30 ca cho Sở Tư pháp trong một đợt mới.");
    const add = req<DrawSampleRequest>((await callsOf(page, "draw_sample"))[1]);
    expect(add).toMatchObject({ addAgency: "STP", addCount: 30 });
    await screenshot(page, "sample");
  });

  test("Slovin's rule asks for the margin and sizes the sample by the formula", async () => {
    const page = await hongAt("sample");
    expect(await byId(page, "sample-margin").count()).toBe(0);
    await byId(page, "sample-rule").selectOption("slovin");
    expect(await byId(page, "sample-margin").inputValue()).toBe("0.05");
    await expectText(byId(page, "sample-explain"), "n = N / (1 + N·e²)");
    await byId(page, "sample-draw").click();
    await eventually(async () => expect(await textOf(sampleRow(page, "STP").getByTestId("sample-required"))).toBe("304"));
    expect(req<DrawSampleRequest>((await callsOf(page, "draw_sample"))[0])).toMatchObject({ rule: "slovin", margin: 0.05 });
  });
});

describe("English labels", () => {
  test("import and sample tabs in English", async () => {
    const page = await hongAt("import");
    await byId(page, "lang-toggle").click();
    await expectText(byId(page, "tab-import"), "Import list");
    await expectText(byId(page, "import-choose"), "Choose file…");
    await previewFile(page, LIST);
    await expectText(byId(page, "import-mapping"), "ignored");
    await byId(page, "import-run").click();
    await expectText(byId(page, "import-summary"), "Read 8 rows: 4 accepted, 4 rejected; 2 new cases, the campaign has 14 cases.");
    await expectText(byId(page, "import-save-rejects"), "Save the rejected rows…");
    await byId(page, "tab-sample").click();
    await eventually(async () =>
      expect(await cells(byId(page, "sample-table").locator("thead"))).toEqual([
        "Agency",
        "Dossiers",
        "Minimum sample",
        "Drawn",
        "Drawn against the minimum",
        "Add sample",
      ]),
    );
    await expectText(byId(page, "sample-explain"), "Under 100 dossiers: all of them");
    expect(await textOf(sampleRow(page, "STP").getByTestId("sample-population"))).toBe("1,252");
    await expectText(byId(page, "sample-draw"), "Draw sample");
    await expectText(byId(page, "tab-cases"), "Cases");
  });
});
