// Unit tests of the fake backend itself: it answers every command of bindings.ts and refuses like Rust does.
import { describe, expect, test } from "vitest";
import { COMMAND_NAMES, type ApiError, type CaseCard, type ImportReport, type SampleReport } from "../../src/api/bindings";
import { FakeBackend, requiredSample } from "../fake/backend";
import { CAMPAIGN, LAN } from "../fake/data";

describe("fake backend", () => {
  test("implements every command the shell registers", () => {
    const fake = new FakeBackend();
    for (const name of COMMAND_NAMES) {
      const method = name.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
      expect(fake.api, name).toHaveProperty(method);
    }
  });

  test("refuses “complete” with the unanswered questions, as an ApiError", () => {
    const fake = new FakeBackend();
    const card = fake.handle("next_case", { req: { campaignId: CAMPAIGN.id, operatorId: LAN.id } }) as CaseCard;
    const attempt = { lease: card.lease, attemptId: crypto.randomUUID(), note: null, appointmentAt: null };
    let error: ApiError | undefined;
    try {
      fake.handle("record_outcome", { req: { ...attempt, outcome: "1.1" } });
    } catch (e) {
      error = e as ApiError;
    }
    expect(error).toEqual({
      kind: "invalid",
      message: "Chưa thể ghi “Hoàn thành”: còn 6 câu chưa trả lời (TC, TT, CC, KQ, GY, HL).",
    });
    // The same attempt id twice records one attempt.
    fake.handle("record_outcome", { req: { ...attempt, outcome: "3.12" } });
    fake.handle("record_outcome", { req: { ...attempt, outcome: "3.12" } });
    expect(fake.cases.find((c) => c.id === card.lease.caseId)!.attempts).toBe(1);
  });

  test("imports a list once: rejections per row, new cases only the first time", () => {
    const fake = new FakeBackend();
    const req = { campaignId: CAMPAIGN.id, path: "/tmp/danh-sach.csv", sheet: null };
    const first = fake.handle("import_list", { req }) as ImportReport;
    expect(first.summary).toEqual({ rows: 8, accepted: 4, rejected: 4, new_cases: 2, cases_total: 14 });
    expect(first.rejections.map((r) => r.row)).toEqual([5, 6, 7, 8]);
    expect(first.rejections[0]).toMatchObject({ column: "Số điện thoại", value: "061 3822 456" });
    const again = fake.handle("import_list", { req }) as ImportReport;
    expect(again.summary).toMatchObject({ accepted: 4, new_cases: 0, cases_total: 14 });
    expect(() => fake.handle("preview_import", { req: { ...req, path: "/tmp/bao-cao.pdf" } })).toThrow(
      expect.objectContaining({ kind: "invalid", message: "Chỉ nhận tệp .csv hoặc .xlsx: bao-cao.pdf." }),
    );
  });

  test("samples by the SIPAS tiers or Slovin, then adds waves to one agency", () => {
    expect([50, 100, 999, 1000, 4999, 5000].map((n) => requiredSample(n, "tiers", null))).toEqual([50, 100, 100, 200, 200, 500]);
    expect(requiredSample(1250, "slovin", 0.05)).toBe(304);
    const fake = new FakeBackend();
    const draw = { campaignId: CAMPAIGN.id, seed: 2026, rule: "tiers", margin: null, addAgency: null, addCount: null };
    const first = fake.handle("draw_sample", { req: draw }) as SampleReport;
    const drawn = Object.fromEntries(first.agencies.map((a) => [a.agency, a.drawn]));
    // Sở Tài chính has 86 dossiers but only 80 people: all of them.
    expect(drawn).toEqual({ SNNMT: 100, STC: 80, STP: 200, "UBND-PCL": 500 });
    expect((fake.handle("draw_sample", { req: draw }) as SampleReport).drawn_total).toBe(880);
    const added = fake.handle("draw_sample", { req: { ...draw, addAgency: "STP", addCount: 30 } }) as SampleReport;
    expect(added.agencies.find((a) => a.agency === "STP")!.drawn).toBe(230);
    expect(added.drawn_total).toBe(910);
  });
});
