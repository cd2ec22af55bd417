import { describe, expect, it } from "vitest";
import { planProgress, responsePlan } from "./plan";
import { ZCreateIncident, ZPostmortem, canMoveStatus } from "./schemas";

const ids = (sev: "SEV1" | "SEV2" | "SEV3", leak = false) => responsePlan(sev, leak).map((s) => s.id);

describe("response plan", () => {
  it("common steps first, then the severity's own", () => {
    const common = ["freeze_live_actions", "notify_founder_oncall", "open_channel", "review_ledger"];
    expect(ids("SEV1")).toEqual([...common, "postmortem_24h", "legal_review"]);
    expect(ids("SEV2")).toEqual([...common, "hourly_updates", "postmortem_48h"]);
    expect(ids("SEV3")).toEqual([...common, "postmortem_optional"]);
  });
  it("a data leak adds the 72-hour notification step", () => {
    expect(ids("SEV1", true)).toContain("notify_data_protection");
    expect(ids("SEV1", false)).not.toContain("notify_data_protection");
  });
  it("progress counts required steps only", () => {
    const plan = responsePlan("SEV3", false);
    expect(planProgress(plan, new Set(["postmortem_optional", "open_channel"]))).toEqual({ done: 1, required: 4 });
  });
});

describe("incident validation", () => {
  const triage = { data_leak: "no", unauthorized_send: "no", affected: 2 };
  it("title up to 120 characters, description up to 5000", () => {
    expect(ZCreateIncident.safeParse({ title: "x".repeat(120), description: "d".repeat(5000), triage }).success).toBe(
      true,
    );
    expect(ZCreateIncident.safeParse({ title: "x".repeat(121), triage }).success).toBe(false);
    expect(ZCreateIncident.safeParse({ title: "x", description: "d".repeat(5001), triage }).success).toBe(false);
    expect(ZCreateIncident.safeParse({ title: "   ", triage }).success).toBe(false);
  });
  it("rejects malformed triage answers and counts; de-duplicates accounts", () => {
    expect(ZCreateIncident.safeParse({ title: "t", triage: { ...triage, data_leak: "maybe" } }).success).toBe(false);
    expect(ZCreateIncident.safeParse({ title: "t", triage: { ...triage, affected: -1 } }).success).toBe(false);
    expect(ZCreateIncident.safeParse({ title: "t", triage: { ...triage, affected: 1.5 } }).success).toBe(false);
    const id = "7f1c2a57-51a8-4e1f-9a51-d2a8d8f1c0aa";
    const parsed = ZCreateIncident.parse({ title: "t", account_ids: [id, id], triage: { ...triage, affected: null } });
    expect(parsed.account_ids).toEqual([id]);
    expect(parsed.triage.unsure).toBe(false);
  });
  it("post-mortem action items need an action and an owner", () => {
    const id = "7f1c2a57-51a8-4e1f-9a51-d2a8d8f1c0aa";
    expect(ZPostmortem.safeParse({ id, action_items: [{ action: "Add alert", owner: "Omar" }] }).success).toBe(true);
    expect(ZPostmortem.safeParse({ id, action_items: [{ action: "Add alert", owner: "" }] }).success).toBe(false);
    expect(ZPostmortem.safeParse({ id, summary: "s".repeat(5001) }).success).toBe(false);
  });
  it("status moves: closed is final, mitigated may reopen", () => {
    expect(canMoveStatus("open", "mitigated")).toBe(true);
    expect(canMoveStatus("mitigated", "open")).toBe(true);
    expect(canMoveStatus("closed", "open")).toBe(false);
    expect(canMoveStatus("open", "open")).toBe(false);
  });
});
