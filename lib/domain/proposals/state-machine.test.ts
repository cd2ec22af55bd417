import { describe, expect, it } from "vitest";
import {
  PROPOSAL_STATES,
  canTransition,
  checkApproval,
  effectiveState,
  expiresAt,
  isMaker,
  isTerminal,
} from "./state-machine";

const now = new Date("2026-11-21T12:00:00Z");
const pending = {
  state: "pending" as const,
  expiresAt: new Date("2026-11-28T12:00:00Z"),
  proposerId: "csm-1",
  payloadHash: "h1",
};

describe("proposal state machine", () => {
  it("allows exactly the spec's transitions", () => {
    const allowed = PROPOSAL_STATES.flatMap((from) =>
      PROPOSAL_STATES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        "approved→dispatched",
        "dispatched→delivered",
        "dispatched→failed",
        "failed→pending",
        "pending→approved",
        "pending→expired",
        "pending→rejected",
      ].sort(),
    );
  });

  it("treats delivered, rejected and expired as terminal", () => {
    expect(PROPOSAL_STATES.filter(isTerminal)).toEqual(["delivered", "rejected", "expired"]);
  });

  it("expires after 7 days by default, at the exact instant", () => {
    const created = new Date("2026-11-14T12:00:00Z");
    expect(expiresAt(created)).toEqual(new Date("2026-11-21T12:00:00Z"));
    expect(effectiveState({ state: "pending", expiresAt: expiresAt(created) }, now)).toBe("expired");
    expect(effectiveState({ state: "pending", expiresAt: new Date(now.getTime() + 1) }, now)).toBe("pending");
    expect(effectiveState({ state: "approved", expiresAt: expiresAt(created) }, now)).toBe("approved");
  });
});

describe("checkApproval (maker ≠ checker, payload-bound)", () => {
  it("lets another person approve the payload they saw", () => {
    expect(checkApproval(pending, { id: "founder-1", seenPayloadHash: "h1" }, now)).toBeNull();
  });
  it("refuses the proposer, even before any other check", () => {
    expect(checkApproval({ ...pending, state: "rejected" }, { id: "csm-1", seenPayloadHash: "h1" }, now)).toBe(
      "own_proposal",
    );
  });
  it("refuses the creator of the token it was proposed through, and its last editor", () => {
    const viaToken = { ...pending, proposerId: "token:agent-1", proposerTokenCreatorId: "founder-1" };
    expect(checkApproval(viaToken, { id: "founder-1", seenPayloadHash: "h1" }, now)).toBe("own_proposal");
    expect(checkApproval(viaToken, { id: "founder-2", seenPayloadHash: "h1" }, now)).toBeNull();
    const edited = { ...pending, lastEditorId: "founder-2" };
    expect(checkApproval(edited, { id: "founder-2", seenPayloadHash: "h1" }, now)).toBe("own_proposal");
    expect(checkApproval(edited, { id: "founder-1", seenPayloadHash: "h1" }, now)).toBeNull();
  });
  it("a token made by the CLI (no creator) adds no maker", () => {
    expect(isMaker("founder-1", { proposerId: "csm-1", proposerTokenCreatorId: null, lastEditorId: null })).toBe(false);
    expect(isMaker("csm-1", { proposerId: "csm-1", proposerTokenCreatorId: null })).toBe(true);
  });
  it("refuses a payload that changed since it was reviewed", () => {
    expect(checkApproval(pending, { id: "founder-1", seenPayloadHash: "old" }, now)).toBe("stale_payload");
  });
  it("refuses approved, rejected and expired proposals", () => {
    for (const state of ["approved", "rejected", "delivered", "failed"] as const) {
      expect(checkApproval({ ...pending, state }, { id: "f", seenPayloadHash: "h1" }, now)).toBe("not_pending");
    }
    expect(checkApproval({ ...pending, expiresAt: now }, { id: "f", seenPayloadHash: "h1" }, now)).toBe("expired");
  });
});
