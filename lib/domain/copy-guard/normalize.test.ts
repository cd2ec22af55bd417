import { describe, expect, it } from "vitest";
import { normalizeCopy, normalizeWithMap } from "./normalize";

describe("normalisation", () => {
  it("folds alef forms, ى and ة, strips tatweel and diacritics, lower-cases Latin", () => {
    expect(normalizeCopy("أ إ آ ى ة ـ مَضْمُون GUARANTEE")).toBe("ا ا ا ي ه  مضمون guarantee");
  });

  it("never turns «ابدأ» (start) into «أبدا» (never): a word-final hamza on alef stays", () => {
    expect(normalizeCopy("ابدأ")).not.toBe(normalizeCopy("أبدا"));
    expect(normalizeCopy("ابدأ الآن")).toBe("ابدأ الان");
    expect(normalizeCopy("أبداً")).toBe("ابدا");
    expect(normalizeCopy("يبدأ، خطأ.")).toBe("يبدأ، خطأ.");
    // Inside a word the hamza still folds («مسألة» reads like «مسالة»).
    expect(normalizeCopy("مسألة")).toBe("مساله");
  });

  it("folds elongation, but not the doubled letters real words have", () => {
    expect(normalizeCopy("نضمممممن")).toBe("نضمن");
    expect(normalizeCopy("فووووري")).toBe("فوري");
    expect(normalizeCopy("فـــوري")).toBe("فوري");
    expect(normalizeCopy("guaranteeeeed")).toBe("guaranteed");
    expect(normalizeCopy("guaranteed")).toBe("guaranteed");
    expect(normalizeCopy("للعملاء")).toBe("للعملاء");
    expect(normalizeCopy("success")).toBe("success");
  });

  it("reads Arabic-Indic and Persian digits, ٪ and the Arabic decimal separator as ASCII", () => {
    expect(normalizeCopy("١٠ عملاء خلال ٢٤ ساعة")).toBe("10 عملاء خلال 24 ساعه");
    expect(normalizeCopy("۱۰۰٪")).toBe("100%");
    expect(normalizeCopy("١٫٥")).toBe("1.5");
  });

  it("maps every normal character back to its source span, elongation included", () => {
    const { text, origin, end } = normalizeWithMap("نـضمممن");
    expect(text).toBe("نضمن");
    expect(origin).toEqual([0, 2, 3, 6]);
    // The kept «م» covers the whole run it stands for.
    expect(end).toEqual([1, 3, 6, 7]);
  });
});
