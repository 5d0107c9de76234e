// UI tests of the supervisor's review: the queue of finished interviews (Võ Thị Yến's complete one,
// taken by Minh yesterday, and Lan's partial one two hours ago), the keys that move through it,
// approve and return, the reason a return needs, a correction with its old and new value, the
// filters, and the results' "approved only" switch.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { CorrectionRequest, IndexRequest, ReviewDecision, ReviewListRequest } from "../../src/api/bindings";
import { CAMPAIGN, LAN } from "../fake/data";
import { byId, callsOf, eventually, expectText, logIn, logOut, openAs, req, screenshot, textOf, useBrowser } from "./harness";

useBrowser();

const YEN = "f1000000-0000-4000-8000-000000000006";
const PARTIAL = "f1000000-0000-4000-8000-000000000010";

async function reviewTab(): Promise<Page> {
  const page = await openAs("gsv.hong", "supervisor");
  await byId(page, "tab-review").click();
  await byId(page, "review-panel").waitFor();
  await eventually(async () => expect(await byId(page, "review-row").count()).toBe(2));
  await byId(page, "review-detail").waitFor();
  return page;
}

async function pickedId(page: Page): Promise<string | null> {
  return page.locator('[data-testid="review-row"][aria-selected="true"]').getAttribute("data-id");
}

describe("review", () => {
  test("the queue waits in finishing order; the keys move through it and A approves the one picked", async () => {
    const page = await reviewTab();
    const asked = req<ReviewListRequest>((await callsOf(page, "review_list"))[0]);
    expect(asked).toEqual({ campaignId: CAMPAIGN.id, state: "submitted", agency: null, operatorId: null, from: null, to: null });
    expect(await byId(page, "review-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id")))).toEqual([YEN, PARTIAL]);
    expect(await pickedId(page)).toBe(YEN);
    await expectText(byId(page, "review-detail-state"), "Chờ duyệt");
    // The interview in order with its calls: Yến's answers and Minh's two calls.
    expect(await byId(page, "review-answer-row").count()).toBeGreaterThan(20);
    await expectText(byId(page, "review-calls"), /3\.12[\s\S]*1\.1/);
    await screenshot(page, "review-queue");

    await page.keyboard.press("j");
    await eventually(async () => expect(await pickedId(page)).toBe(PARTIAL));
    await expectText(byId(page, "review-detail"), LAN.fullName);
    await page.keyboard.press("ArrowUp");
    await eventually(async () => expect(await pickedId(page)).toBe(YEN));

    await page.keyboard.press("a");
    await expectText(byId(page, "review-message"), /^Đã duyệt phiếu UBND-PCL · Trần Quốc Minh · /);
    const approved = req<ReviewDecision>((await callsOf(page, "review_approve"))[0]);
    expect(approved.interviewId).toBe(YEN);
    // Approved, it leaves the waiting queue; the next one is picked.
    await eventually(async () => expect(await byId(page, "review-row").count()).toBe(1));
    expect(await pickedId(page)).toBe(PARTIAL);

    await byId(page, "review-state").selectOption("approved");
    await eventually(async () => expect(await pickedId(page)).toBe(YEN));
    await expectText(byId(page, "review-detail-state"), "Đã duyệt");
    await expectText(byId(page, "review-step"), /Lê Thị Hồng — duyệt/);
    expect(await byId(page, "review-approve").isDisabled()).toBe(true);
    // Approving again from the keyboard is refused by the core, and said so.
    await page.keyboard.press("a");
    await expectText(byId(page, "error"), /phiếu đã được duyệt/);
  });

  test("a return needs a reason, and the returned interview shows it", async () => {
    const page = await reviewTab();
    await page.keyboard.press("r");
    await byId(page, "review-return-dialog").waitFor();
    await byId(page, "review-return-confirm").click();
    await expectText(byId(page, "review-return-reason-empty"), "Cần ghi lý do.");
    expect(await callsOf(page, "review_return")).toHaveLength(0);
    await byId(page, "review-return-reason").fill("Câu thời hạn: người dân nói 2, phiếu ghi 4");
    await byId(page, "review-return-reason").press("Enter");
    await expectText(byId(page, "review-message"), /^Đã trả lại phiếu UBND-PCL · Trần Quốc Minh · /);
    expect(req<ReviewDecision>((await callsOf(page, "review_return"))[0]).reason).toBe("Câu thời hạn: người dân nói 2, phiếu ghi 4");

    await byId(page, "review-state").selectOption("returned");
    await eventually(async () => expect(await pickedId(page)).toBe(YEN));
    await expectText(byId(page, "review-detail-reason"), "Đã trả lại: Câu thời hạn: người dân nói 2, phiếu ghi 4");
    expect(await textOf(byId(page, "review-row"))).toContain("Câu thời hạn");
    // With its operator now: neither approved nor corrected here.
    expect(await byId(page, "review-approve").isDisabled()).toBe(true);
    expect(await byId(page, "review-correct").count()).toBe(0);
  });

  test("a correction is checked like an answer and kept with the old and new value", async () => {
    const page = await reviewTab();
    const row = page.locator('[data-testid="review-answer-row"][data-question="thu_tuc.thoi_han"]');
    await row.getByTestId("review-correct").click();
    await byId(page, "review-correct-dialog").waitFor();
    await expectText(byId(page, "review-correct-was"), "Đang ghi: 4 — Hài lòng");
    await byId(page, "review-correct-value").fill("7");
    await byId(page, "review-correct-reason").fill("Nghe lại ghi âm");
    await byId(page, "review-correct-confirm").click();
    await expectText(byId(page, "review-correct-error"), /^Câu thu_tuc\.thoi_han:/);

    await byId(page, "review-correct-value").fill("2");
    await byId(page, "review-correct-reason").press("Enter");
    await expectText(byId(page, "review-message"), "Đã sửa câu thu_tuc.thoi_han; chỉ số tính theo giá trị mới.");
    const sent = req<CorrectionRequest>((await callsOf(page, "review_correct")).at(-1));
    expect([sent.questionId, sent.input, sent.reason]).toEqual(["thu_tuc.thoi_han", "2", "Nghe lại ghi âm"]);
    await expectText(row.getByTestId("review-answer-shown"), "2 — Không hài lòng");
    await expectText(byId(page, "review-step"), /sửa câu trả lời thu_tuc\.thoi_han: 4 → 2 — Nghe lại ghi âm/);
    expect(await textOf(byId(page, "review-row").first())).toContain("đã sửa 1 câu");
    await screenshot(page, "review-corrected");
  });

  test("a returned interview waits on its operator's desk; corrected and sent again, it is back in review", async () => {
    const page = await reviewTab();
    await page.locator(`[data-testid="review-row"][data-id="${PARTIAL}"]`).click();
    await eventually(async () => expect(await pickedId(page)).toBe(PARTIAL));
    await byId(page, "review-return").click();
    await byId(page, "review-return-reason").fill("Câu tiếp cận thông tin: hỏi lại người dân");
    await byId(page, "review-return-confirm").click();
    await expectText(byId(page, "review-message"), /^Đã trả lại phiếu/);
    await logOut(page);

    await logIn(page, "dtv.lan");
    await byId(page, "desk").waitFor();
    await expectText(byId(page, "returned-reason"), "Câu tiếp cận thông tin: hỏi lại người dân");
    await byId(page, "returned-open").click();
    await byId(page, "returned-dialog").waitFor();
    await screenshot(page, "returned-on-desk");
    const row = page.locator('[data-testid="review-answer-row"][data-question="tiep_can.thong_tin"]');
    await row.getByTestId("review-correct").click();
    await byId(page, "review-correct-dialog").waitFor();
    await expectText(byId(page, "review-correct-dialog"), "Ghi chú (không bắt buộc)");
    await byId(page, "review-correct-value").fill("3");
    await byId(page, "review-correct-value").press("Enter");
    await expectText(row.getByTestId("review-answer-shown"), "3 — Bình thường");
    await expectText(byId(page, "returned-dialog"), /Nguyễn Thị Lan — sửa câu trả lời câu 4: 4 → 3/);
    await byId(page, "returned-resubmit").click();
    await expectText(byId(page, "returned-message"), /^Đã gửi lại phiếu UBND-PCL/);
    expect(await byId(page, "returned-row").count()).toBe(0);
    expect(req<ReviewDecision>((await callsOf(page, "review_resubmit"))[0]).interviewId).toBe(PARTIAL);
    await logOut(page);

    await logIn(page, "gsv.hong");
    await byId(page, "tab-review").click();
    await eventually(async () => expect(await byId(page, "review-row").count()).toBe(2));
    await page.locator(`[data-testid="review-row"][data-id="${PARTIAL}"]`).click();
    await expectText(byId(page, "review-history"), /trả lại[\s\S]*sửa câu trả lời[\s\S]*gửi lại/);
  });

  test("the filters go to the core: agency, operator and days as dd/mm/yyyy", async () => {
    const page = await reviewTab();
    await byId(page, "review-operator").selectOption(LAN.id);
    await eventually(async () => expect(await byId(page, "review-row").count()).toBe(1));
    expect(await pickedId(page)).toBe(PARTIAL);
    await byId(page, "review-from").fill("31/02/2026");
    await expectText(byId(page, "review-bad-day"), "Ngày cần ghi dạng dd/mm/yyyy, ví dụ 23/11/2026.");
    await byId(page, "review-from").fill("23/11/2026");
    await eventually(async () => {
      const last = req<ReviewListRequest>((await callsOf(page, "review_list")).at(-1));
      expect([last.operatorId, last.from]).toEqual([LAN.id, "2026-11-23"]);
    });
    await byId(page, "review-state").selectOption("");
    await byId(page, "review-operator").selectOption("");
    await byId(page, "review-from").fill("");
    await byId(page, "review-agency").selectOption("STP");
    await eventually(async () => {
      const last = req<ReviewListRequest>((await callsOf(page, "review_list")).at(-1));
      expect([last.state, last.agency]).toEqual([null, "STP"]);
    });
  });

  test("the index can count approved interviews only, and says so", async () => {
    const page = await openAs("gsv.hong", "supervisor");
    await byId(page, "tab-results").click();
    await byId(page, "index-counted").waitFor();
    await expectText(byId(page, "index-counted"), /đã duyệt hay chưa/);
    await byId(page, "index-approved").check();
    await expectText(byId(page, "index-counted"), /đã được giám sát viên duyệt/);
    expect(req<IndexRequest>((await callsOf(page, "sipas_index")).at(-1)).approvedOnly).toBe(true);
  });

  test("an operator has no review: no tab, and the core refuses the queue", async () => {
    const page = await openAs("dtv.lan", "desk");
    expect(await byId(page, "tab-review").count()).toBe(0);
    const refused = await page.evaluate((campaignId) => {
      try {
        window.__fake.api.reviewList({ campaignId, state: null, agency: null, operatorId: null, from: null, to: null });
        return null;
      } catch (e) {
        return e;
      }
    }, CAMPAIGN.id);
    expect(refused).toEqual({ kind: "forbidden", message: "Chỉ giám sát viên của đợt khảo sát này được duyệt phiếu." });
  });
});
