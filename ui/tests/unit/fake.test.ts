// Unit tests of the fake backend itself: it answers every command of bindings.ts and refuses like Rust does.
import { describe, expect, test } from "vitest";
import { COMMAND_NAMES, type ApiError, type CaseCard } from "../../src/api/bindings";
import { FakeBackend } from "../fake/backend";
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
      fake.handle("record_outcome", { req: { ...attempt, outcome: "complete" } });
    } catch (e) {
      error = e as ApiError;
    }
    expect(error).toEqual({
      kind: "invalid",
      message: "Chưa thể ghi “Hoàn thành”: còn 6 câu chưa trả lời (TC, TT, CC, KQ, GY, HL).",
    });
    // The same attempt id twice records one attempt.
    fake.handle("record_outcome", { req: { ...attempt, outcome: "busy" } });
    fake.handle("record_outcome", { req: { ...attempt, outcome: "busy" } });
    expect(fake.cases.find((c) => c.id === card.lease.caseId)!.attempts).toBe(1);
  });
});
