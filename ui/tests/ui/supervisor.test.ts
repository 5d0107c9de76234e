// UI tests of the supervisor view: the case table, counts, masked phones, answers, search and status filter.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { byId, callsOf, eventually, expectGone, expectText, logIn, logOut, openAs, screenshot, takeCase, textOf, useBrowser } from "./harness";

useBrowser();

async function hongAtSupervisor(): Promise<Page> {
  const page = await openAs("gsv.hong", "supervisor");
  await eventually(async () => expect(await byId(page, "case-row").count()).toBe(12));
  return page;
}

/** The row of one respondent. */
function row(page: Page, name: string) {
  return byId(page, "case-row").filter({ has: page.getByTestId("case-row-name").getByText(name, { exact: true }) });
}

async function shownNames(page: Page): Promise<string[]> {
  return (await byId(page, "case-row-name").allTextContents()).map((s) => s.trim());
}

describe("supervisor view", () => {
  test("the table shows every case with status, attempts, masked phone and answers", async () => {
    const page = await hongAtSupervisor();
    await screenshot(page, "supervisor");

    const yen = row(page, "Võ Thị Yến");
    expect(await textOf(yen.getByTestId("case-row-status"))).toBe("Hoàn thành");
    expect(await textOf(yen.getByTestId("case-row-attempts"))).toBe("2");
    expect(await textOf(yen.getByTestId("case-row-answers"))).toBe("27/27 câu");
    expect(await textOf(yen.getByTestId("case-row-interview-status"))).toBe("Hoàn thành");
    const trang = row(page, "Ngô Thu Trang");
    expect(await textOf(trang.getByTestId("case-row-answers"))).toBe("21/27 câu");
    expect(await textOf(trang.getByTestId("case-row-interview-status"))).toBe("Trả lời một phần");
    expect(await row(page, "Phạm Văn Hùng").getByTestId("case-row-review").count()).toBe(0);
    expect(await textOf(yen.getByTestId("case-row-call-list"))).toBe("Trần Quốc Minh");

    expect(await textOf(row(page, "Phạm Văn Hùng").getByTestId("case-row-status"))).toBe("Chưa gọi");
    expect(await textOf(row(page, "Phạm Văn Hùng").getByTestId("case-row-attempts"))).toBe("0");
    expect(await textOf(row(page, "Huỳnh Đức Tài").getByTestId("case-row-status"))).toBe("Chờ gọi lại");
    expect(await textOf(row(page, "Huỳnh Đức Tài").getByTestId("case-row-last-outcome"))).toBe("Không nghe máy");
    expect(await textOf(row(page, "Đặng Quốc Việt").getByTestId("case-row-status"))).toMatch(/^Hẹn gọi lại/);
    expect(await textOf(row(page, "Dương Mỹ Linh").getByTestId("case-row-status"))).toBe("Đang gọi (Trần Quốc Minh)");
    expect(await textOf(row(page, "Bùi Kim Ngân").getByTestId("case-row-status"))).toBe("Từ chối dứt khoát");
    expect(await textOf(row(page, "Lê Ngọc Hạnh").getByTestId("case-row-call-list"))).toBe("Chung");

    for (const phone of await byId(page, "case-row-phone").allTextContents()) {
      expect(phone.trim()).toMatch(/^0\d{2}\*{4}\d{3}$/);
    }
    expect(await textOf(row(page, "Phạm Văn Hùng").getByTestId("case-row-phone"))).toBe("090****567");
    expect(await textOf(page.locator("main"))).not.toContain("0903123567");

    const summary = byId(page, "summary");
    await expectText(summary, "Chưa gọi 5");
    await expectText(summary, "Đã đóng 3");
    await expectText(summary, "Tổng 12");
    await expectText(byId(page, "agency-summary"), "Sở Tư pháp");
  });

  test("a case's interview opens for review: the questions as they were read and the answers, in order", async () => {
    const page = await hongAtSupervisor();
    await row(page, "Võ Thị Yến").getByTestId("case-row-review").click();
    const review = byId(page, "interview-review");
    await review.waitFor();
    expect(await callsOf(page, "case_interview")).toHaveLength(1);
    await expectText(review, "Phiếu của Võ Thị Yến");
    await expectText(byId(page, "review-stop"), "Hoàn thành");
    const items = review.getByTestId("review-item");
    expect(await items.count()).toBe(27);
    const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-question")));
    expect(ids.slice(0, 4)).toEqual(["dong_y", "du_18_tuoi", "da_nhan_ket_qua", "tiep_can.thong_tin"]);
    expect(ids).not.toContain("gop_y.kenh");
    const first = items.first();
    // Worded as the operator who took it read it.
    await expectText(first.getByTestId("review-question-text"), "Xin chào Ông/Bà Võ Thị Yến. Tôi là Trần Quốc Minh");
    expect(await textOf(first.getByTestId("review-answer"))).toBe("Đồng ý");
    const answers = await review.getByTestId("review-answer").allTextContents();
    expect(answers.slice(3, 5)).toEqual(["4 — Hài lòng", "5 — Rất hài lòng"]);
    expect(answers[ids.indexOf("ket_qua.cong_bang")]).toBe("Không ý kiến");
    expect(answers[ids.indexOf("mong_doi")]).toBe("Đơn giản hóa thủ tục, giảm giấy tờ phải nộp; Rút ngắn thời gian giải quyết");
    expect(answers[ids.indexOf("hoc_van")]).toBe("(bỏ qua)");
    expect(answers.at(-1)).toBe("Nên có thêm chỗ ngồi chờ.");
    await screenshot(page, "supervisor-review");
    await page.keyboard.press("Escape");
    await expectGone(review);
  });

  test("the review shows the record of consent: given, when, by whom, on which questionnaire, and the wording", async () => {
    const page = await hongAtSupervisor();
    await row(page, "Võ Thị Yến").getByTestId("case-row-review").click();
    const consent = byId(page, "review-consent");
    await expectText(consent, "Đồng ý tham gia");
    expect(await consent.getAttribute("data-given")).toBe("true");
    expect(await textOf(byId(page, "consent-status"))).toBe("Đã đồng ý");
    expect(await textOf(byId(page, "consent-answer"))).toBe("Đồng ý");
    expect(await textOf(byId(page, "consent-at"))).toBe("22/11/2026 08:50");
    expect(await textOf(byId(page, "consent-operator"))).toBe("Trần Quốc Minh");
    expect(await textOf(byId(page, "consent-questionnaire"))).toBe("sipas@2026.1");
    // The wording as the questionnaire has it, no one's details in it: folded until asked for.
    const wording = byId(page, "consent-question");
    expect(await wording.isVisible()).toBe(false);
    await byId(page, "consent-wording").locator("summary").click();
    await eventually(async () => expect(await wording.isVisible()).toBe(true));
    await expectText(wording, "Xin chào Ông/Bà {ten}. Tôi là {dtv}");
    await expectText(wording, "Ông/Bà có đồng ý dành ít phút trả lời không ạ?");
    await screenshot(page, "supervisor-review-consent");
    await page.keyboard.press("Escape");

    // Trang agreed to Lan; an operator no longer on the list is named by their id.
    await page.evaluate(() => {
      const trang = window.__fake.cases.find((c) => c.name === "Ngô Thu Trang")!;
      for (const a of trang.interview!.answers) a.by = "5a000000-0000-4000-8000-0000000000ff";
    });
    await row(page, "Ngô Thu Trang").getByTestId("case-row-review").click();
    await expectText(byId(page, "consent-operator"), "5a000000-0000-4000-8000-0000000000ff");
    await expectText(byId(page, "consent-at"), "23/11/2026 06:50");
    await page.keyboard.press("Escape");
    await expectGone(byId(page, "interview-review"));

    // A refusal at consent is recorded as such.
    await page.evaluate(() => {
      const hung = window.__fake.cases.find((c) => c.name === "Phạm Văn Hùng")!;
      const at = window.__fake.now();
      hung.interview = {
        id: "f1000000-0000-4000-8000-000000000001",
        status: "partial",
        operatorId: "5a000000-0000-4000-8000-00000000000a",
        answers: [{ id: "a0000001-0000-4000-8000-000000000001", questionId: "dong_y", code: "2", at, by: "5a000000-0000-4000-8000-00000000000a" }],
      };
    });
    await byId(page, "refresh").click();
    await row(page, "Phạm Văn Hùng").getByTestId("case-row-review").click();
    expect(await byId(page, "review-consent").getAttribute("data-given")).toBe("false");
    await expectText(byId(page, "consent-status"), "Không đồng ý");
    expect(await textOf(byId(page, "consent-answer"))).toBe("Không đồng ý");
    expect(await textOf(byId(page, "consent-operator"))).toBe("Nguyễn Thị Lan");
    await page.keyboard.press("Escape");
    await byId(page, "lang-toggle").click();
    await row(page, "Phạm Văn Hùng").getByTestId("case-row-review").click();
    await expectText(byId(page, "review-consent"), "Consent to take part");
    await expectText(byId(page, "consent-status"), "Refused");
  });

  test("search ignores case and diacritics; the status filter narrows the rows", async () => {
    const page = await hongAtSupervisor();
    const search = byId(page, "case-search");
    await search.fill("nguyen");
    await eventually(async () => expect(await shownNames(page)).toEqual(["Nguyễn Thị Mai"]));
    await search.fill("NGÂN");
    await eventually(async () => expect(await shownNames(page)).toEqual(["Bùi Kim Ngân"]));
    await search.fill("dang quoc");
    await eventually(async () => expect(await shownNames(page)).toEqual(["Đặng Quốc Việt"]));
    await search.fill("tư pháp");
    await eventually(async () => expect(await shownNames(page)).toHaveLength(3));
    await search.fill("không có ai");
    await byId(page, "no-match").waitFor();
    await search.fill("");
    await byId(page, "status-filter").selectOption("closed");
    await eventually(async () =>
      expect((await shownNames(page)).sort()).toEqual(["Bùi Kim Ngân", "Võ Thị Yến", "Đỗ Hữu Phúc"].sort()),
    );
    await byId(page, "status-filter").selectOption("");
    await eventually(async () => expect(await shownNames(page)).toHaveLength(12));
  });

  test("a call recorded at the desk shows after a refresh", async () => {
    const page = await openAs("dtv.lan", "desk");
    await takeCase(page);
    await page.keyboard.press("4");
    await expectText(byId(page, "last-result"), "Không nghe máy");
    await logOut(page);
    await logIn(page, "gsv.hong");
    await byId(page, "supervisor").waitFor();
    const hung = row(page, "Phạm Văn Hùng");
    await expectText(hung.getByTestId("case-row-status"), "Chờ gọi lại");
    expect(await textOf(hung.getByTestId("case-row-attempts"))).toBe("1");
    const before = (await callsOf(page, "campaign_cases")).length;
    await byId(page, "refresh").click();
    await eventually(async () => expect((await callsOf(page, "campaign_cases")).length).toBe(before + 1));
  });

  test("English labels in the supervisor view", async () => {
    const page = await hongAtSupervisor();
    await byId(page, "lang-toggle").click();
    await expectText(byId(page, "summary"), "Not called 5");
    await expectText(row(page, "Võ Thị Yến").getByTestId("case-row-status"), "Complete");
    await expectText(row(page, "Võ Thị Yến").getByTestId("case-row-answers"), "27/27 questions");
    await expectText(row(page, "Lê Ngọc Hạnh").getByTestId("case-row-call-list"), "Shared");
    await expectText(byId(page, "cases-table").locator("thead"), "Respondent");
    await expectText(byId(page, "refresh"), "Refresh");
  });
});
