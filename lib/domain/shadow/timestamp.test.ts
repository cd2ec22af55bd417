import { describe, expect, it } from "vitest";
import { parseIsoBytes, parseIsoTimestamp } from "./timestamp";

const bytes = (text: string) => new TextEncoder().encode(`"${text}"\n`);
const fast = (text: string) => {
  const out = new Int32Array(1);
  const ms = parseIsoBytes(bytes(text), 0, out);
  return { ms, end: out[0] };
};

describe("parseIsoBytes (the toISOString shape)", () => {
  it.each([
    "2025-03-01T10:00:00.123Z",
    "2025-03-01T10:00:00Z",
    "2025-03-01T10:00:00.5Z",
    "2025-03-01T10:00:00.05Z",
    "2024-02-29T23:59:59.999Z",
    "1970-01-01T00:00:00.000Z",
    "1969-12-31T23:59:59.999Z",
    "2100-12-31T00:00:00.000Z",
  ])("reads %s exactly as Date.parse does, ending after the closing quote", (text) => {
    const { ms, end } = fast(text);
    expect(ms).toBe(Date.parse(text));
    expect(end).toBe(text.length + 2);
  });

  it.each([
    "2025-02-29T00:00:00Z", // not a leap year
    "2025-04-31T00:00:00Z",
    "2025-13-01T00:00:00Z",
    "2025-03-01T24:00:00Z",
    "2025-03-01T10:60:00Z",
    "2025-03-01T10:00:60Z",
    "2025-03-01T10:00:00.1234Z", // more than 3 fraction digits: the full parser's business
    "2025-03-01T10:00:00.Z",
    "2025-03-01T10:00:00+01:00",
    "2025-03-01 10:00:00Z",
    "2025-03-01T10:00:00",
    "2025-3-01T10:00:00Z",
    "2025-03-01T10:0",
  ])("gives up on %s", (text) => {
    expect(fast(text).ms).toBeNaN();
  });
});

describe("parseIsoTimestamp (the full parser)", () => {
  it("reads offsets, longer fractions and minutes-only times", () => {
    expect(parseIsoTimestamp("2025-03-01T11:00:00+01:00")).toBe(Date.UTC(2025, 2, 1, 10));
    expect(parseIsoTimestamp("2025-03-01T10:00:00.123456Z")).toBe(Date.UTC(2025, 2, 1, 10, 0, 0, 123));
    expect(parseIsoTimestamp("2025-03-01T10:00Z")).toBe(Date.UTC(2025, 2, 1, 10));
  });

  it("rejects impossible dates that Date.parse would roll over, and non-ISO text", () => {
    expect(parseIsoTimestamp("2025-02-30T00:00:00Z")).toBeNaN();
    expect(parseIsoTimestamp("2025-03-01T24:00:00Z")).toBeNaN();
    expect(parseIsoTimestamp("March 1, 2025")).toBeNaN();
    expect(parseIsoTimestamp("2025-03-01T10:00:00")).toBeNaN(); // no zone: local time is not a log time
    expect(parseIsoTimestamp("")).toBeNaN();
  });
});
