import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import type { TActor } from "../domain/auth/actor";
import { dispatchOnce } from "../jobs/dispatch";
import { previewTransport } from "../dispatch/transport";
import { createAccountAt } from "../../test/lifecycle-accounts";
import { runMutation } from "./mutation";
import { proposeAutoCompleteMutation, proposeNudgeMarkSentMutation, proposeNudgeMutation } from "./nudges";
import { approveProposalMutation, rejectProposalMutation } from "./proposals";

// Far from today and from the other lifecycle tests' windows (see test/lifecycle-accounts.ts).
const NOW = new Date("2012-03-01T12:00:00.000Z");
const csm = (): TActor => ({ type: "user", id: randomUUID(), role: "csm", label: "csm@test" });
const founder = (): TActor => ({ type: "user", id: randomUUID(), role: "founder", label: "founder@test" });

const account = (o: Parameters<typeof createAccountAt>[1] = { days: 1 }) => createAccountAt(NOW, o);
const nudge = (accountId: string, template = "day1-pair-screen", actor = csm()) =>
  runMutation(proposeNudgeMutation, actor, { account_id: accountId, template });
const approve = async (p: { id: string; payloadHash: string }) => {
  const r = await runMutation(approveProposalMutation, founder(), { id: p.id, payload_hash: p.payloadHash });
  if (!r.ok) throw new Error(`approve failed: ${r.code}`);
  return r.data;
};
const accountRow = (id: string) => db().prisma.account.findUniqueOrThrow({ where: { id } });
const events = (accountId: string) =>
  db().prisma.accountEvent.findMany({ where: { accountId }, orderBy: { occurredAt: "asc" } });

describe(`nudge proposals on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("renders the nudge in the account's language to its contact, ledgers it, and refuses a second one", async () => {
    const id = await account({ days: 1, locale: "ar" });
    const r = await nudge(id);
    if (!r.ok) throw new Error(r.code);
    expect(r.data).toMatchObject({
      kind: "nudge",
      accountId: id,
      state: "pending",
      reason: "no screen paired after day 1",
    });
    expect(r.data.payload).toMatchObject({
      channel: "email",
      locale: "ar",
      template: "day1-pair-screen",
      to: { name: "ريم" },
      subject: "لنشغّل شاشتك الأولى",
    });
    const entry = await db().prisma.ledgerEntry.findFirst({
      where: { action: "nudges.propose", target: `proposal:${r.data.id}` },
    });
    expect(entry?.payloadHash).toBe(r.data.payloadHash);

    expect(await nudge(id)).toEqual({
      ok: false,
      code: "conflict",
      fields: { template: "validation.nudge_already_proposed" },
    });
    // "Mark as sent" shares the key: a nudge and a mark can never both be live.
    expect(
      await runMutation(proposeNudgeMarkSentMutation, csm(), { account_id: id, template: "day1-pair-screen" }),
    ).toEqual({
      ok: false,
      code: "conflict",
      fields: { template: "validation.nudge_already_proposed" },
    });
    // Another template is another pair.
    expect((await nudge(id, "day3-upload-content")).ok).toBe(true);
    expect(await db().prisma.proposal.count({ where: { accountId: id, kind: "nudge" } })).toBe(2);
  });

  it("frees the pair after a rejection", async () => {
    const id = await account();
    const first = await nudge(id);
    if (!first.ok) throw new Error(first.code);
    const rejected = await runMutation(rejectProposalMutation, founder(), { id: first.data.id, reason: "not now" });
    expect(rejected.ok).toBe(true);
    expect((await nudge(id)).ok).toBe(true);
  });

  it("stamps the sent-at and the timeline when the dispatcher delivers (previews) the nudge; then refuses again", async () => {
    const id = await account({ days: 3, locale: "en" });
    const r = await nudge(id, "day3-upload-content");
    if (!r.ok) throw new Error(r.code);
    await approve(r.data);
    const outbox = await db().prisma.outbox.findFirstOrThrow({ where: { proposalId: r.data.id } });
    expect((await accountRow(id)).nudgeDay3SentAt).toBeNull();
    const report = await dispatchOnce({ transport: previewTransport, onlyIds: [outbox.id], frozen: false });
    expect(report.delivered).toBe(1);
    const after = await accountRow(id);
    expect(after.nudgeDay3SentAt).not.toBeNull();
    expect(after.nudgeDay1SentAt).toBeNull();
    expect((await db().prisma.proposal.findUniqueOrThrow({ where: { id: r.data.id } })).state).toBe("delivered");
    const [event] = (await events(id)).filter((e) => e.type === "nudge.sent");
    expect(event).toMatchObject({
      actor: "system",
      data: { nudge: "day3", template: "day3-upload-content", proposal_id: r.data.id },
    });
    expect(await nudge(id, "day3-upload-content")).toEqual({
      ok: false,
      code: "conflict",
      fields: { template: "validation.nudge_already_sent" },
    });
  });

  it("stamps only the delivered nudge's own account", async () => {
    const id = await account();
    const before = await accountRow(id);
    expect(before.nudgeDay1SentAt).toBeNull();
    const other = await account();
    const r = await nudge(other);
    if (!r.ok) throw new Error(r.code);
    await approve(r.data);
    const outbox = await db().prisma.outbox.findFirstOrThrow({ where: { proposalId: r.data.id } });
    await dispatchOnce({ transport: previewTransport, onlyIds: [outbox.id], frozen: false });
    expect((await accountRow(id)).nudgeDay1SentAt).toBeNull();
    expect((await accountRow(other)).nudgeDay1SentAt).not.toBeNull();
  });

  it("marks a nudge sent on approval, with a timeline event, and never sends anything", async () => {
    const id = await account({ days: 8 });
    const r = await runMutation(proposeNudgeMarkSentMutation, csm(), {
      account_id: id,
      template: "day7-create-schedule",
    });
    if (!r.ok) throw new Error(r.code);
    expect(r.data.payload).toEqual({
      account_id: id,
      template: "day7-create-schedule",
      reason: "mark day7-create-schedule as sent",
    });
    const approved = await approve(r.data);
    expect(approved.state).toBe("delivered");
    expect(await db().prisma.outbox.count({ where: { proposalId: r.data.id } })).toBe(0);
    expect((await accountRow(id)).nudgeDay7SentAt).not.toBeNull();
    expect((await events(id)).map((e) => e.type)).toContain("nudge.sent");
    expect(await nudge(id, "day7-create-schedule")).toMatchObject({
      ok: false,
      fields: { template: "validation.nudge_already_sent" },
    });
  });

  it("auto-completes onboarding on approval, once", async () => {
    const id = await account({ days: 31 });
    const r = await runMutation(proposeAutoCompleteMutation, csm(), { account_id: id });
    if (!r.ok) throw new Error(r.code);
    expect(await runMutation(proposeAutoCompleteMutation, csm(), { account_id: id })).toEqual({
      ok: false,
      code: "conflict",
      fields: { account_id: "validation.auto_complete_already_proposed" },
    });
    expect((await approve(r.data)).state).toBe("delivered");
    expect((await accountRow(id)).onboardingCompletedAt).not.toBeNull();
    const [event] = (await events(id)).filter((e) => e.type === "onboarding.completed");
    expect(event?.actor).toBe("founder@test");
    expect(await runMutation(proposeAutoCompleteMutation, csm(), { account_id: id })).toMatchObject({
      ok: false,
      fields: { account_id: "validation.onboarding_already_complete" },
    });
    expect(await nudge(id)).toMatchObject({
      ok: false,
      fields: { account_id: "validation.onboarding_already_complete" },
    });
  });

  it("validates input and permission", async () => {
    const id = await account();
    expect(await runMutation(proposeNudgeMutation, csm(), { account_id: id, template: "none" })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(
      await runMutation(proposeNudgeMutation, csm(), {
        account_id: id,
        template: "day1-pair-screen",
        reason: "x".repeat(121),
      }),
    ).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await nudge(randomUUID())).toMatchObject({ ok: false, code: "not_found" });
    const reader: TActor = {
      type: "token",
      id: `token:${randomUUID()}`,
      role: "analyst",
      label: "agent",
      scopes: ["customer:read"],
    };
    expect(await nudge(id, "day1-pair-screen", reader)).toEqual({ ok: false, code: "forbidden" });
    expect(await db().prisma.proposal.count({ where: { accountId: id } })).toBe(0);
  });

  it("creates exactly one proposal when eight proposers race for the same pair", async () => {
    const id = await account();
    const results = await Promise.all(Array.from({ length: 8 }, () => nudge(id)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, code: "conflict" });
    expect(await db().prisma.proposal.count({ where: { accountId: id, kind: "nudge" } })).toBe(1);
  });
});
