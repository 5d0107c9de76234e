// UI tests of the supervisor's live floor: operators' states and agencies' figures arrive as the
// core sends them (nothing pressed), the clocks run between views, a lost watch shows in the
// badge and the window's title, and an operator's desk says it is open and closes at logout.
import { describe, expect, test } from "vitest";
import type { CampaignRequest } from "../../src/api/bindings";
import { CAMPAIGN, STAFF } from "../fake/data";
import { byId, callsOf, eventually, expectText, logOut, openAs, req, screenshot, textOf, useBrowser } from "./harness";

useBrowser();

const LAN = STAFF.find((s) => s.login === "dtv.lan")!;
const MINH = STAFF.find((s) => s.login === "dtv.minh")!;

describe("floor", () => {
  test("the floor follows the operators with nothing pressed and says when it may be old", async () => {
    const page = await openAs("gsv.hong", "supervisor");
    await byId(page, "tab-floor").click();
    await expectText(byId(page, "floor-badge"), /^Trực tiếp · cập nhật \d\d:\d\d:\d\d$/);
    expect(req<CampaignRequest>((await callsOf(page, "watch_floor"))[0]).campaignId).toBe(CAMPAIGN.id);
    const row = (login: string) => page.locator(`[data-testid="floor-operator"][data-login="${login}"]`);
    await expectText(row("dtv.lan").getByTestId("floor-state"), "Không làm việc");
    // Minh has been calling a case for a minute.
    await expectText(row("dtv.minh").getByTestId("floor-state"), "Đang gọi");
    await expectText(row("dtv.minh").getByTestId("floor-since"), /^01:0\d$/);
    // Only operators are on the floor.
    expect(await byId(page, "floor-operator").count()).toBe(2);
    const stp = page.locator('[data-testid="floor-agency"][data-agency="STP"]');
    await expectText(stp.getByTestId("floor-completes"), /^\d+ \/ \d+$/);
    const callsBefore = Number(await textOf(stp.getByTestId("floor-calls-today")));

    // Elsewhere, Lan takes a case and Minh, his call ended, pauses: the core sends the floor again.
    const dossier = await page.evaluate(
      ({ lan, minh, campaignId }) => {
        const fake = window.__fake;
        const c = fake.cases.find((x) => x.campaignId === campaignId && x.agency === "STP" && !x.finalOutcome && !x.leaseHolder)!;
        c.leaseHolder = lan;
        c.leaseClaimedAt = fake.now();
        c.leaseExpiresAt = fake.now() + 300_000;
        c.leaseEpoch += 1;
        const his = fake.cases.find((x) => x.leaseHolder === minh)!;
        his.leaseHolder = null;
        his.leaseExpiresAt = null;
        fake.pauses.push({ staffId: minh, campaignId, reason: "Họp giao ban", start: fake.now(), end: null });
        fake.pushFloor();
        return c.dossier;
      },
      { lan: LAN.id, minh: MINH.id, campaignId: CAMPAIGN.id },
    );
    await expectText(row("dtv.lan").getByTestId("floor-state"), "Đang gọi");
    await expectText(row("dtv.lan").getByTestId("floor-detail"), `Hồ sơ ${dossier} · STP`);
    await expectText(row("dtv.minh").getByTestId("floor-state"), "Tạm nghỉ");
    await expectText(row("dtv.minh").getByTestId("floor-detail"), "Họp giao ban");
    await expectText(byId(page, "floor-summary"), "Đang gọi: 1 · Đang phỏng vấn: 0 · Tạm nghỉ: 1 · Đang chờ ca: 0 · Không làm việc: 0");
    // The clock runs between views.
    await eventually(async () => expect(await textOf(row("dtv.lan").getByTestId("floor-since"))).toMatch(/^00:0[1-9]$/));
    await screenshot(page, "floor");

    // Lan records "no answer": the call shows in the agency's figures of the day, she waits again.
    await page.evaluate(
      ({ dossier, lan }) => {
        const fake = window.__fake;
        const c = fake.cases.find((x) => x.dossier === dossier)!;
        c.history.push({ id: crypto.randomUUID(), at: fake.now(), outcome: "3.13", note: null, operator: lan });
        c.attempts += 1;
        c.leaseHolder = null;
        c.leaseExpiresAt = null;
        fake.desks.set(lan, { campaignId: c.campaignId, since: fake.now() });
        fake.pushFloor();
      },
      { dossier, lan: LAN.id },
    );
    await expectText(row("dtv.lan").getByTestId("floor-state"), "Đang chờ ca");
    await expectText(stp.getByTestId("floor-calls-today"), String(callsBefore + 1));

    // The watch loses the database: the badge and the window's title say so, until it is back.
    const title = await page.title();
    await page.evaluate(() => window.__fake.loseFloor());
    await expectText(byId(page, "floor-badge"), "Mất kết nối — số liệu có thể đã cũ");
    expect(await page.title()).toBe(`${title} — mất kết nối, số liệu có thể đã cũ`);
    await screenshot(page, "floor-stale");
    await page.evaluate(() => window.__fake.pushFloor());
    await expectText(byId(page, "floor-badge"), /^Trực tiếp/);
    expect(await page.title()).toBe(title);

    // Leaving the tab stops the watch.
    const unwatched = (await callsOf(page, "unwatch_floor")).length;
    await byId(page, "tab-cases").click();
    await eventually(async () => expect((await callsOf(page, "unwatch_floor")).length).toBeGreaterThan(unwatched));
    expect(await page.evaluate(() => window.__fake.floorWatch)).toBeNull();
  });

  test("an operator's desk says it is open, and closes at logout", async () => {
    const page = await openAs("dtv.lan", "desk");
    await eventually(async () => expect((await callsOf(page, "open_desk")).length).toBeGreaterThan(0));
    expect(req<CampaignRequest>((await callsOf(page, "open_desk"))[0]).campaignId).toBe(CAMPAIGN.id);
    expect(await page.evaluate((lan) => window.__fake.desks.has(lan), LAN.id)).toBe(true);
    await logOut(page);
    expect(await page.evaluate((lan) => window.__fake.desks.has(lan), LAN.id)).toBe(false);
  });

  test("in English", async () => {
    const page = await openAs("gsv.hong", "supervisor");
    await byId(page, "lang-toggle").click();
    await byId(page, "tab-floor").click();
    await expectText(byId(page, "floor-badge"), /^Live · updated /);
    await expectText(page.locator('[data-testid="floor-operator"][data-login="dtv.lan"]').getByTestId("floor-state"), "Not working");
  });
});
