// Unit tests of the UI's words: both languages complete, same placeholders, Vietnamese in NFC.
import { describe, expect, test } from "vitest";
import { MESSAGES, format, loadLang, saveLang, translate, type MessageKey } from "../../src/i18n";

const keys = Object.keys(MESSAGES.vi) as MessageKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n", () => {
  test("English has exactly the Vietnamese keys, none empty", () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(MESSAGES.vi[key].trim(), key).not.toBe("");
      expect(MESSAGES.en[key].trim(), key).not.toBe("");
    }
  });

  test("both languages fill the same placeholders", () => {
    for (const key of keys) expect(placeholders(MESSAGES.en[key]), key).toEqual(placeholders(MESSAGES.vi[key]));
  });

  test("Vietnamese text is NFC and keeps its diacritics", () => {
    for (const key of keys) expect(MESSAGES.vi[key], key).toBe(MESSAGES.vi[key].normalize("NFC"));
    expect(translate("vi", "desk.next")).toBe("Ca tiếp theo (F2)");
    expect(translate("vi", "desk.noCase")).toBe("Hiện không còn ca nào để gọi.");
    expect(translate("vi", "desk.attempts", { n: 2, max: 5 })).toBe("Lần gọi thứ 2/5");
    expect(translate("en", "desk.attempts", { n: 2, max: 5 })).toBe("Call attempt 2/5");
    // A value in decomposed form comes out composed.
    expect(translate("vi", "desk.recorded", { outcome: "Hoa\u0300n tha\u0300nh" })).toBe("Đã ghi: Hoàn thành");
  });

  test("format leaves unknown placeholders alone", () => {
    expect(format("{a} và {b}", { a: 1 })).toBe("1 và {b}");
  });

  test("the language choice is saved and read back, Vietnamese by default", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(loadLang(storage)).toBe("vi");
    saveLang("en", storage);
    expect(loadLang(storage)).toBe("en");
    expect(loadLang({ getItem: () => "fr" })).toBe("vi");
    expect(loadLang(undefined)).toBe("vi");
  });
});
