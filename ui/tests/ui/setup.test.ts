// UI tests of the administrator's campaigns screen: the campaigns with their windows and calling
// rules, and a new campaign made from the form — refused in place (the field named) until right.
import { describe, expect, test } from "vitest";
import type { CampaignForm } from "../../src/api/bindings";
import { byId, callsOf, expectText, openAs, req, screenshot, useBrowser } from "./harness";

useBrowser();

describe("campaigns screen", () => {
  test("an administrator makes a campaign from the form; a bad day is refused in place", async () => {
    const page = await openAs("qt.demo", "supervisor");
    await byId(page, "nav-setup").click();
    await byId(page, "setup").waitFor();
    expect(await byId(page, "setup-campaign").count()).toBeGreaterThan(0);

    await byId(page, "setup-new").click();
    await byId(page, "new-campaign-dialog").waitFor();
    await byId(page, "nc-code").fill("Q1-2027");
    await byId(page, "nc-name").fill("Khảo sát quý I/2027");
    await byId(page, "nc-receivedFrom").fill("01/01/2027");
    await byId(page, "nc-receivedTo").fill("31/03/2027");
    await byId(page, "nc-closed").fill("10/02/2027, 31/02/2027");
    await byId(page, "nc-attempts").fill("4");
    await screenshot(page, "new-campaign");
    await byId(page, "nc-confirm").click();
    await expectText(byId(page, "nc-error"), "Ngày nghỉ thêm “31/02/2027”");
    await byId(page, "nc-closed").fill("10/02/2027, 30/04/2027");
    await byId(page, "nc-confirm").click();
    await expectText(byId(page, "setup-made"), "Đã tạo đợt Q1-2027 — Khảo sát quý I/2027.");
    const sent = req<CampaignForm>((await callsOf(page, "create_campaign")).at(-1));
    expect(sent).toMatchObject({ code: "Q1-2027", maxAttempts: 4, graceMinutes: null, questionnaire: "", outcomesPath: "" });
    const row = page.locator('[data-testid="setup-campaign"][data-code="Q1-2027"]');
    await expectText(row.getByTestId("setup-closed"), "10/02/2027, 30/04/2027");
    await screenshot(page, "setup");
  });

  test("a supervisor has no campaigns screen", async () => {
    const page = await openAs("gsv.hong", "supervisor");
    expect(await byId(page, "nav-setup").count()).toBe(0);
  });
});
