// UI tests of the supervisor's results tab: the index bars and an agency's breakdown, the partial and
// per-mode re-queries, fieldwork progress, AAPOR rates by group, operator figures, exports, English,
// errors, and no results for an operator.
// The figures are the fake's (tests/fake/reports.ts), shown as the core would give them.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type {
  ExportRequest,
  IndexRequest,
  OperatorsRequest,
  RatesRequest,
  ReportExportRequest,
} from "../../src/api/bindings";
import { CAMPAIGN } from "../fake/data";
import {
  byId,
  callsOf,
  eventually,
  expectText,
  failNext,
  openAs,
  req,
  screenshot,
  textOf,
  useBrowser,
} from "./harness";

useBrowser();

async function hongAtResults(): Promise<Page> {
  const page = await openAs("gsv.hong", "supervisor");
  await byId(page, "tab-results").click();
  await byId(page, "index-bar-STP").waitFor();
  await byId(page, "progress-row").first().waitFor();
  await byId(page, "rates-table").waitFor();
  await byId(page, "operator-row").first().waitFor();
  return page;
}

/** The request of the last call of a command. */
async function lastReq<T>(page: Page, cmd: string): Promise<T> {
  const calls = await callsOf(page, cmd);
  return req<T>(calls[calls.length - 1]);
}

const valueOf = (page: Page, bar: string) => textOf(byId(page, bar).getByTestId("index-value"));
const nameOf = (page: Page, bar: string) => textOf(byId(page, bar).getByTestId("index-name"));
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null);

/** The cells of one row of the detail: a criterion's id, n, satisfied, index, mean. */
async function criterionCells(page: Page, id: string): Promise<string[]> {
  const row = byId(page, "index-detail").locator(`[data-criterion="${id}"] td`);
  return (await row.allTextContents()).map((s) => s.trim());
}

function component(page: Page, id: string) {
  return byId(page, "index-detail").locator(`[data-component="${id}"]`);
}

/** A cell of the rates table: one measure for one column (`overall` or a group's key). */
const rate = (page: Page, measure: string, key: string) =>
  textOf(byId(page, "rates-table").locator(`[data-testid="rate-${measure}"][data-key="${key}"]`));

const progressRow = (page: Page, agency: string) => page.locator(`[data-testid="progress-row"][data-agency="${agency}"]`);
const operatorRow = (page: Page, login: string) => page.locator(`[data-testid="operator-row"][data-operator="${login}"]`);

describe("results tab: satisfaction index", () => {
  test("bars per agency in the core's order with two decimals and a decimal comma, then the campaign's two lines", async () => {
    const page = await hongAtResults();
    await screenshot(page, "results");
    expect(await lastReq<IndexRequest>(page, "sipas_index")).toMatchObject({ includePartial: false, byMode: false });

    const bars = await byId(page, "index-chart")
      .locator("button[data-bar]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
    expect(bars).toEqual(["index-bar-SNNMT", "index-bar-STC", "index-bar-STP", "index-bar-UBND-PCL", "index-bar-pooled"]);
    expect(await nameOf(page, "index-bar-STP")).toBe("Sở Tư pháp");
    expect(await valueOf(page, "index-bar-SNNMT")).toBe("81,31");
    expect(await valueOf(page, "index-bar-STC")).toBe("69,89");
    expect(await valueOf(page, "index-bar-STP")).toBe("90,19");
    expect(await textOf(byId(page, "index-bar-STP").getByTestId("index-meta"))).toBe("STP · điểm TB 4,33 · 110 phiếu");

    // No valid answer: a dash and the reason, no bar.
    expect(await valueOf(page, "index-bar-UBND-PCL")).toBe("—");
    await expectText(byId(page, "index-bar-UBND-PCL").getByTestId("index-meta"), "chưa có câu trả lời hợp lệ · 2 phiếu");
    expect(await byId(page, "index-bar-UBND-PCL").locator(".index-fill").count()).toBe(0);

    expect(await nameOf(page, "index-agency-mean")).toBe("(a) Trung bình các cơ quan");
    expect(await valueOf(page, "index-agency-mean")).toBe("80,47");
    await expectText(byId(page, "index-agency-mean").getByTestId("index-meta"), "điểm TB 4,05 · trung bình của 3 cơ quan có chỉ số");
    expect(await nameOf(page, "index-bar-pooled")).toBe("(b) Gộp mọi người trả lời");
    expect(await valueOf(page, "index-bar-pooled")).toBe("84,12");
    await expectText(byId(page, "index-bar-pooled").getByTestId("index-meta"), "276 phiếu");

    await expectText(byId(page, "index-formula"), "Cách tính: Tiêu chí: chỉ số = 100 × (số câu trả lời 4 hoặc 5)");
    await expectText(byId(page, "index-counted"), "Phiếu được tính: Tính trên các phiếu hoàn thành (1.1)");
    // Until a bar is picked the breakdown is the pooled campaign's.
    await expectText(byId(page, "index-pick"), "Chọn một thanh");
    expect(await textOf(byId(page, "index-detail-title"))).toBe("Chi tiết: (b) Gộp mọi người trả lời");
    expect(await byId(page, "index-bar-pooled").getAttribute("aria-pressed")).toBe("true");
    expect(await byId(page, "index-bar-STP").getAttribute("aria-pressed")).toBe("false");
  });

  test("an agency picked by keyboard shows its components and criteria; a component without answers shows a dash", async () => {
    const page = await hongAtResults();
    // One focus stop for the chart; the arrows move between the bars.
    expect(await byId(page, "index-chart").locator('button[tabindex="0"]').count()).toBe(1);
    await byId(page, "index-bar-SNNMT").focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await focused(page)).toBe("index-bar-STP");
    // Moving the focus picks nothing yet.
    expect(await textOf(byId(page, "index-detail-title"))).toBe("Chi tiết: (b) Gộp mọi người trả lời");
    await page.keyboard.press("Enter");

    const detail = byId(page, "index-detail");
    await expectText(byId(page, "index-detail-title"), "Chi tiết: Sở Tư pháp");
    await screenshot(page, "results-detail");
    expect(await byId(page, "index-bar-STP").getAttribute("aria-pressed")).toBe("true");
    expect(await textOf(byId(page, "index-detail-title"))).toBe("Chi tiết: Sở Tư pháp");
    expect(await textOf(byId(page, "index-detail-summary"))).toBe("Chỉ số 90,19 · điểm TB 4,33 · 110 phiếu");
    const components = await detail.getByTestId("index-component").evaluateAll((els) => els.map((e) => e.getAttribute("data-component")));
    expect(components).toEqual(["tiep_can", "thu_tuc", "cong_chuc", "ket_qua", "gop_y"]);
    expect(await textOf(component(page, "tiep_can").getByTestId("index-component-title"))).toBe("Tiếp cận dịch vụ");
    expect(await textOf(component(page, "tiep_can").getByTestId("index-component-index"))).toBe("93,56");
    expect(await textOf(component(page, "tiep_can").getByTestId("index-component-mean"))).toBe("4,39");
    expect(await component(page, "tiep_can").getByTestId("index-criterion").count()).toBe(4);
    expect(await criterionCells(page, "tiep_can.thong_tin")).toEqual(["tiep_can.thong_tin", "108", "100", "92,59", "4,37"]);
    expect(await criterionCells(page, "gop_y.kenh")).toEqual(["gop_y.kenh", "11", "10", "90,91", "4,36"]);
    expect(await textOf(component(page, "gop_y").getByTestId("index-component-index"))).toBe("89,56");

    // Sở Tài chính: nobody gave feedback, so gop_y has no index.
    await page.keyboard.press("ArrowUp");
    expect(await focused(page)).toBe("index-bar-STC");
    await page.keyboard.press("Enter");
    await expectText(byId(page, "index-detail-title"), "Chi tiết: Sở Tài chính");
    expect(await textOf(component(page, "gop_y").getByTestId("index-component-index"))).toBe("—");
    await expectText(component(page, "gop_y"), "Thành phần chưa có câu trả lời hợp lệ");
    expect(await criterionCells(page, "gop_y.xu_ly")).toEqual(["gop_y.xu_ly", "0", "0", "—", "—"]);
    expect(await textOf(component(page, "thu_tuc").getByTestId("index-component-index"))).toBe("65,71");

    // End goes to the pooled line, which breaks down like an agency.
    await page.keyboard.press("End");
    expect(await focused(page)).toBe("index-bar-pooled");
    await page.keyboard.press("Enter");
    await expectText(byId(page, "index-detail-title"), "Chi tiết: (b) Gộp mọi người trả lời");
    expect(await textOf(byId(page, "index-detail-summary"))).toBe("Chỉ số 84,12 · điểm TB 4,15 · 276 phiếu");
    expect(await byId(page, "index-chart").locator('button[tabindex="0"]').getAttribute("data-testid")).toBe("index-bar-pooled");

    // Clicking works as well.
    await byId(page, "index-bar-UBND-PCL").click();
    await expectText(byId(page, "index-detail-summary"), "Chỉ số — · điểm TB — · 2 phiếu · chưa có câu trả lời hợp lệ");
  });

  test("counting partial interviews asks the core again and the figures change, the breakdown with them", async () => {
    const page = await hongAtResults();
    await byId(page, "index-bar-STP").click();
    await expectText(byId(page, "index-detail-summary"), "Chỉ số 90,19");
    const before = (await callsOf(page, "sipas_index")).length;

    await byId(page, "index-partial").check();
    await eventually(async () => expect((await callsOf(page, "sipas_index")).length).toBe(before + 1));
    expect(await lastReq<IndexRequest>(page, "sipas_index")).toMatchObject({ includePartial: true, byMode: false });
    await eventually(async () => expect(await valueOf(page, "index-bar-STP")).toBe("89,36"));
    expect(await valueOf(page, "index-bar-SNNMT")).toBe("80,86");
    expect(await valueOf(page, "index-bar-UBND-PCL")).toBe("—");
    expect(await valueOf(page, "index-agency-mean")).toBe("80,07");
    expect(await valueOf(page, "index-bar-pooled")).toBe("83,66");
    expect(await textOf(byId(page, "index-detail-summary"))).toBe("Chỉ số 89,36 · điểm TB 4,31 · 119 phiếu");
    expect(await textOf(component(page, "tiep_can").getByTestId("index-component-index"))).toBe("91,50");
    // Partial interviews stopped before the later components.
    expect(await textOf(component(page, "cong_chuc").getByTestId("index-component-index"))).toBe("93,37");
    await expectText(byId(page, "index-counted"), "cộng các câu đã trả lời của phiếu trả lời một phần (1.2)");

    await byId(page, "index-partial").uncheck();
    await eventually(async () => expect(await valueOf(page, "index-bar-STP")).toBe("90,19"));
    expect(await lastReq<IndexRequest>(page, "sipas_index")).toMatchObject({ includePartial: false });
  });

  test("split by mode: a bar per mode under each agency and campaign line, with the modes' names", async () => {
    const page = await hongAtResults();
    await byId(page, "index-by-mode").check();
    await byId(page, "index-bar-STP-paper").waitFor();
    expect(await lastReq<IndexRequest>(page, "sipas_index")).toMatchObject({ includePartial: false, byMode: true });

    expect(await nameOf(page, "index-bar-STP-phone")).toBe("Điện thoại");
    expect(await nameOf(page, "index-bar-STP-paper")).toBe("Phiếu giấy");
    expect(await nameOf(page, "index-bar-STP-kiosk")).toBe("Ki-ốt tại Bộ phận Một cửa");
    expect(await nameOf(page, "index-bar-STP-web")).toBe("Trực tuyến");
    expect(await valueOf(page, "index-bar-STP-paper")).toBe("93,24");
    expect(await valueOf(page, "index-bar-STC-kiosk")).toBe("73,96");
    expect(await valueOf(page, "index-bar-pooled-web")).toBe("97,50");
    expect(await valueOf(page, "index-agency-mean-paper")).toBe("88,53");
    // No interview at a kiosk for Sở Nông nghiệp và Môi trường: no bar for it.
    expect(await byId(page, "index-bar-SNNMT-kiosk").count()).toBe(0);
    // The whole-campaign figures stay as they were.
    expect(await valueOf(page, "index-bar-STP")).toBe("90,19");

    await byId(page, "index-bar-STP-paper").click();
    await expectText(byId(page, "index-detail-title"), "Chi tiết: Sở Tư pháp — Phiếu giấy");
    await expectText(byId(page, "index-detail-summary"), "Chỉ số 93,24");
    await byId(page, "index-panel").screenshot({ path: `${import.meta.dirname}/../../../test-output/ui-results-modes.png` });

    await byId(page, "index-by-mode").uncheck();
    await eventually(async () => expect(await byId(page, "index-bar-STP-paper").count()).toBe(0));
    expect(await lastReq<IndexRequest>(page, "sipas_index")).toMatchObject({ byMode: false });
    // The mode's pick is gone with its bar: back to the pooled campaign.
    await expectText(byId(page, "index-detail-title"), "Chi tiết: (b) Gộp mọi người trả lời");
    expect(await byId(page, "index-bar-pooled").getAttribute("aria-pressed")).toBe("true");
  });
});

describe("results tab: progress, rates and operators", () => {
  test("progress against the sample: 'đã đủ' once complete, the projected day otherwise, '—' without one", async () => {
    const page = await hongAtResults();
    expect(await byId(page, "progress-row").count()).toBe(4);
    await expectText(byId(page, "progress-today"), "Hôm nay 23/11/2026 · 8 ngày gọi kể từ cuộc gọi đầu tiên");

    const snnmt = progressRow(page, "SNNMT");
    expect(await textOf(snnmt.getByTestId("progress-remaining"))).toBe("0");
    expect(await textOf(snnmt.getByTestId("progress-done-by"))).toBe("đã đủ");
    expect(await snnmt.getByTestId("progress-bar").getAttribute("data-drawn")).toBe("103");
    expect(await snnmt.getByTestId("progress-bar").getAttribute("data-required")).toBe("100");

    const stp = progressRow(page, "STP");
    expect(await textOf(stp.getByTestId("progress-required"))).toBe("200");
    expect(await textOf(stp.getByTestId("progress-completes"))).toBe("96");
    expect(await textOf(stp.getByTestId("progress-other"))).toBe("14");
    expect(await textOf(stp.getByTestId("progress-remaining"))).toBe("104");
    expect(await textOf(stp.getByTestId("progress-rate"))).toBe("12,00");
    expect(await textOf(stp.getByTestId("progress-done-by"))).toBe("03/12/2026");
    expect(await stp.getByTestId("progress-bar").getAttribute("aria-label")).toBe("Hoàn thành 96 trên cỡ mẫu 200");

    expect(await textOf(progressRow(page, "STC").getByTestId("progress-rate"))).toBe("5,88");
    expect(await textOf(progressRow(page, "UBND-PCL").getByTestId("progress-done-by"))).toBe("—");

    const total = byId(page, "progress-total");
    expect(await textOf(total.locator("th"))).toBe("Toàn đợt");
    expect(await textOf(total.getByTestId("progress-remaining"))).toBe("643");
    expect(await textOf(total.getByTestId("progress-rate"))).toBe("30,75");
    expect(await textOf(total.getByTestId("progress-done-by"))).toBe("17/12/2026");
  });

  test("rates per AAPOR category in percent with two decimals; the select asks again by agency, call list or not at all", async () => {
    const page = await hongAtResults();
    expect(await lastReq<RatesRequest>(page, "response_rates")).toMatchObject({ by: "agency", e: null });
    const columns = () => byId(page, "rates-group").evaluateAll((els) => els.map((e) => e.getAttribute("data-key")));
    expect(await columns()).toEqual(["overall", "SNNMT", "STC", "STP", "UBND-PCL"]);
    await expectText(byId(page, "rates-e"), "e = 0,9762 (ước tính từ các ca)");

    expect(await rate(page, "cases", "overall")).toBe("530");
    expect(await rate(page, "I", "overall")).toBe("246");
    expect(await rate(page, "UH", "UBND-PCL")).toBe("104");
    expect(await rate(page, "RR1", "overall")).toBe("47,22%");
    expect(await rate(page, "RR3", "overall")).toBe("47,55%");
    expect(await rate(page, "COOP4", "overall")).toBe("89,80%");
    expect(await rate(page, "REF3", "UBND-PCL")).toBe("21,43%");
    expect(await rate(page, "CON1", "STP")).toBe("62,24%");
    const measures = await byId(page, "rates-table")
      .getByTestId("rates-row")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-measure")));
    expect(measures).toEqual([
      "cases", "I", "P", "R", "NC", "O", "UH", "UO", "NE",
      "RR1", "RR2", "RR3", "RR4", "RR5", "RR6", "COOP1", "COOP2", "COOP3", "COOP4",
      "REF1", "REF2", "REF3", "CON1", "CON2", "CON3",
    ]);
    await expectText(byId(page, "rates-counted"), "ca chưa gọi lần nào tính là UH (3.11)");
    await expectText(byId(page, "rates-formulas"), "RR1 = I/((I+P)+(R+NC+O)+(UH+UO))");

    const options = await byId(page, "rates-by").locator("option").allTextContents();
    expect(options).toEqual(["Theo cơ quan", "Theo danh sách gọi", "Toàn đợt"]);
    await byId(page, "rates-by").selectOption("list");
    await eventually(async () => expect(await columns()).toEqual(["overall", "chung", "dtv.lan", "dtv.minh"]));
    expect(await lastReq<RatesRequest>(page, "response_rates")).toMatchObject({ by: "list" });
    await expectText(byId(page, "rates-table").locator('[data-key="chung"]').first(), "Danh sách chung");
    await expectText(byId(page, "rates-table").locator('[data-key="dtv.lan"]').first(), "Nguyễn Thị Lan");
    expect(await rate(page, "RR1", "dtv.lan")).toBe("55,81%");
    expect(await rate(page, "RR1", "overall")).toBe("47,22%");

    await byId(page, "rates-by").selectOption("none");
    await eventually(async () => expect(await columns()).toEqual(["overall"]));
    expect(await lastReq<RatesRequest>(page, "response_rates")).toMatchObject({ by: null });
  });

  test("operator figures for the whole campaign and for today", async () => {
    const page = await hongAtResults();
    expect(await lastReq<OperatorsRequest>(page, "operator_figures")).toEqual({ campaignId: expect.any(String), from: null, to: null });
    expect(await byId(page, "operator-row").count()).toBe(2);
    const lan = operatorRow(page, "dtv.lan");
    expect(await textOf(lan.getByTestId("operator-name"))).toBe("Nguyễn Thị Lan");
    expect(await textOf(lan.getByTestId("operator-attempts"))).toBe("412");
    expect(await textOf(lan.getByTestId("operator-completes"))).toBe("121");
    expect(await textOf(lan.getByTestId("operator-hours"))).toBe("52,50");
    expect(await textOf(lan.getByTestId("operator-per-hour"))).toBe("7,85");
    expect(await textOf(lan.getByTestId("operator-interviews"))).toBe("120");
    expect(await textOf(lan.getByTestId("operator-minutes"))).toBe("11,4");
    expect(await byId(page, "operators-range").count()).toBe(0);

    await byId(page, "operators-period").selectOption("today");
    await expectText(byId(page, "operators-range"), "Từ 23/11/2026 đến 23/11/2026");
    expect(await lastReq<OperatorsRequest>(page, "operator_figures")).toMatchObject({ from: "2026-11-23", to: "2026-11-23" });
    expect(await textOf(lan.getByTestId("operator-attempts"))).toBe("38");
    expect(await textOf(operatorRow(page, "dtv.minh").getByTestId("operator-minutes"))).toBe("—");
    expect(await textOf(operatorRow(page, "dtv.minh").getByTestId("operator-per-hour"))).toBe("10,00");
  });

  test("Làm mới asks for every report again", async () => {
    const page = await hongAtResults();
    const counts = async () =>
      Promise.all(["sipas_index", "fieldwork_progress", "response_rates", "operator_figures"].map(async (c) => (await callsOf(page, c)).length));
    const before = await counts();
    await expectText(byId(page, "results-updated"), /^Cập nhật lúc \d{2}:\d{2}:\d{2}$/);
    await byId(page, "results-refresh").click();
    await eventually(async () => expect(await counts()).toEqual(before.map((n) => n + 1)));
  });
});

describe("results tab: export", () => {
  const DOCS = "/home/gsv/Tài liệu";
  const pathValue = (page: Page) => byId(page, "export-path").inputValue();

  test("the interviews as CSV: a file name offered, a folder needed, then the request in the supervisor's name and the done line", async () => {
    const page = await hongAtResults();
    expect(await byId(page, "export-what").inputValue()).toBe("csv");
    expect(await byId(page, "export-what").locator("option").allTextContents()).toEqual([
      "Phiếu (CSV)",
      "Phiếu (Excel)",
      "Chỉ số hài lòng (Excel)",
      "Tỷ lệ AAPOR (Excel)",
      "Tiến độ (Excel)",
    ]);
    expect(await pathValue(page)).toBe("DEMO-2026-Q4-phieu.csv");
    // A bare name would land wherever the app runs: the button waits for a folder.
    await expectText(byId(page, "export-path-hint"), "Gõ đường dẫn đầy đủ, có cả thư mục trước tên tệp");
    expect(await byId(page, "export-path").getAttribute("aria-invalid")).toBe("true");
    expect(await byId(page, "export-run").isDisabled()).toBe(true);
    // Emptied, the field offers the name again.
    await byId(page, "export-path").fill("");
    expect(await byId(page, "export-run").isDisabled()).toBe(true);
    await byId(page, "export-what").focus();
    expect(await pathValue(page)).toBe("DEMO-2026-Q4-phieu.csv");

    await byId(page, "export-path").fill(`${DOCS}/DEMO-2026-Q4-phieu.csv`);
    expect(await byId(page, "export-path-hint").count()).toBe(0);
    expect(await byId(page, "export-contacts").isChecked()).toBe(false);
    expect(await byId(page, "export-contacts").isDisabled()).toBe(false);
    await byId(page, "export-run").click();
    await expectText(byId(page, "export-done"), `Đã ghi 2 dòng vào ${DOCS}/DEMO-2026-Q4-phieu.csv`);
    expect(await byId(page, "export-audited").count()).toBe(0);
    const calls = await callsOf(page, "export_interviews");
    expect(calls).toHaveLength(1);
    expect(req<ExportRequest>(calls[0])).toEqual({
      campaignId: CAMPAIGN.id,
      format: "csv",
      out: `${DOCS}/DEMO-2026-Q4-phieu.csv`,
      withContacts: false,
      // A typed path never replaces a file that is there: the core refuses instead.
      replace: false,
    });
    expect(await callsOf(page, "export_report")).toHaveLength(0);
  });

  test("names and numbers only for the interviews: the box is off for a report, and ticked it asks for them and is audited", async () => {
    const page = await hongAtResults();
    await byId(page, "export-path").fill(`${DOCS}/DEMO-2026-Q4-phieu.csv`);
    await byId(page, "export-contacts").check();
    // The offered name follows the choice, in the folder typed.
    await byId(page, "export-what").selectOption("sipas");
    expect(await pathValue(page)).toBe(`${DOCS}/DEMO-2026-Q4-chi-so-hai-long.xlsx`);
    expect(await byId(page, "export-contacts").isDisabled()).toBe(true);
    expect(await byId(page, "export-contacts").isChecked()).toBe(false);
    await expectText(byId(page, "export-panel"), "chỉ dùng khi xuất phiếu");
    for (const report of ["rates", "progress"]) {
      await byId(page, "export-what").selectOption(report);
      expect(await byId(page, "export-contacts").isDisabled()).toBe(true);
    }
    expect(await pathValue(page)).toBe(`${DOCS}/DEMO-2026-Q4-tien-do.xlsx`);

    await byId(page, "export-what").selectOption("xlsx");
    expect(await pathValue(page)).toBe(`${DOCS}/DEMO-2026-Q4-phieu.xlsx`);
    expect(await byId(page, "export-contacts").isDisabled()).toBe(false);
    // Turned off by the report chosen meanwhile: ticked again on purpose.
    expect(await byId(page, "export-contacts").isChecked()).toBe(false);
    await byId(page, "export-contacts").check();
    await byId(page, "export-run").click();
    await expectText(byId(page, "export-done"), `Đã ghi 2 dòng vào ${DOCS}/DEMO-2026-Q4-phieu.xlsx`);
    await expectText(byId(page, "export-audited"), "Lần xuất kèm họ tên và số điện thoại này đã được ghi vào nhật ký.");
    const calls = await callsOf(page, "export_interviews");
    expect(calls).toHaveLength(1);
    expect(req<ExportRequest>(calls[0])).toEqual({
      campaignId: CAMPAIGN.id,
      format: "xlsx",
      out: `${DOCS}/DEMO-2026-Q4-phieu.xlsx`,
      withContacts: true,
      replace: false,
    });
    await byId(page, "export-panel").scrollIntoViewIfNeeded();
    await screenshot(page, "results-export");

    // The export is in the supervisors' log.
    await byId(page, "tab-reassign").click();
    await eventually(async () => expect(await byId(page, "audit-row").count()).toBe(1));
    await expectText(byId(page, "audit-action"), "Xuất kèm họ tên, số điện thoại");
    await expectText(byId(page, "audit-change"), "2 phiếu kèm họ tên và số điện thoại, tệp DEMO-2026-Q4-phieu.xlsx");
  });

  test("a report: the rates workbook is asked for; a name of one's own keeps its name, its extension fitted", async () => {
    const page = await hongAtResults();
    await byId(page, "export-path").fill("/home/gsv/bao-cao-quy-IV.csv");
    await byId(page, "export-what").selectOption("rates");
    expect(await pathValue(page)).toBe("/home/gsv/bao-cao-quy-IV.xlsx");
    await byId(page, "export-run").click();
    await expectText(byId(page, "export-done"), "Đã ghi 4 dòng vào /home/gsv/bao-cao-quy-IV.xlsx");
    const calls = await callsOf(page, "export_report");
    expect(calls).toHaveLength(1);
    expect(req<ReportExportRequest>(calls[0])).toEqual({
      campaignId: CAMPAIGN.id,
      report: "rates",
      out: "/home/gsv/bao-cao-quy-IV.xlsx",
      replace: false,
    });
    expect(await callsOf(page, "export_interviews")).toHaveLength(0);
  });

  test("the save dialog fills the path and confirms replacing a file there; cancelling it changes nothing", async () => {
    const page = await hongAtResults();
    await page.evaluate(() => (window.__fake.dialogSave = "/home/gsv/Tải xuống/phieu-quy-IV.csv"));
    await byId(page, "export-choose").click();
    await eventually(async () => expect(await pathValue(page)).toBe("/home/gsv/Tải xuống/phieu-quy-IV.csv"));
    const dialog = (await callsOf(page, "plugin:dialog|save"))[0]!.args as {
      options: { defaultPath: string; filters: { extensions: string[] }[] };
    };
    expect(dialog.options.defaultPath).toBe("DEMO-2026-Q4-phieu.csv");
    expect(dialog.options.filters[0]!.extensions).toEqual(["csv"]);

    await page.evaluate(() => (window.__fake.dialogSave = null));
    await byId(page, "export-choose").click();
    await eventually(async () => expect(await callsOf(page, "plugin:dialog|save")).toHaveLength(2));
    expect(await pathValue(page)).toBe("/home/gsv/Tải xuống/phieu-quy-IV.csv");
    expect(await callsOf(page, "export_interviews")).toHaveLength(0);

    // The save dialog asked before a file there is replaced: the export may replace it.
    await byId(page, "export-run").click();
    await byId(page, "export-done").waitFor();
    expect(req<ExportRequest>((await callsOf(page, "export_interviews"))[0]!).replace).toBe(true);
    // A path typed afterwards was not confirmed by anyone.
    await byId(page, "export-path").fill("/home/gsv/Tải xuống/phieu-khac.csv");
    await byId(page, "export-run").click();
    await eventually(async () => expect(await callsOf(page, "export_interviews")).toHaveLength(2));
    expect(req<ExportRequest>((await callsOf(page, "export_interviews"))[1]!).replace).toBe(false);
  });

  test("a file the core cannot write shows the error banner and no done line; a good path then works", async () => {
    const page = await hongAtResults();
    await byId(page, "export-path").fill(`${DOCS}/DEMO-2026-Q4-phieu.csv`);
    await byId(page, "export-run").click();
    await byId(page, "export-done").waitFor();

    await byId(page, "export-path").fill("/home/gsv/khong-co/DEMO-2026-Q4-phieu.csv");
    await byId(page, "export-run").click();
    await expectText(
      byId(page, "error"),
      "không ghi được tệp /home/gsv/khong-co/DEMO-2026-Q4-phieu.csv: thư mục chứa tệp không tồn tại",
    );
    expect(await byId(page, "error").getAttribute("data-kind")).toBe("invalid");
    expect(await byId(page, "export-done").count()).toBe(0);

    await byId(page, "export-what").selectOption("progress");
    await byId(page, "export-run").click();
    await expectText(
      byId(page, "error"),
      "không ghi được tệp /home/gsv/khong-co/DEMO-2026-Q4-tien-do.xlsx: thư mục chứa tệp không tồn tại",
    );

    await byId(page, "export-path").fill(`${DOCS}/tien-do.xlsx`);
    await byId(page, "export-run").click();
    await expectText(byId(page, "export-done"), `Đã ghi 4 dòng vào ${DOCS}/tien-do.xlsx`);
    expect(await byId(page, "error").count()).toBe(0);
  });

  test("an operator has no results: no tab to open them, and the core refuses them", async () => {
    const page = await openAs("dtv.lan", "desk");
    expect(await byId(page, "tab-results").count()).toBe(0);
    expect(await byId(page, "results").count()).toBe(0);
    expect(await callsOf(page, "sipas_index")).toHaveLength(0);
    const refused = await page.evaluate((campaignId) => {
      try {
        window.__fake.api.sipasIndex({ campaignId, includePartial: false, byMode: false, approvedOnly: false });
        return null;
      } catch (e) {
        return e;
      }
    }, CAMPAIGN.id);
    expect(refused).toEqual({ kind: "forbidden", message: "Chỉ giám sát viên của đợt khảo sát này được xem kết quả." });
  });
});

describe("results tab: English and errors", () => {
  test("English labels, and numbers with a decimal point", async () => {
    const page = await hongAtResults();
    await byId(page, "lang-toggle").click();
    await expectText(byId(page, "tab-results"), "Results");
    await expectText(byId(page, "index-panel"), "Satisfaction index by agency");
    await expectText(byId(page, "index-panel").locator("label").first(), "Count partial interviews too");
    expect(await nameOf(page, "index-agency-mean")).toBe("(a) Mean over agencies");
    expect(await nameOf(page, "index-bar-pooled")).toBe("(b) Pooled over all respondents");
    expect(await valueOf(page, "index-bar-STP")).toBe("90.19");
    expect(await textOf(byId(page, "index-bar-STP").getByTestId("index-meta"))).toBe("STP · mean 4.33 · 110 interviews");
    await expectText(byId(page, "index-bar-UBND-PCL").getByTestId("index-meta"), "no valid answer yet");
    await byId(page, "index-by-mode").check();
    expect(await nameOf(page, "index-bar-STC-kiosk")).toBe("Kiosk at the one-stop desk");
    expect(await nameOf(page, "index-bar-STP-paper")).toBe("Paper form");
    await byId(page, "index-bar-STP").click();
    await expectText(byId(page, "index-detail-summary"), "Index 90.19 · mean 4.33 · 110 interviews");
    await expectText(byId(page, "index-detail").locator("thead"), "Component / criterion");

    expect(await textOf(progressRow(page, "SNNMT").getByTestId("progress-done-by"))).toBe("reached");
    expect(await textOf(byId(page, "progress-total").locator("th"))).toBe("Whole campaign");
    expect(await byId(page, "rates-by").locator("option").allTextContents()).toEqual(["By agency", "By call list", "Whole campaign"]);
    expect(await rate(page, "RR1", "overall")).toBe("47.22%");
    await expectText(byId(page, "rates-e"), "e = 0.9762 (estimated from the cases)");
    await expectText(byId(page, "operators-table").locator("thead"), "Calls per hour");
    await expectText(byId(page, "export-panel"), "Export results");
    expect(await byId(page, "export-what").locator("option").allTextContents()).toEqual([
      "Interviews (CSV)",
      "Interviews (Excel)",
      "Satisfaction index (Excel)",
      "AAPOR rates (Excel)",
      "Progress (Excel)",
    ]);
    await expectText(byId(page, "export-panel").locator("label").last(), "Include names and phone numbers (written to the audit log)");
  });

  test("a failed report shows the error banner; Làm mới clears it and tries again", async () => {
    const page = await hongAtResults();
    await failNext(page, "response_rates", {
      kind: "unavailable",
      message: "Không kết nối được cơ sở dữ liệu (tỷ lệ trả lời).",
    });
    await byId(page, "rates-by").selectOption("list");
    await expectText(byId(page, "error"), "Không kết nối được cơ sở dữ liệu (tỷ lệ trả lời).");
    expect(await byId(page, "error").getAttribute("data-kind")).toBe("unavailable");
    // What was shown stays until an answer comes.
    expect(await rate(page, "RR1", "STP")).toBe("48,98%");

    await failNext(page, "sipas_index", { kind: "internal", message: "Lỗi nội bộ khi tính chỉ số hài lòng." });
    await byId(page, "results-refresh").click();
    await expectText(byId(page, "error"), "Lỗi nội bộ khi tính chỉ số hài lòng.");
    expect(await valueOf(page, "index-bar-STP")).toBe("90,19");

    await byId(page, "results-refresh").click();
    await eventually(async () => expect(await byId(page, "error").count()).toBe(0));
    await eventually(async () => expect(await rate(page, "RR1", "dtv.lan")).toBe("55,81%"));
  });
});
