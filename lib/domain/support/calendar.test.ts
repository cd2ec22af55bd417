import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR, ZCalendar, addBusinessMs, businessMsBetween } from "./calendar";

const H = 3_600_000;
// Riyadh is UTC+3 all year: 2026-11-19 is a Thursday, 11-20 Friday, 11-22 Sunday.
const riyadh = (local: string) => new Date(`${local}+03:00`);

describe("addBusinessMs (default Sun–Thu 09:00–17:00 Asia/Riyadh)", () => {
  it("spec example: P2 opened Thursday 16:30 with 8 business hours → Sunday 16:30", () => {
    expect(addBusinessMs(riyadh("2026-11-19T16:30:00"), 8 * H, DEFAULT_CALENDAR)).toEqual(
      riyadh("2026-11-22T16:30:00"),
    );
  });
  it("ends exactly at the close on the same day", () => {
    expect(addBusinessMs(riyadh("2026-11-19T16:30:00"), H / 2, DEFAULT_CALENDAR)).toEqual(
      riyadh("2026-11-19T17:00:00"),
    );
  });
  it("starts at the next opening when opened on a weekend or after hours", () => {
    expect(addBusinessMs(riyadh("2026-11-20T10:00:00"), H, DEFAULT_CALENDAR)).toEqual(riyadh("2026-11-22T10:00:00"));
    expect(addBusinessMs(riyadh("2026-11-22T20:00:00"), H, DEFAULT_CALENDAR)).toEqual(riyadh("2026-11-23T10:00:00"));
    expect(addBusinessMs(riyadh("2026-11-22T07:00:00"), H, DEFAULT_CALENDAR)).toEqual(riyadh("2026-11-22T10:00:00"));
  });
  it("skips holidays", () => {
    const cal = { ...DEFAULT_CALENDAR, holidays: ["2026-11-22"] };
    expect(addBusinessMs(riyadh("2026-11-19T16:30:00"), 8 * H, cal)).toEqual(riyadh("2026-11-23T16:30:00"));
  });
  it("spans a week for 72 business hours (9 working days)", () => {
    expect(addBusinessMs(riyadh("2026-11-22T09:00:00"), 72 * H, DEFAULT_CALENDAR)).toEqual(
      riyadh("2026-12-02T17:00:00"),
    );
  });
  it("throws when the calendar never opens", () => {
    const cal = { ...DEFAULT_CALENDAR, days: [5], holidays: [] };
    const allFridays = Array.from({ length: 60 }, (_, i) =>
      new Date(Date.UTC(2026, 10, 20 + 7 * i)).toISOString().slice(0, 10),
    );
    expect(() => addBusinessMs(riyadh("2026-11-19T10:00:00"), 1000 * H, { ...cal, holidays: allFridays })).toThrow();
  });
});

describe("businessMsBetween", () => {
  it("counts only working windows", () => {
    expect(businessMsBetween(riyadh("2026-11-19T16:30:00"), riyadh("2026-11-22T16:30:00"), DEFAULT_CALENDAR)).toBe(
      8 * H,
    );
    expect(businessMsBetween(riyadh("2026-11-20T00:00:00"), riyadh("2026-11-21T23:59:00"), DEFAULT_CALENDAR)).toBe(0);
    expect(businessMsBetween(riyadh("2026-11-22T12:00:00"), riyadh("2026-11-22T11:00:00"), DEFAULT_CALENDAR)).toBe(0);
  });
  it("is the inverse of addBusinessMs", () => {
    const from = riyadh("2026-11-18T11:17:00");
    const to = addBusinessMs(from, 23 * H + 123, DEFAULT_CALENDAR);
    expect(businessMsBetween(from, to, DEFAULT_CALENDAR)).toBe(23 * H + 123);
  });
  it("follows DST in a zone that has it (New York, 8 March 2026)", () => {
    const cal = {
      days: [0, 1, 2, 3, 4, 5, 6],
      start: "00:00",
      end: "23:59",
      timeZone: "America/New_York",
      holidays: [],
    };
    // 7 March 00:00 → 9 March 00:00 local is 47 h of wall time, 2 × 1 min short of the windows' end.
    const a = new Date("2026-03-07T05:00:00Z");
    const b = new Date("2026-03-09T04:00:00Z");
    expect(businessMsBetween(a, b, cal)).toBe(47 * H - 2 * 60_000);
  });
});

describe("ZCalendar", () => {
  it("accepts the default and normalises days and holidays", () => {
    expect(
      ZCalendar.parse({ ...DEFAULT_CALENDAR, days: [4, 0, 0], holidays: ["2026-12-01", "2026-01-01"] }),
    ).toMatchObject({
      days: [0, 4],
      holidays: ["2026-01-01", "2026-12-01"],
    });
  });
  it("refuses no working days, reversed hours, bad zones and bad dates", () => {
    expect(ZCalendar.safeParse({ ...DEFAULT_CALENDAR, days: [] }).success).toBe(false);
    expect(ZCalendar.safeParse({ ...DEFAULT_CALENDAR, start: "17:00", end: "09:00" }).success).toBe(false);
    expect(ZCalendar.safeParse({ ...DEFAULT_CALENDAR, start: "09:00", end: "09:00" }).success).toBe(false);
    expect(ZCalendar.safeParse({ ...DEFAULT_CALENDAR, timeZone: "Mars/Olympus" }).success).toBe(false);
    expect(ZCalendar.safeParse({ ...DEFAULT_CALENDAR, holidays: ["2026-02-30"] }).success).toBe(false);
    expect(ZCalendar.safeParse({ ...DEFAULT_CALENDAR, start: "24:00" }).success).toBe(false);
  });
});
