import { describe, expect, it } from "vitest";
import { normalizeForSearch } from "./search";

describe("normalizeForSearch", () => {
  it("folds Arabic letter variants, diacritics and tatweel", () => {
    expect(normalizeForSearch("مؤسَّسة")).toBe(normalizeForSearch("موسسه"));
    expect(normalizeForSearch("إبداع")).toBe("ابداع");
    expect(normalizeForSearch("مستشفى")).toBe("مستشفي");
    expect(normalizeForSearch("شـــركة")).toBe("شركه");
  });

  it("lower-cases and strips Latin accents", () => {
    expect(normalizeForSearch("  Café   NOVA ")).toBe("cafe nova");
  });

  it("returns empty for blank input", () => {
    expect(normalizeForSearch("   ")).toBe("");
  });
});
