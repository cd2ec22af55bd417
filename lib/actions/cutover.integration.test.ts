import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { latestCutover } from "../data/proposals";
import type { TActor } from "../domain/auth/actor";
import type { TAgreementReport } from "../domain/shadow/report";
import { proposeCutoverMutation } from "./cutover";
import { runMutation } from "./mutation";
import { approveProposalMutation } from "./proposals";

const founderA: TActor = { type: "user", id: randomUUID(), role: "founder", label: "a@test" };
const founderB: TActor = { type: "user", id: randomUUID(), role: "founder", label: "b@test" };
const csm: TActor = { type: "user", id: randomUUID(), role: "csm", label: "csm@test" };

const report = (pass: boolean) =>
  ({
    decisions: 120,
    agreement_pct: pass ? 91.5 : 60,
    kappa: 0.8,
    heartbeat_span_days: 8,
    gates: [
      { name: "shadow_decisions", pass: true, value: 120, threshold: "≥ 50" },
      { name: "agreement_pct", pass, value: pass ? 91.5 : 60, threshold: "≥ 80%" },
      { name: "heartbeat_span_days", pass: true, value: 8, threshold: "≥ 7 days" },
      { name: "founder_sign_off", pass: false, value: "pending sign-off", threshold: "recorded in the ledger" },
    ],
  }) as unknown as TAgreementReport;

describe(`cut-over sign-off on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("is refused while a measurable gate fails, and only founders may propose it", async () => {
    expect(await runMutation(proposeCutoverMutation, founderA, { report: report(false) })).toMatchObject({
      ok: false,
      code: "conflict",
      fields: { _: "validation.gates_not_passed" },
    });
    expect(await runMutation(proposeCutoverMutation, csm, { report: report(true) })).toEqual({
      ok: false,
      code: "forbidden",
    });
  });

  it("needs a second founder: the proposer cannot approve it, another founder can", async () => {
    const proposed = await runMutation(proposeCutoverMutation, founderA, { report: report(true) });
    if (!proposed.ok) throw new Error(proposed.code);
    expect(proposed.data.payload).toMatchObject({ agreement_pct: 91.5, decisions: 120 });
    const own = await runMutation(approveProposalMutation, founderA, {
      id: proposed.data.id,
      payload_hash: proposed.data.payloadHash,
    });
    expect(own).toEqual({ ok: false, code: "own_proposal" });
    const other = await runMutation(approveProposalMutation, founderB, {
      id: proposed.data.id,
      payload_hash: proposed.data.payloadHash,
    });
    expect(other).toMatchObject({ ok: true, data: { state: "delivered" } });
    expect(await latestCutover()).toMatchObject({ id: proposed.data.id, state: "delivered", decidedByLabel: "b@test" });
  });
});
