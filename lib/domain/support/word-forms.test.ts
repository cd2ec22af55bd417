import { describe, expect, it } from "vitest";
import { normalise } from "./text";
import { wordPattern } from "./word-forms";

const forms = (keyword: string, words: string[]) =>
  words.filter((w) => wordPattern(normalise(keyword)).test(normalise(w)));

describe("wordPattern", () => {
  it("takes English plurals, past tenses and gerunds with their spelling changes", () => {
    expect(forms("leak", ["leak", "leaks", "leaked", "leaking", "leakage", "leakproof", "bleak"])).toEqual([
      "leak",
      "leaks",
      "leaked",
      "leaking",
    ]);
    expect(forms("outage", ["outage", "outages", "outaging", "outag"])).toEqual(["outage", "outages", "outaging"]);
    expect(forms("reply", ["replies", "replied", "replying", "replys"])).toEqual(["replies", "replied", "replying"]);
    expect(forms("stop", ["stopped", "stopping", "stops"])).toEqual(["stopped", "stopping", "stops"]);
    expect(forms("secret", ["secrets", "secretary", "secretive"])).toEqual(["secrets"]);
  });

  it("reads British and American -ize/-ise as one word", () => {
    expect(forms("unauthorized", ["unauthorised", "unauthorized", "unauthorizes"])).toEqual([
      "unauthorised",
      "unauthorized",
    ]);
    expect(forms("authorise", ["authorize", "authorizing", "authorised"])).toEqual([
      "authorize",
      "authorizing",
      "authorised",
    ]);
    expect(forms("analyze", ["analyse", "analysed"])).toEqual(["analyse", "analysed"]);
  });

  it("keeps digits exact", () => {
    expect(forms("9am", ["9am", "9ams", "19am"])).toEqual(["9am"]);
  });

  it("reads Arabic elongation, clitics, plurals and pronouns around the word", () => {
    expect(
      forms("تسريب", ["تسرييييب", "التسريب", "بالتسرييب", "وللتسريب", "تسريبات", "تسريبها", "مسربات", "تسري"]),
    ).toEqual(["تسرييييب", "التسريب", "بالتسرييب", "وللتسريب", "تسريبات", "تسريبها"]);
    expect(forms("موافقة", ["موافقة", "موافقه", "موافقتي", "موافقتكم", "موافقات", "موافق"])).toEqual([
      "موافقة",
      "موافقه",
      "موافقتي",
      "موافقتكم",
      "موافقات",
    ]);
  });

  it("does not take another word that shares letters", () => {
    expect(forms("حرج", ["محرج", "أحرج", "حرجة", "الحرج", "حرجنا"])).toEqual(["حرجة", "الحرج", "حرجنا"]);
    expect(forms("أمان", ["آمن", "ضمان", "الأمان", "أمانك"])).toEqual(["الأمان", "أمانك"]);
  });
});
