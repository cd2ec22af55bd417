import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getChecklist, onboardingOverview } from "../data/checklist";
import { db } from "../db";
import type { TActor } from "../domain/auth/actor";
import { STEPS } from "../domain/checklist/steps";
import { completeStepMutation, noteStepMutation, uncompleteStepMutation } from "./checklist";
import { runMutation } from "./mutation";
import { approveProposalMutation, rejectProposalMutation } from "./proposals";

const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
const csm = (): TActor => ({ type: "user", id: randomUUID(), role: "csm", label: "csm@test" });
const founder = (): TActor => ({ type: "user", id: randomUUID(), role: "founder", label: "founder@test" });
const analyst = (): TActor => ({ type: "user", id: randomUUID(), role: "analyst", label: "analyst@test" });

/** A CSM of its own, so the across-accounts views can be narrowed to this test's accounts. */
async function newCsm(): Promise<string> {
  const id = randomUUID();
  await db().prisma.user.create({
    data: {
      id,
      email: `cl-${id.slice(0, 8)}@example.test`,
      name: `CSM ${id.slice(0, 4)}`,
      role: "csm",
      passwordHash: "x",
    },
  });
  return id;
}

async function newAccount(csmId: string | null = null, signupAt = new Date()): Promise<string> {
  const id = randomUUID();
  await db().prisma.account.create({
    data: {
      id,
      name: `Checklist ${id.slice(0, 6)}`,
      searchName: "checklist",
      tier: "starter",
      signupAt,
      region: "riyadh",
      preferredLocale: "en",
      csmId,
    },
  });
  return id;
}

const complete = (accountId: string, stepId: string, note?: string, actor = csm()) =>
  runMutation(completeStepMutation, actor, { account_id: accountId, step_id: stepId, note });
const approve = (p: { id: string; payloadHash: string }, actor = founder()) =>
  runMutation(approveProposalMutation, actor, { id: p.id, payload_hash: p.payloadHash });
const ledger = (action: string, target: string) => db().prisma.ledgerEntry.count({ where: { action, target } });

describe(`onboarding checklist on ${engine}`, () => {
  it("completes an ungated step at once, ledgered, and moves the current step", async () => {
    const id = await newAccount();
    const r = await complete(id, "select_goal", "  goal: more bookings  ");
    expect(r).toEqual({ ok: true, data: { outcome: "completed" } });
    const c = await getChecklist(id);
    expect(c.progress).toEqual({ completed: 1, total: 8, percent: 12.5, current: "select_bundle" });
    expect(c.steps[0]).toMatchObject({
      state: "done",
      note: "goal: more bookings",
      completedBy: "csm@test",
      approvedBy: null,
    });
    expect(await ledger("checklist.complete", `account:${id}:step:select_goal`)).toBe(1);
    // Completing it again is refused with a message key and changes nothing.
    expect(await complete(id, "select_goal")).toEqual({
      ok: false,
      code: "conflict",
      fields: { step_id: "checklist.errors.already_complete" },
    });
  });

  it("turns an approval-gated step into a proposal; the step counts only after a founder approves", async () => {
    const id = await newAccount();
    const maker = csm();
    const r = await complete(id, "select_bundle", "bundle B", maker);
    if (!r.ok || !r.data.proposal) throw new Error(JSON.stringify(r));
    expect(r.data.outcome).toBe("proposed");
    expect(r.data.proposal).toMatchObject({
      kind: "checklist_step",
      accountId: id,
      state: "pending",
      reason: "bundle B",
    });
    expect(r.data.proposal.payload).toEqual({
      account_id: id,
      step_id: "select_bundle",
      note: "bundle B",
      reason: "complete select_bundle: bundle B",
    });
    let c = await getChecklist(id);
    expect(c.steps[1]).toMatchObject({
      state: "pending_approval",
      pending: { proposedBy: "csm@test", note: "bundle B" },
    });
    expect(c.progress.completed).toBe(0);
    // A second proposal for the same step is refused while the first is live.
    expect(await complete(id, "select_bundle")).toEqual({
      ok: false,
      code: "conflict",
      fields: { step_id: "checklist.errors.already_proposed" },
    });
    // The CSM who made it cannot approve it (nor can any CSM); the step stays pending.
    expect(await approve(r.data.proposal, maker)).toEqual({ ok: false, code: "forbidden" });
    expect((await getChecklist(id)).steps[1]!.state).toBe("pending_approval");
    const a = await approve(r.data.proposal);
    expect(a).toMatchObject({ ok: true, data: { state: "delivered" } });
    c = await getChecklist(id);
    expect(c.steps[1]).toMatchObject({
      state: "done",
      note: "bundle B",
      completedBy: "csm@test",
      approvedBy: "founder@test",
    });
    expect(c.progress.completed).toBe(1);

    // Reopened, it can be proposed again (the delivered proposal no longer holds the step).
    expect(await runMutation(uncompleteStepMutation, csm(), { account_id: id, step_id: "select_bundle" })).toEqual({
      ok: true,
      data: { outcome: "reopened" },
    });
    expect((await getChecklist(id)).steps[1]!.state).toBe("open");
    expect((await complete(id, "select_bundle")).ok).toBe(true);
  });

  it("leaves the step open when the proposal is rejected, and frees it for another proposal", async () => {
    const id = await newAccount();
    const r = await complete(id, "risk_review");
    if (!r.ok || !r.data.proposal) throw new Error("not proposed");
    expect(
      (await runMutation(rejectProposalMutation, founder(), { id: r.data.proposal.id, reason: "not yet" })).ok,
    ).toBe(true);
    expect((await getChecklist(id)).steps[5]!.state).toBe("open");
    expect((await complete(id, "risk_review")).ok).toBe(true);
  });

  it("lets two concurrent completions of one step make one change and one ledger entry", async () => {
    const id = await newAccount();
    const results = await Promise.all([
      complete(id, "company_intake"),
      complete(id, "company_intake"),
      complete(id, "company_intake"),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(["conflict", "conflict"]);
    expect(await ledger("checklist.complete", `account:${id}:step:company_intake`)).toBe(1);

    const gated = await Promise.all([complete(id, "connect_channels"), complete(id, "connect_channels")]);
    expect(gated.filter((r) => r.ok)).toHaveLength(1);
    expect(await db().prisma.proposal.count({ where: { accountId: id, kind: "checklist_step" } })).toBe(1);
  });

  it("approves one proposal once even when two founders click together", async () => {
    const id = await newAccount();
    const r = await complete(id, "upload_or_source");
    if (!r.ok || !r.data.proposal) throw new Error("not proposed");
    const both = await Promise.all([approve(r.data.proposal), approve(r.data.proposal)]);
    expect(both.filter((x) => x.ok)).toHaveLength(1);
    expect((await getChecklist(id)).progress.completed).toBe(1);
  });

  it("rejects notes over 200 characters, unknown steps and accounts, and readers", async () => {
    const id = await newAccount();
    expect(await complete(id, "select_goal", "x".repeat(201))).toEqual({
      ok: false,
      code: "invalid_input",
      fields: { note: "validation.too_long" },
    });
    expect((await complete(id, "select_goal", "ن".repeat(200))).ok).toBe(true);
    expect(await complete(id, "select_goals")).toEqual({
      ok: false,
      code: "invalid_input",
      fields: { step_id: "validation.invalid_choice" },
    });
    expect(await complete(id, "")).toMatchObject({ ok: false, fields: { step_id: "validation.required" } });
    expect(await complete(randomUUID(), "select_goal")).toEqual({
      ok: false,
      code: "not_found",
      fields: { account_id: "validation.unknown_account" },
    });
    expect(await complete(id, "company_intake", undefined, analyst())).toEqual({ ok: false, code: "forbidden" });
    expect(await runMutation(uncompleteStepMutation, csm(), { account_id: id, step_id: "company_intake" })).toEqual({
      ok: false,
      code: "conflict",
      fields: { step_id: "checklist.errors.not_complete" },
    });
    // Nothing of the refused attempts was stored.
    const c = await getChecklist(id);
    expect(c.progress.completed).toBe(1);
    expect(c.steps[0]!.note).toHaveLength(200);
  });

  it("keeps a note on an open step and refuses one over 200 characters", async () => {
    const id = await newAccount();
    const note = (n: string) =>
      runMutation(noteStepMutation, csm(), { account_id: id, step_id: "first_service_run", note: n });
    expect((await note("waiting on IT")).ok).toBe(true);
    expect((await note("y".repeat(201))).ok).toBe(false);
    const step = (await getChecklist(id)).steps[6]!;
    expect(step).toMatchObject({ state: "open", note: "waiting on IT", updatedBy: "csm@test" });
    await expect(
      db().sql.exec(`UPDATE checklist_steps SET note = repeat('z', 201) WHERE account_id = '${id}'`),
    ).rejects.toThrow();
  });

  it("aggregates the overview in SQL: distribution, current steps, stuck accounts by threshold and step", async () => {
    const owner = await newCsm();
    const now = new Date();
    const old = new Date(now.getTime() - 10 * 86_400_000);
    const fresh = await newAccount(owner, now);
    const stuck = await newAccount(owner, old);
    const stuckLater = await newAccount(owner, old);
    const finished = await newAccount(owner, old);
    for (const s of STEPS) {
      const r = await complete(finished, s.id);
      if (r.ok && r.data.proposal) expect((await approve(r.data.proposal)).ok).toBe(true);
    }
    await complete(stuckLater, "select_goal");
    // Last completion 5 days ago: stuck beyond 3 days, not beyond 7.
    await db().sql.query(`UPDATE checklist_steps SET completed_at = $2 WHERE account_id = $1`, [
      stuckLater,
      new Date(now.getTime() - 5 * 86_400_000),
    ]);

    const o = await onboardingOverview({ csm: owner, days: 3, page: 1 }, now);
    expect(o.accounts).toBe(4);
    expect(o.distribution).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 1]);
    expect(o.byStep.find((b) => b.step === "select_goal")).toEqual({ step: "select_goal", accounts: 2, stuck: 1 });
    expect(o.byStep.find((b) => b.step === "select_bundle")).toEqual({ step: "select_bundle", accounts: 1, stuck: 1 });
    expect(o.byStep.find((b) => b.step === "done")).toEqual({ step: "done", accounts: 1, stuck: 0 });
    // Longest waiting first; the fresh and the finished accounts are not stuck.
    expect(o.stuck.rows.map((r) => r.id)).toEqual([stuck, stuckLater]);
    expect(o.stuck.total).toBe(2);
    expect(o.stuck.rows[1]).toMatchObject({
      done: 1,
      current: "select_bundle",
      csmName: expect.stringMatching(/^CSM/),
    });
    expect(o.completeAndReady).toBe(0); // all steps done, but no connector connected

    const week = await onboardingOverview({ csm: owner, days: 7, page: 1 }, now);
    expect(week.stuck.rows.map((r) => r.id)).toEqual([stuck]);
    const byStep = await onboardingOverview({ csm: owner, days: 3, step: "select_bundle", page: 1 }, now);
    expect(byStep.stuck.rows.map((r) => r.id)).toEqual([stuckLater]);
    expect((await onboardingOverview({ csm: owner, days: 3, page: 2 }, now)).stuck.rows).toEqual([]);
    expect(fresh).toBeTruthy();
  });
});
