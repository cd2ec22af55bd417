import { describe, expect, it } from "vitest";
import { classify } from "./classify";
import { draftFirstResponse } from "./replies";

describe("draftFirstResponse", () => {
  it("promises a reply within 30 minutes for P0, in both languages", () => {
    expect(draftFirstResponse("P0", "en", "Sara", "Leak").body).toContain("within 30 minutes");
    expect(draftFirstResponse("P0", "ar", "سارة", "تسريب").body).toContain("خلال 30 دقيقة");
  });
  it("writes in the customer's language with the subject as a reply", () => {
    const d = draftFirstResponse("P2", "ar", "سارة", "ربط gmail");
    expect(d.subject).toBe("رد: ربط gmail");
    expect(d.body.startsWith("مرحباً سارة")).toBe(true);
  });
  it("the P3 reply's escalation word escalates to P1 when the customer uses it", () => {
    for (const locale of ["en", "ar"] as const) {
      const body = draftFirstResponse("P3", locale, "x", "y").body;
      const word = /"([^"]+)"/.exec(body)?.[1] ?? "";
      expect(classify("", `${word}`).priority).toBe("P1");
    }
  });
  it("falls back to P3 and to neutral names and subjects", () => {
    const d = draftFirstResponse("P7", "en", " ", " ");
    expect(d.subject).toBe("Re: your support request");
    expect(d.body).toContain("Hello there");
    expect(draftFirstResponse("P1", "en", "A", "x".repeat(300)).subject).toHaveLength(200);
  });
});
