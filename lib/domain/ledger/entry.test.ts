import { describe, expect, it } from "vitest";
import { canonicalEntry, type TLedgerInput } from "./chain";
import { ledgerEntry } from "./entry";

const chained = (e: TLedgerInput) => canonicalEntry({ ...e, seq: 7, at: "2026-12-01T10:00:00.000Z" });

describe("ledgerEntry", () => {
  it("writes the same canonical text as the eight fields spelled out by hand", () => {
    const built = ledgerEntry(
      { type: "system", id: "journey-engine", role: "csm", label: "journey engine" },
      { action: "journeys.recompute", target: null, summary: "full journey recompute: 3 accounts, 1 changes" },
    );
    const byHand: TLedgerInput = {
      actorType: "system",
      actorId: "journey-engine",
      actorRole: "csm",
      action: "journeys.recompute",
      target: null,
      summary: "full journey recompute: 3 accounts, 1 changes",
      requestId: null,
      payloadHash: null,
    };
    expect(chained(built)).toBe(chained(byHand));
  });

  it("records the token an actor acted through, and the request and payload when given", () => {
    const e = ledgerEntry(
      { type: "user", id: "u-csm", role: "csm", label: "csm", token: { id: "t1", createdBy: "u-founder" } },
      { action: "proposals.create", target: "proposal:p1", summary: "s", requestId: "r1", payloadHash: "h1" },
    );
    expect(e).toEqual({
      actorType: "user",
      actorId: "u-csm",
      actorRole: "csm",
      via: { tokenId: "t1", createdBy: "u-founder" },
      action: "proposals.create",
      target: "proposal:p1",
      summary: "s",
      requestId: "r1",
      payloadHash: "h1",
    });
    expect(chained(e)).toContain('"via":{"createdBy":"u-founder","tokenId":"t1"}');
  });

  it("takes a bare identity where there is no actor (a sign-in attempt), with no token", () => {
    const e = ledgerEntry(
      { actorType: "anonymous", actorId: "who@example.test", actorRole: null },
      { action: "auth.sign_in_failed", target: null, summary: "unknown email", requestId: "r2" },
    );
    expect(e).toMatchObject({ actorType: "anonymous", actorRole: null, via: null, requestId: "r2", payloadHash: null });
    expect(chained(e)).not.toContain('"via"');
  });
});
