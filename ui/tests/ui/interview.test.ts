// UI tests of the interview at the desk: the SIPAS questionnaire answered by keyboard alone, branches,
// going back, refusal at consent, typed answers refused by the core, a failed save retried.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { RecordOutcomeRequest, SaveAnswerRequest } from "../../src/api/bindings";
import {
  byId,
  callsOf,
  eventually,
  expectGone,
  expectText,
  failNext,
  openAs,
  req,
  screenshot,
  takeCase,
  textOf,
  useBrowser,
} from "./harness";

useBrowser();

async function saves(page: Page): Promise<SaveAnswerRequest[]> {
  return (await callsOf(page, "save_answer")).map((c) => req<SaveAnswerRequest>(c));
}

async function recorded(page: Page): Promise<RecordOutcomeRequest[]> {
  return (await callsOf(page, "record_outcome")).map((c) => req<RecordOutcomeRequest>(c));
}

/** Lan takes her next case and opens its interview with Enter. */
async function interviewing(query = ""): Promise<Page> {
  const page = await openAs("dtv.lan", "desk", query);
  await takeCase(page);
  await page.keyboard.press("Enter");
  await byId(page, "interview").waitFor();
  return page;
}

/** Waits for the question, then presses the key that answers it. */
async function answer(page: Page, id: string, key: string): Promise<void> {
  await byId(page, `question-${id}`).waitFor();
  const before = (await saves(page)).length;
  await page.keyboard.press(key);
  await eventually(async () => expect((await saves(page)).length).toBe(before + 1));
}

/** The question ids on the path, as the list shows them. */
async function listed(page: Page): Promise<string[]> {
  const ids = await byId(page, "question-list").locator("[data-testid^='qlist-answer-']").evaluateAll((els) =>
    els.map((e) => e.getAttribute("data-testid")!.replace("qlist-answer-", "")),
  );
  return ids;
}

const RATINGS: [string, string][] = [
  ["tiep_can.thong_tin", "4"],
  ["tiep_can.tru_so", "5"],
  ["tiep_can.noi_cho", "4"],
  ["tiep_can.trang_thiet_bi", "3"],
  ["thu_tuc.niem_yet", "5"],
  ["thu_tuc.ho_so", "4"],
  ["thu_tuc.phi", "4"],
  ["thu_tuc.thoi_han", "2"],
  ["cong_chuc.lich_su", "5"],
  ["cong_chuc.tra_loi", "4"],
  ["cong_chuc.huong_dan", "4"],
  ["cong_chuc.dung_quy_dinh", "5"],
  ["cong_chuc.tan_tinh", "4"],
  ["ket_qua.dung_hen", "4"],
  ["ket_qua.chinh_xac", "5"],
  ["ket_qua.cong_bang", "0"],
];

describe("interview", () => {
  test("the SIPAS questionnaire from consent to the end by keyboard alone, with a branch changed on the way back", async () => {
    const page = await interviewing();
    // The greeting is the consent question, with the person, the operator, the agency and the date.
    const greeting = byId(page, "question-dong_y").getByTestId("question-text");
    await expectText(greeting, "Xin chào Ông/Bà Phạm Văn Hùng. Tôi là Nguyễn Thị Lan");
    await expectText(
      greeting,
      "Theo danh sách của Sở Tư pháp, Ông/Bà đã làm thủ tục Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam và nhận kết quả ngày 12/10/2026.",
    );
    await answer(page, "dong_y", "1");
    await answer(page, "du_18_tuoi", "1");
    await answer(page, "da_nhan_ket_qua", "1");
    await expectText(byId(page, "section-sang_loc"), "Xác nhận đối tượng khảo sát 2/2");
    for (const [id, key] of RATINGS) {
      if (id === "thu_tuc.ho_so") {
        // The scale, numbered with its keys, 0 last; the current section stands out.
        const keys = await byId(page, "question-thu_tuc.ho_so").locator("kbd").allTextContents();
        expect(keys).toEqual(["1", "2", "3", "4", "5", "0"]);
        await expectText(byId(page, "answer-thu_tuc.ho_so-4"), "Hài lòng");
        expect(await byId(page, "section-thu_tuc").getAttribute("aria-current")).toBe("step");
        await screenshot(page, "interview-scale");
      }
      await answer(page, id, key);
    }
    await expectText(byId(page, "qlist-answer-ket_qua.cong_bang"), "Không ý kiến");
    await expectText(byId(page, "qlist-answer-thu_tuc.thoi_han"), "2 — Không hài lòng");

    // Feedback given: its three questions come on the path.
    expect(await listed(page)).not.toContain("gop_y.kenh");
    await answer(page, "da_gop_y", "1");
    await byId(page, "question-gop_y.kenh").waitFor();
    expect(await listed(page)).toEqual(expect.arrayContaining(["gop_y.kenh", "gop_y.xu_ly", "gop_y.thong_bao"]));
    await expectText(byId(page, "section-gop_y"), "1/4");
    await expectText(byId(page, "interview-progress"), "Câu 21/30");

    // Backspace goes back to da_gop_y, showing the answer given; 2 changes it and the branch goes.
    await page.keyboard.press("Backspace");
    await byId(page, "question-da_gop_y").waitFor();
    await expectText(byId(page, "question-given"), "Đã trả lời: Có");
    expect(await byId(page, "answer-da_gop_y-1").getAttribute("aria-pressed")).toBe("true");
    await byId(page, "reviewing").waitFor();
    await answer(page, "da_gop_y", "2");
    await byId(page, "question-hai_long_chung").waitFor();
    expect(await listed(page)).not.toContain("gop_y.kenh");
    await expectText(byId(page, "section-gop_y"), "1/1");
    await expectText(byId(page, "qlist-answer-da_gop_y"), "Không");
    await expectText(byId(page, "interview-stop"), "Nếu dừng bây giờ: Bỏ dở giữa chừng");

    await answer(page, "hai_long_chung", "5");
    await expectText(byId(page, "interview-stop"), "Nếu dừng bây giờ: Trả lời một phần");

    // Multiple choice: digits tick, Enter saves.
    await byId(page, "question-mong_doi").waitFor();
    await expectText(byId(page, "question-instruction"), "Chọn tối đa 3");
    await page.keyboard.press("3");
    await page.keyboard.press("5");
    expect(await byId(page, "answer-mong_doi-3").getAttribute("aria-pressed")).toBe("true");
    expect(await byId(page, "answer-mong_doi-1").getAttribute("aria-pressed")).toBe("false");
    expect(await byId(page, "answer-input").inputValue()).toBe("3, 5");
    await page.keyboard.press("Enter");
    await byId(page, "question-gioi_tinh").waitFor();
    await expectText(
      byId(page, "qlist-answer-mong_doi"),
      "Đơn giản hóa thủ tục, giảm giấy tờ phải nộp; Rút ngắn thời gian giải quyết",
    );

    await answer(page, "gioi_tinh", "2");
    await answer(page, "nhom_tuoi", "3");
    // An optional question passed over with Enter.
    await answer(page, "hoc_van", "Enter");
    await expectText(byId(page, "qlist-answer-hoc_van"), "(bỏ qua)");
    await answer(page, "nghe_nghiep", "4");

    // The open comment: typed in its field (focused), Enter saves.
    await byId(page, "question-y_kien").waitFor();
    await expectText(byId(page, "question-y_kien").getByTestId("question-text"), "để Sở Tư pháp phục vụ người dân tốt hơn");
    await page.keyboard.type("Nên có thêm chỗ ngồi chờ.");
    await page.keyboard.press("Enter");

    const closing = byId(page, "interview-closing");
    await closing.waitFor();
    await expectText(closing, "Xin chân thành cảm ơn Ông/Bà Phạm Văn Hùng đã dành thời gian trả lời.");
    await expectText(byId(page, "interview-stop"), "Hoàn thành");
    expect(await textOf(byId(page, "record-suggested"))).toBe("Ghi kết quả: Hoàn thành (1.1) Enter");
    for (const id of ["dong_y", "hai_long_chung", "mong_doi", "hoc_van", "y_kien"]) {
      expect(await byId(page, `saved-${id}`).count()).toBe(1);
    }
    await expectText(byId(page, "section-progress"), "Thông tin về người trả lời 5/5");
    await screenshot(page, "interview-closing");

    // Backspace from the closing shows the comment as typed; Esc comes back.
    await page.keyboard.press("Backspace");
    await byId(page, "question-y_kien").waitFor();
    expect(await byId(page, "answer-input").inputValue()).toBe("Nên có thêm chỗ ngồi chờ.");
    await page.keyboard.press("Escape");
    await closing.waitFor();

    const sent = await saves(page);
    expect(sent.map((s) => `${s.questionId}=${s.input}`)).toEqual([
      "dong_y=1",
      "du_18_tuoi=1",
      "da_nhan_ket_qua=1",
      ...RATINGS.map(([id, key]) => `${id}=${key}`),
      "da_gop_y=1",
      "da_gop_y=2",
      "hai_long_chung=5",
      "mong_doi=3, 5",
      "gioi_tinh=2",
      "nhom_tuoi=3",
      "hoc_van=",
      "nghe_nghiep=4",
      "y_kien=Nên có thêm chỗ ngồi chờ.",
    ]);
    expect(new Set(sent.map((s) => s.answerId)).size).toBe(sent.length);
    expect(await recorded(page)).toHaveLength(0);

    await page.keyboard.press("Enter");
    await expectText(byId(page, "last-result"), "Đã ghi: Hoàn thành — ca đã đóng");
    await expectGone(byId(page, "case-card"));
    expect(await recorded(page)).toEqual([expect.objectContaining({ outcome: "1.1", note: null })]);
  });

  test("refusing at consent ends the interview: the refusal closing, and Enter records a hard refusal", async () => {
    const page = await interviewing();
    await answer(page, "dong_y", "2");
    const closing = byId(page, "interview-closing");
    await closing.waitFor();
    await expectText(closing, "Dạ, cảm ơn Ông/Bà đã nghe máy. Xin lỗi đã làm phiền Ông/Bà. Xin chào Ông/Bà.");
    await expectText(byId(page, "interview-stop"), "Từ chối");
    expect(await textOf(byId(page, "record-suggested"))).toContain("Ghi kết quả: Từ chối dứt khoát (2.112)");
    expect(await listed(page)).toEqual(["dong_y"]);
    await screenshot(page, "interview-refusal");
    await page.keyboard.press("Enter");
    await expectText(byId(page, "last-result"), "Đã ghi: Từ chối dứt khoát — ca đã đóng");
    expect((await recorded(page)).map((r) => r.outcome)).toEqual(["2.112"]);
  });

  test("the core's refusal of a typed answer names the question; codes from 10 up are typed in the field", async () => {
    // Ngô Thu Trang's interview resumes at the expectations (multiple choice, at most 3).
    const page = await interviewing("resume");
    await byId(page, "question-mong_doi").waitFor();
    const field = byId(page, "answer-input");
    await field.click();
    await page.keyboard.type("1, 2, 3, 4");
    await page.keyboard.press("Enter");
    await expectText(byId(page, "error"), "Câu “mong_doi”: chọn 4 phương án, tối đa 3.");
    await expectText(byId(page, "save-status"), "Chưa lưu được câu mong_doi");
    await byId(page, "question-mong_doi").waitFor();
    await field.fill("10");
    expect(await byId(page, "answer-mong_doi-10").getAttribute("aria-pressed")).toBe("true");
    await page.keyboard.press("Enter");
    await byId(page, "question-gioi_tinh").waitFor();
    await expectText(byId(page, "qlist-answer-mong_doi"), "Khác");
    await expectGone(byId(page, "error"));
  });

  test("a failed save shows, and trying again sends the same answer id", async () => {
    const page = await interviewing();
    await byId(page, "question-dong_y").waitFor();
    await failNext(page, "save_answer", { kind: "unavailable", message: "Không kết nối được cơ sở dữ liệu (lưu câu trả lời)." });
    await page.keyboard.press("1");
    await expectText(byId(page, "error"), "Không kết nối được cơ sở dữ liệu (lưu câu trả lời).");
    await expectText(byId(page, "save-status"), "Chưa lưu được câu dong_y: nhấn lại để thử lần nữa.");
    expect(await byId(page, "saved-dong_y").count()).toBe(0);
    await page.keyboard.press("1");
    await byId(page, "question-du_18_tuoi").waitFor();
    await expectText(byId(page, "save-status"), "Đã lưu câu dong_y");
    await answer(page, "du_18_tuoi", "1");
    const [failed, retried, next] = await saves(page);
    expect(retried!.answerId).toBe(failed!.answerId);
    expect(next!.answerId).not.toBe(failed!.answerId);
  });

  test("the mouse works too: an option clicked saves it, a question clicked in the list is shown again", async () => {
    const page = await interviewing();
    await byId(page, "answer-dong_y-1").click();
    await byId(page, "question-du_18_tuoi").waitFor();
    await byId(page, "qlist-dong_y").click();
    await byId(page, "question-dong_y").waitFor();
    await expectText(byId(page, "question-given"), "Đã trả lời: Đồng ý");
    // Enter keeps the answer as it is and moves on, saving nothing.
    await page.keyboard.press("Enter");
    await byId(page, "question-du_18_tuoi").waitFor();
    expect(await saves(page)).toHaveLength(1);
  });
});
