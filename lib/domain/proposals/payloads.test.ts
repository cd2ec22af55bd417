import { describe, expect, it } from "vitest";
import { MAX_BODY, ZCreateProposal, renderMessage, sealPayload } from "./payloads";

const account_id = "5f0c3c1e-8a4b-4c55-9a0e-2d3f4b5c6d7e";

describe("proposal payloads", () => {
  it("renders a message in the recipient's language, with no direction derived from that language", () => {
    const p = renderMessage({ subject: "مرحبا", body: "أهلا" }, { name: "ريم", email: "reem@example.test" }, "ar");
    expect(p).toEqual({
      channel: "email",
      locale: "ar",
      to: { name: "ريم", email: "reem@example.test" },
      subject: "مرحبا",
      body: "أهلا",
    });
  });

  it("seals canonically: key order never changes the hash, any content change does", () => {
    const a = sealPayload({ reason: "x" });
    expect(sealPayload(JSON.parse('{"reason":"x"}'))).toEqual(a);
    const m = renderMessage({ subject: "s", body: "b" }, { name: "n", email: "e@x.test" }, "en");
    expect(sealPayload({ ...m, body: "b " }).hash).not.toBe(sealPayload(m).hash);
    expect(sealPayload(m).hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("accepts a valid message and trims it", () => {
    const r = ZCreateProposal.parse({ kind: "message", account_id, message: { subject: " Hi ", body: "Body" } });
    expect(r).toMatchObject({ kind: "message", reason: "", message: { subject: "Hi" } });
  });

  it("rejects empty, oversized, malformed and unknown input", () => {
    expect(
      ZCreateProposal.safeParse({ kind: "message", account_id, message: { subject: "  ", body: "b" } }).success,
    ).toBe(false);
    expect(
      ZCreateProposal.safeParse({
        kind: "message",
        account_id,
        message: { subject: "s", body: "x".repeat(MAX_BODY + 1) },
      }).success,
    ).toBe(false);
    expect(
      ZCreateProposal.safeParse({ kind: "message", account_id: "42", message: { subject: "s", body: "b" } }).success,
    ).toBe(false);
    expect(ZCreateProposal.safeParse({ kind: "delete_everything" }).success).toBe(false);
    expect(ZCreateProposal.safeParse({ kind: "freeze", reason: "" }).success).toBe(false);
    expect(ZCreateProposal.safeParse(null).success).toBe(false);
  });
});
