import { describe, expect, it } from "vitest";
import { heartbeatRow, readShadow, shadowRow, shadowRowsOf } from "./test-fixtures";

const good = (i: number) => shadowRow({ org: `org-${i}`, minute: i });

describe("malformed lines are counted with their exact line numbers, never thrown", () => {
  const lines = [
    good(1), // 1
    good(2).slice(0, 70), // 2: truncated JSON
    "[1,2,3]", // 3: not an object
    good(4), // 4
    good(5).replace('"days_since_signup":3', '"days_since_signup":"3"'), // 5: wrong type
    "", // 6: blank, ignored
    good(7), // 7
    good(8).replace('"hermes_template":"none"', '"hermes_template":"day9"'), // 8: not a template
    "not json at all", // 9
  ];

  it.each([1, 7, 64, 100_000])("in chunks of %i bytes", (chunk) => {
    const reader = readShadow(`${lines.join("\n")}\n`, { chunk });
    expect(reader.stats()).toMatchObject({ lines: 9, blank: 1, malformed: 5, malformedLines: [2, 3, 5, 8, 9] });
    expect(reader.partialLastLine).toBe(false);
    expect(shadowRowsOf(reader).map((r) => r.line)).toEqual([1, 4, 7]);
    expect(reader.malformedReasons.map((r) => r.reason)).toEqual([
      expect.stringMatching(/^not JSON/),
      expect.stringMatching(/^row: .*expected object/),
      expect.stringMatching(/^days_since_signup: .*expected number/),
      expect.stringMatching(/^hermes_template: /),
      expect.stringMatching(/^not JSON/),
    ]);
  });

  it("a partial last line (no newline) is skipped and counted, even when it parses", () => {
    const reader = readShadow(`${good(1)}\n${good(2)}`);
    expect(reader.stats()).toMatchObject({ lines: 2, malformed: 1, malformedLines: [2], partialLastLine: true });
    expect(reader.rows.length).toBe(1);
    const cut = readShadow(`${good(1)}\n${good(2).slice(0, 50)}`, { chunk: 3 });
    expect(cut.stats()).toMatchObject({ malformedLines: [2], partialLastLine: true });
  });

  it("trailing blank lines and whitespace are not a partial line", () => {
    expect(readShadow(`${good(1)}\n\n  `).stats()).toMatchObject({ malformed: 0, partialLastLine: false });
  });

  it("skips a byte-order mark before the first line and reads CRLF endings", () => {
    const reader = readShadow(`\uFEFF${good(1)}\r\n${good(2)}\r\n`);
    expect(reader.malformed).toBe(0);
    expect(reader.rows.length).toBe(2);
  });

  it("skips a line longer than the limit as malformed, then goes on", () => {
    const long = good(2).replace('"looks fine"', `"${"x".repeat(5000)}"`);
    const reader = readShadow(`${good(1)}\n${long}\n${good(3)}\n`, {
      bufferBytes: 1024,
      maxLineBytes: 2048,
      chunk: 500,
    });
    expect(reader.stats()).toMatchObject({ lines: 3, malformed: 1, malformedLines: [2] });
    expect(shadowRowsOf(reader).map((r) => r.line)).toEqual([1, 3]);
  });

  it("grows its buffer for a long line within the limit", () => {
    const long = good(2).replace('"looks fine"', `"${"x".repeat(5000)}"`);
    const reader = readShadow(`${good(1)}\n${long}\n`, { bufferBytes: 256, chunk: 100 });
    expect(reader.malformed).toBe(0);
    expect(reader.rows.length).toBe(2);
  });

  it("records byte offsets of each row's line", () => {
    const text = `${good(1)}\n${heartbeatRow(2)}\n${good(3)}\n`;
    const reader = readShadow(text, { chunk: 10 });
    const offsets = shadowRowsOf(reader).map((r) => r.offset);
    expect(offsets).toEqual([0, text.indexOf(good(3))]);
  });
});
