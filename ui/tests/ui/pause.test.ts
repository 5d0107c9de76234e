// UI tests of the operator's pause: a reason chosen or typed, no case while paused (F2 and the
// button do nothing, the toolbar says why), a held case refused a pause, and resuming.
import { describe, expect, test } from "vitest";
import type { PauseRequest } from "../../src/api/bindings";
import { CAMPAIGN } from "../fake/data";
import { byId, callsOf, expectGone, expectText, openAs, req, screenshot, takeCase, useBrowser } from "./harness";

useBrowser();

describe("pause", () => {
  test("a pause needs a reason, stops the cases coming and ends with “Tiếp tục làm việc”", async () => {
    const page = await openAs("dtv.lan", "desk");
    await byId(page, "pause").click();
    await byId(page, "pause-dialog").waitFor();
    expect(await byId(page, "pause-reason").evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).value))).toEqual([
      "Nghỉ giải lao",
      "Họp",
      "Sự cố kỹ thuật",
      "Đào tạo",
    ]);
    await byId(page, "pause-reason-other").check();
    await byId(page, "pause-confirm").click();
    await expectText(byId(page, "pause-empty"), "Cần chọn hoặc ghi lý do tạm nghỉ.");
    await byId(page, "pause-other").fill("Mất mạng nội bộ");
    await byId(page, "pause-other").press("Enter");
    await expectText(byId(page, "paused"), /Đang tạm nghỉ: Mất mạng nội bộ \(từ \d\d\/\d\d\/\d{4} \d\d:\d\d\)/);
    expect(req<PauseRequest>((await callsOf(page, "pause_work"))[0]).reason).toBe("Mất mạng nội bộ");
    expect(await byId(page, "next-case").isDisabled()).toBe(true);
    await expectText(byId(page, "paused-idle"), "Bấm “Tiếp tục làm việc” khi sẵn sàng nhận ca.");
    await screenshot(page, "desk-paused");
    await page.keyboard.press("F2");
    expect(await callsOf(page, "next_case")).toHaveLength(0);

    await byId(page, "resume").click();
    await expectGone(byId(page, "paused"));
    expect(await callsOf(page, "resume_work")).toHaveLength(1);
    await takeCase(page);
    // Holding a case: no pause button until it is finished or handed back.
    expect(await byId(page, "pause").count()).toBe(0);
  });

  test("the core refuses a case to a paused operator, saying why", async () => {
    const page = await openAs("dtv.lan", "desk");
    await byId(page, "pause").click();
    await byId(page, "pause-reason").first().check();
    await byId(page, "pause-confirm").click();
    await expectText(byId(page, "paused"), "Nghỉ giải lao");
    const refused = await page.evaluate((campaignId) => {
      try {
        window.__fake.api.nextCase({ campaignId });
        return null;
      } catch (e) {
        return e;
      }
    }, CAMPAIGN.id);
    expect(refused).toEqual({
      kind: "conflict",
      message: "Bạn đang tạm nghỉ (“Nghỉ giải lao”): hãy bấm “Tiếp tục làm việc” để nhận ca.",
    });
  });
});
