import { describe, expect, it } from "vitest";
import { redactParams } from "./redact";

describe("redactParams", () => {
  it("keeps ids, enums, numbers and booleans", () => {
    const input = {
      account_id: "0b7c6a52-1f0e-4c47-9d0f-5d2c1f6a7e11",
      template: "day1-pair-screen",
      log_name: "customer-lifecycle-shadow",
      lookback_days: 30,
      fields: { tier: "pro", input_signals: { nudges_sent: { day1: true } } },
    };
    expect(redactParams(input)).toEqual(input);
  });
  it("masks free text, emails, phone numbers and sensitive keys, saying only the length", () => {
    expect(
      redactParams({
        reason: "short",
        hermes_reasoning: "no screen paired after day 1",
        contact: "reem@example.com",
        org: "ريم",
        phone: "+966 55 123 4567",
        other: "+966 55 123 4567",
        any: "a@b.c",
      }),
    ).toEqual({
      reason: "[redacted: 5 chars]",
      hermes_reasoning: "[redacted: 28 chars]",
      contact: "[redacted: 16 chars]",
      org: "[redacted: 3 chars]",
      phone: "[redacted: 16 chars]",
      other: "[redacted: 16 chars]",
      any: "[redacted: 5 chars]",
    });
  });
  it("masks keys that are themselves personal data and bounds depth", () => {
    expect(redactParams({ "reem@example.com": 1 })).toEqual({ "[redacted key]": 1 });
    expect(redactParams({ a: { b: { c: { d: { e: 1 } } } } })).toEqual({
      a: { b: { c: { d: "[redacted: too deep]" } } },
    });
  });
});
