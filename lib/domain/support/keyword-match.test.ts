import { describe, expect, it } from "vitest";
import { compileKeyword, findKeyword, ticketWords } from "./keyword-match";

const hits = (keyword: string, text: string) => findKeyword(ticketWords(text), compileKeyword(keyword)!);

describe("findKeyword", () => {
  it("finds every occurrence with the words as written (normalised)", () => {
    expect(hits("leak", "Leaked keys, leaking logs")).toEqual([
      { text: "leaked", negatedBy: null },
      { text: "leaking", negatedBy: null },
    ]);
  });

  it("joins the words of a keyword across blanks and hyphens, never across punctuation", () => {
    expect(hits("data breach", "data   breach")).toHaveLength(1);
    expect(hits("data breach", "data-breach")).toHaveLength(1);
    expect(hits("data breach", "data. Breach")).toHaveLength(0);
    expect(hits("data breach", "data, breach")).toHaveLength(0);
  });

  it("marks a negation right before the keyword, through two filler words at most", () => {
    expect(hits("critical", "not critical")[0]?.negatedBy).toBe("not critical");
    expect(hits("critical", "not that critical")[0]?.negatedBy).toBe("not that critical");
    expect(hits("critical", "isn't critical")[0]?.negatedBy).toBe("not critical");
    expect(hits("حرج", "ما في حرج")[0]?.negatedBy).toBe("ما في حرج");
    expect(hits("حرج", "ولا حرج")[0]?.negatedBy).toBe("ولا حرج");
    expect(hits("critical", "not at all that critical")[0]?.negatedBy).toBeNull();
    expect(hits("critical", "not: critical")[0]?.negatedBy).toBeNull();
    expect(hits("critical", "a critical bug")[0]?.negatedBy).toBeNull();
  });

  it("never takes a look-alike word as part of a match", () => {
    expect(hits("أمان", "أمانة عليك")).toEqual([]);
    expect(hits("أمان", "بأمان")).toEqual([]);
    expect(hits("أمان", "أمان الحساب")).toHaveLength(1);
  });

  it("compiles nothing for a keyword without words", () => {
    expect(compileKeyword("—!")).toBeNull();
    expect(compileKeyword("ـــ")).toBeNull();
  });
});
