import { describe, expect, it } from "vitest";
import type { TActor } from "../../domain/auth/actor";
import { PROPOSAL_KINDS, renderMessage } from "../../domain/proposals/payloads";
import { SLA_FREEZE_PREFIX, SLA_MONITOR_ID } from "./freeze";
import { KINDS, kindOf } from "./registry";

const csm: TActor = { type: "user", id: "u1", role: "csm", label: "CSM" };
const account = "6f1c2d3e-0000-4000-8000-000000000001";
const message = renderMessage({ subject: "Hi", body: "Body" }, { name: "Ada", email: "ada@example.com" }, "ar");

describe("proposal kinds", () => {
  it("has one module per kind, each naming its own kind", () => {
    expect(Object.keys(KINDS).sort()).toEqual([...PROPOSAL_KINDS].sort());
    for (const kind of PROPOSAL_KINDS) expect(kindOf(kind).kind).toBe(kind);
  });

  it("accepts what the creators build and refuses a payload with a stray field", () => {
    expect(KINDS.message.payload.safeParse(message).success).toBe(true);
    expect(KINDS.ticket_reply.payload.safeParse({ ...message, ticket_id: "t1" }).success).toBe(true);
    expect(KINDS.nudge.payload.safeParse({ ...message, template: "day1-pair-screen" }).success).toBe(true);
    expect(KINDS.message.payload.safeParse({ ...message, extra: 1 }).success).toBe(false);
    expect(KINDS.nudge.payload.safeParse({ ...message, template: "none" }).success).toBe(false);
  });

  it("gives a nudge and its mark-as-sent the same key, so only one of them can be live", () => {
    const ctx = { id: "p1", accountId: account, proposer: csm };
    const nudge = KINDS.nudge.dedupe?.key({ ...ctx, payload: { ...message, template: "day3-upload-content" } });
    const marked = KINDS.nudge_mark_sent.dedupe?.key({
      ...ctx,
      payload: { account_id: account, template: "day3-upload-content", reason: "" },
    });
    expect(nudge).toBe(`nudge:${account}:day3-upload-content`);
    expect(marked).toBe(nudge);
  });

  it("marks only the SLA monitor's freeze, with a key of its own", () => {
    const key = (proposer: TActor) =>
      KINDS.freeze.dedupe?.key({ id: "p9", accountId: null, payload: { reason: "r" }, proposer });
    expect(key({ ...csm, id: SLA_MONITOR_ID, type: "system" })).toBe(`${SLA_FREEZE_PREFIX}p9`);
    expect(key(csm)).toBeNull();
  });

  it("leaves every kind to founders", () => {
    for (const kind of PROPOSAL_KINDS)
      expect(kindOf(kind).decide).toEqual({ permission: "proposals:approve", makerChecker: true });
  });

  it("keeps bulk approval to customer messages, and groups only the system's onboarding proposals", () => {
    const bulk = PROPOSAL_KINDS.filter((k) => kindOf(k).bulkApprovable).sort();
    expect(bulk).toEqual(["message", "nudge", "ticket_reply"]);
    const grouped = PROPOSAL_KINDS.filter((k) => kindOf(k).groupDecidable).sort();
    expect(grouped).toEqual(["auto_complete", "nudge_mark_sent"]);
  });
});
