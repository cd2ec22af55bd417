import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("ledger CSV", () => {
  it("escapes formula triggers so spreadsheets show text", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    for (const s of ["+1", "-1", "@SUM(A1)", "\tx"]) expect(csvCell(s).replace(/^"/, "").startsWith("'")).toBe(true);
  });

  it("quotes commas, quotes and newlines, keeps Arabic as is", () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvCell("تسجيل دخول")).toBe("تسجيل دخول");
    expect(csvCell(null)).toBe("");
    expect(csvCell(new Date("2026-01-01T00:00:00Z"))).toBe("2026-01-01T00:00:00.000Z");
  });

  it("ends rows with CRLF", () => {
    expect(csvRow([1, "x"])).toBe("1,x\r\n");
  });
});
