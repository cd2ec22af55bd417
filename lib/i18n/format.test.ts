import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDate, formatNumber, formatRelative } from "./format";

const en = { locale: "en" as const, timeZone: "Asia/Riyadh" };
const ar = { locale: "ar" as const, timeZone: "Asia/Riyadh" };

describe("format", () => {
  it("pins the numbering system: Latin digits in English, Arabic-Indic in Arabic", () => {
    expect(formatNumber(en, 1234567)).toBe("1,234,567");
    expect(formatNumber(ar, 1234)).toMatch(/^[\u0660-\u0669٬]+$/);
    expect(formatNumber(ar, 1234).replace(/[^\u0660-\u0669]/g, "")).toBe("١٢٣٤");
  });

  it("formats dates in the given time zone (Riyadh is UTC+3, so 22:30 UTC is the next day)", () => {
    const d = new Date("2026-01-31T22:30:00Z");
    expect(formatDate(en, d)).toBe("1 Feb 2026");
    expect(formatDate({ ...en, timeZone: "UTC" }, d)).toBe("31 Jan 2026");
    expect(formatDate(en, d, "time")).toBe("01:30");
  });

  it("uses the Gregorian calendar in Arabic", () => {
    expect(formatDate(ar, new Date("2026-03-15T12:00:00Z"))).toContain("٢٠٢٦");
  });

  it("keeps calendar dates on their day whatever the zone", () => {
    expect(formatCalendarDate({ ...en, timeZone: "Pacific/Kiritimati" }, "2026-12-31")).toBe("31 Dec 2026");
  });

  it("formats relative times in both languages", () => {
    const now = new Date("2026-11-21T12:00:00Z");
    expect(formatRelative(en, new Date("2026-11-18T12:00:00Z"), now)).toBe("3 days ago");
    expect(formatRelative(en, new Date("2026-11-21T11:59:30Z"), now)).toBe("this minute");
    expect(formatRelative(ar, new Date("2026-11-18T12:00:00Z"), now)).toContain("٣");
  });
});
