import { describe, expect, it } from "vitest";
import { MAX_IMPORT_ROWS, parseTicketCsv } from "./import";

const A = "0b5c1a52-2f7e-4c1b-9a55-1f0a2b3c4d5e";
const now = new Date("2026-11-21T12:00:00Z");
const header = "account_id,subject,body,channel,received_at,external_id\n";

describe("parseTicketCsv", () => {
  it("parses rows with a BOM, quoted Arabic and commas", () => {
    const r = parseTicketCsv(`\uFEFF${header}${A},"تسريب, عاجل","نص",email,2026-11-20T10:00:00Z,T-1\n`, now);
    expect(r.ok && r.rows[0]).toMatchObject({
      line: 2,
      errors: [],
      input: { subject: "تسريب, عاجل", channel: "email" },
    });
  });
  it("reports per-row errors with line numbers", () => {
    const r = parseTicketCsv(
      `${header}nope,s,b,email,2026-11-20T10:00:00Z,\n${A},s,${"x".repeat(20_001)},fax,yesterday,\n${A},s,b,email,2026-11-22T10:00:00Z,\n`,
      now,
    );
    if (!r.ok) throw new Error("expected rows");
    expect(r.rows.map((x) => [x.line, x.errors])).toEqual([
      [2, ["account_id"]],
      [3, ["body_too_long", "channel", "received_at"]],
      [4, ["received_in_future"]],
    ]);
  });
  it("names control characters in the subject or body and a received_at before 2000 (issue 10)", () => {
    const r = parseTicketCsv(
      `${header}${A},"a\u0000b",b,email,2026-11-20T10:00:00Z,\n${A},"two\nlines",b,email,2026-11-20T10:00:00Z,\n` +
        `${A},s,"nul\u0000here",email,2026-11-20T10:00:00Z,\n${A},s,"ok\n\tbody",email,0000-01-01T00:00:00Z,\n` +
        `${A},s,b,email,1999-12-31T23:59:59Z,\n${A},s,b,email,+275760-09-13T00:00:00Z,\n${A},s,b,email,9999-12-31T00:00:00Z,\n`,
      now,
    );
    if (!r.ok) throw new Error("expected rows");
    expect(r.rows.map((x) => x.errors)).toEqual([
      ["subject_control_characters"],
      ["subject_control_characters"],
      ["body_control_characters"],
      ["received_out_of_range"],
      ["received_out_of_range"],
      ["received_at"],
      ["received_in_future"],
    ]);
  });
  it("flags duplicates within the file by external id, or by content without one", () => {
    const r = parseTicketCsv(
      `${header}${A},a,b,email,2026-11-20T10:00:00Z,X\n${A},other,c,email,2026-11-20T11:00:00Z,X\n${A},a,b,email,2026-11-20T10:00:00Z,\n${A},a,b,email,2026-11-20T10:00:00.000+00:00,\n`,
      now,
    );
    if (!r.ok) throw new Error("expected rows");
    expect(r.rows.map((x) => x.errors)).toEqual([[], ["duplicate_in_file"], [], ["duplicate_in_file"]]);
  });
  it("refuses empty, malformed, header-less and oversized files", () => {
    expect(parseTicketCsv("", now)).toMatchObject({ ok: false, error: "empty" });
    expect(parseTicketCsv(header, now)).toMatchObject({ ok: false, error: "empty" });
    expect(parseTicketCsv(`${header}${A},"unterminated\n`, now)).toMatchObject({ ok: false, error: "malformed" });
    expect(parseTicketCsv("subject,body\nx,y\n", now)).toMatchObject({
      ok: false,
      error: "missing_columns",
      detail: "account_id, channel, received_at",
    });
    const many = header + `${A},s,b,email,2026-11-20T10:00:00Z,\n`.repeat(MAX_IMPORT_ROWS + 1);
    expect(parseTicketCsv(many, now)).toMatchObject({ ok: false, error: "too_many_rows" });
  });
});
