// Unit tests of how report figures are written: decimal comma in Vietnamese, point in English, a dash for none.
import { describe, expect, test } from "vitest";
import { decimal, isoDay, percent, whole } from "../../src/numbers";

describe("numbers", () => {
  test("two decimals with the language's separator, a dash when the core gives none", () => {
    expect(decimal(87.0833, "vi")).toBe("87,08");
    expect(decimal(87.0833, "en")).toBe("87.08");
    expect(decimal(100, "vi")).toBe("100,00");
    expect(decimal(0.97619, "vi", 4)).toBe("0,9762");
    expect(decimal(null, "vi")).toBe("—");
    expect(decimal(Number.NaN, "en")).toBe("—");
  });

  test("fractions as percentages with two decimals", () => {
    expect(percent(0.472168, "vi")).toBe("47,22%");
    expect(percent(0.472168, "en")).toBe("47.22%");
    expect(percent(1, "vi")).toBe("100,00%");
    expect(percent(null, "vi")).toBe("—");
  });

  test("whole numbers with thousands separators", () => {
    expect(whole(1252, "vi")).toBe("1.252");
    expect(whole(1252, "en")).toBe("1,252");
  });

  test("a core date as the ISO day a request carries", () => {
    expect(isoDay("23/11/2026")).toBe("2026-11-23");
    expect(isoDay("2026-11-23")).toBeNull();
  });
});
