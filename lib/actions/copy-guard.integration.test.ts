import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import type { TActor } from "../domain/auth/actor";
import { normalizeForSearch } from "../domain/accounts/search";
import { runMutation } from "./mutation";
import { approveProposalMutation, createProposalMutation, editProposalTextMutation } from "./proposals";

const csm: TActor = { type: "user", id: randomUUID(), role: "csm", label: "csm@test" };
const csm2: TActor = { type: "user", id: randomUUID(), role: "csm", label: "csm2@test" };
const founder: TActor = { type: "user", id: randomUUID(), role: "founder", label: "founder@test" };
const founder2: TActor = { type: "user", id: randomUUID(), role: "founder", label: "founder2@test" };
let accountId = "";

beforeAll(async () => {
  accountId = randomUUID();
  await db().prisma.account.create({
    data: {
      id: accountId,
      name: "شركة الحارس",
      searchName: normalizeForSearch("شركة الحارس"),
      tier: "pro",
      signupAt: new Date(),
      region: "riyadh",
      preferredLocale: "ar",
      contacts: { create: [{ id: randomUUID(), name: "سارة", email: "sara@example.test" }] },
    },
  });
});

async function propose(body: string, actor = csm) {
  const r = await runMutation(createProposalMutation, actor, {
    kind: "message",
    account_id: accountId,
    message: { subject: "متابعة", body },
  });
  if (!r.ok) throw new Error(r.code);
  return r.data;
}

describe(`outbound copy guard on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("refuses to approve a violating draft, ledgers the phrase and category, queues nothing", async () => {
    const p = await propose("نضمن لكم نتائج فورية خلال أسبوع");
    const r = await runMutation(approveProposalMutation, founder, { id: p.id, payload_hash: p.payloadHash });
    expect(r).toEqual({ ok: false, code: "copy_guard_violation" });
    expect((await db().prisma.proposal.findUniqueOrThrow({ where: { id: p.id } })).state).toBe("pending");
    expect(await db().prisma.outbox.count({ where: { proposalId: p.id } })).toBe(0);
    const denied = await db().prisma.ledgerEntry.findFirst({
      where: { action: "proposals.approve.denied", target: `proposal:${p.id}` },
    });
    expect(denied?.summary).toContain("copy_guard_violation");
    expect(denied?.summary).toContain('guaranteed_results "نضمن"');
    expect(denied?.summary).toContain('exaggerated_speed "نتائج فورية"');
    expect(denied?.actorId).toBe(founder.id);
  });

  it("a negated mention is approved as is", async () => {
    const p = await propose("لا نضمن أرقاما محددة، ولن نرسل أي رسالة بدون موافقتك.");
    expect(
      await runMutation(approveProposalMutation, founder, { id: p.id, payload_hash: p.payloadHash }),
    ).toMatchObject({
      ok: true,
    });
  });

  it("the proposer edits the text: the payload is re-sealed and ledgered, the old hash is stale, the new one approves", async () => {
    const p = await propose("We guarantee results and our competitors are scams.");
    const edited = await runMutation(editProposalTextMutation, csm, {
      id: p.id,
      payload_hash: p.payloadHash,
      text: { body: "We will review the results with you every week." },
    });
    if (!edited.ok) throw new Error(edited.code);
    expect(edited.data.guardOk).toBe(true);
    expect(edited.data.payloadHash).not.toBe(p.payloadHash);
    const row = await db().prisma.proposal.findUniqueOrThrow({ where: { id: p.id } });
    expect(row.payloadHash).toBe(edited.data.payloadHash);
    expect(JSON.parse(row.payload)).toMatchObject({
      body: "We will review the results with you every week.",
      subject: "متابعة",
      to: { email: "sara@example.test" },
    });
    const entry = await db().prisma.ledgerEntry.findFirst({
      where: { action: "proposals.edit", target: `proposal:${p.id}` },
    });
    expect(entry?.payloadHash).toBe(edited.data.payloadHash);
    // An approval of what the founder reviewed before the edit no longer applies.
    expect(await runMutation(approveProposalMutation, founder, { id: p.id, payload_hash: p.payloadHash })).toEqual({
      ok: false,
      code: "stale_payload",
    });
    const ok = await runMutation(approveProposalMutation, founder, { id: p.id, payload_hash: edited.data.payloadHash });
    expect(ok).toMatchObject({ ok: true, data: { state: "approved", payloadHash: edited.data.payloadHash } });
    expect(await db().prisma.outbox.count({ where: { proposalId: p.id } })).toBe(1);
  });

  it("an edit that keeps a prohibited claim is saved but still cannot be approved", async () => {
    const p = await propose("The service is fully automated.");
    const e = await runMutation(editProposalTextMutation, csm, {
      id: p.id,
      payload_hash: p.payloadHash,
      text: { body: "The service is fully automated and runs itself." },
    });
    if (!e.ok) throw new Error(e.code);
    expect(e.data.guardOk).toBe(false);
    expect(await runMutation(approveProposalMutation, founder, { id: p.id, payload_hash: e.data.payloadHash })).toEqual(
      {
        ok: false,
        code: "copy_guard_violation",
      },
    );
  });

  it("only the proposer or a founder edits, only pending drafts, only registered text fields, from the seen version", async () => {
    const p = await propose("Risk-free trial.");
    const edit = (actor: TActor, input: Record<string, unknown>) =>
      runMutation(editProposalTextMutation, actor, { id: p.id, payload_hash: p.payloadHash, ...input });
    expect(await edit(csm2, { text: { body: "Trial." } })).toEqual({ ok: false, code: "forbidden" });
    expect(await edit(csm, { text: { to: "x@example.test" } })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await edit(csm, { text: {} })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await edit(csm, { text: { body: "x".repeat(20_001) } })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await edit(csm, { text: { body: "Risk-free trial." } })).toMatchObject({ ok: false, code: "conflict" });
    expect(await edit(csm, { payload_hash: "0".repeat(64), text: { body: "Trial." } })).toEqual({
      ok: false,
      code: "stale_payload",
    });
    // A founder rewrites it: the founder is now the last editor and may not approve their own words.
    const byFounder = await edit(founder, { text: { body: "A free trial for two weeks." } });
    if (!byFounder.ok) throw new Error(byFounder.code);
    expect(
      await runMutation(approveProposalMutation, founder, { id: p.id, payload_hash: byFounder.data.payloadHash }),
    ).toEqual({
      ok: false,
      code: "own_proposal",
    });
    expect(
      await runMutation(approveProposalMutation, founder2, { id: p.id, payload_hash: byFounder.data.payloadHash }),
    ).toMatchObject({ ok: true });
    // Decided: no more edits.
    expect(
      await runMutation(editProposalTextMutation, csm, {
        id: p.id,
        payload_hash: byFounder.data.payloadHash,
        text: { body: "Changed later." },
      }),
    ).toEqual({ ok: false, code: "already_decided" });
  });

  it("internal kinds carry no customer text and are not editable", async () => {
    const r = await runMutation(createProposalMutation, csm, { kind: "freeze", reason: "guaranteed results ahead" });
    if (!r.ok) throw new Error(r.code);
    expect(
      await runMutation(editProposalTextMutation, csm, {
        id: r.data.id,
        payload_hash: r.data.payloadHash,
        text: { body: "x" },
      }),
    ).toMatchObject({ ok: false, code: "invalid_input" });
  });
});
