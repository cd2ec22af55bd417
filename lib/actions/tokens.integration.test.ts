import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { lastEdits } from "../data/proposal-edits";
import { resolveBearer } from "../data/tokens";
import type { TActor } from "../domain/auth/actor";
import { normalizeForSearch } from "../domain/accounts/search";
import { runMutation } from "./mutation";
import { approveProposalMutation, createProposalMutation, editProposalTextMutation } from "./proposals";
import { createTokenMutation } from "./tokens";

// Issue 10, finding 2: maker ≠ checker must hold through tokens.
const operator: TActor = { type: "cli", id: "cli:test", role: "founder", label: "cli" };

type TPerson = { actor: TActor; email: string };
async function person(role: "founder" | "csm"): Promise<TPerson> {
  const id = randomUUID();
  const email = `${role}-${id.slice(0, 8)}@tokens.test`;
  await db().prisma.user.create({ data: { id, email, name: role, role, passwordHash: "x" } });
  return { actor: { type: "user", id, role, label: email }, email };
}

async function mint(actor: TActor, input: object) {
  const r = await runMutation(createTokenMutation, actor, input);
  if (!r.ok) throw new Error(`${r.code} ${JSON.stringify(r.fields)}`);
  return r.data;
}

/** The actor a request with this secret would act as (the REST API and MCP both resolve it so). */
async function through(secret: string): Promise<TActor> {
  const bearer = await resolveBearer(secret);
  if (!bearer) throw new Error("token did not resolve");
  return bearer.actor;
}

let founder: TPerson;
let founder2: TPerson;
let csm: TPerson;
let accountId: string;

beforeAll(async () => {
  founder = await person("founder");
  founder2 = await person("founder");
  csm = await person("csm");
  accountId = randomUUID();
  await db().prisma.account.create({
    data: {
      id: accountId,
      name: "Token Test Co",
      searchName: normalizeForSearch("Token Test Co"),
      tier: "pro",
      signupAt: new Date(),
      region: "riyadh",
      preferredLocale: "en",
      contacts: { create: [{ id: randomUUID(), name: "Sara", email: "sara@tokens.test" }] },
    },
  });
});

const propose = async (actor: TActor) => {
  const r = await runMutation(createProposalMutation, actor, {
    kind: "message",
    account_id: accountId,
    reason: "check-in",
    message: { subject: "Hello", body: "How are the screens?" },
  });
  if (!r.ok) throw new Error(r.code);
  return r.data;
};
const approve = (actor: TActor, p: { id: string; payloadHash: string }) =>
  runMutation(approveProposalMutation, actor, { id: p.id, payload_hash: p.payloadHash });

describe(`token provenance on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("refuses a founder a personal token for someone else (field error, ledgered, nothing stored)", async () => {
    const before = await db().prisma.apiToken.count();
    const r = await runMutation(createTokenMutation, founder.actor, {
      kind: "personal",
      name: "act as the CSM",
      user_email: csm.email,
    });
    expect(r).toEqual({ ok: false, code: "forbidden", fields: { user_email: "validation.token_self_only" } });
    expect(await db().prisma.apiToken.count()).toBe(before);
    const denied = await db().prisma.ledgerEntry.findFirst({
      where: { action: "tokens.create.denied", actorId: founder.actor.id, target: `user:${csm.actor.id}` },
    });
    expect(denied?.summary).toContain("forbidden");
  });

  it("makes a founder's personal token for themselves (named or not) and records them as its creator", async () => {
    const own = await mint(founder.actor, { kind: "personal", name: "my script" });
    expect(own.token).toMatchObject({ userId: founder.actor.id, createdByUserId: founder.actor.id });
    const named = await mint(founder.actor, { kind: "personal", name: "mine too", user_email: founder.email });
    expect(named.token.userId).toBe(founder.actor.id);
    const actor = await through(own.secret);
    expect(actor).toMatchObject({ id: founder.actor.id, token: { id: own.token.id, createdBy: founder.actor.id } });
  });

  it("lets the operator CLI make a personal token for anyone, ledgered as the CLI naming the user", async () => {
    const t = await mint(operator, { kind: "personal", name: "ops for csm", user_email: csm.email });
    expect(t.token).toMatchObject({ userId: csm.actor.id, createdBy: "cli", createdByUserId: null });
    const entry = await db().prisma.ledgerEntry.findFirstOrThrow({
      where: { action: "tokens.create", target: `token:${t.token.id}` },
    });
    expect(entry).toMatchObject({ actorType: "cli", actorId: "cli:test" });
    expect(entry.summary).toContain(`for ${csm.email} (user:${csm.actor.id})`);
    // The CSM proposes through it; a founder may approve (the CLI is nobody's hand).
    const viaCsm = await through(t.secret);
    expect(viaCsm).toMatchObject({ id: csm.actor.id, token: { id: t.token.id, createdBy: null } });
    const p = await propose(viaCsm);
    expect(p.proposer).toMatchObject({ id: csm.actor.id, tokenId: t.token.id, tokenCreatorId: null });
    expect(await approve(founder.actor, p)).toMatchObject({ ok: true });
  });

  it("refuses a founder approving what was proposed through an agent token they created", async () => {
    const t = await mint(founder.actor, { kind: "agent", name: "founder's agent", scopes: ["customer:write"] });
    expect(t.token.createdByUserId).toBe(founder.actor.id);
    const agent = await through(t.secret);
    expect(agent).toMatchObject({ type: "token", token: { id: t.token.id, createdBy: founder.actor.id } });
    const p = await propose(agent);
    const row = await db().prisma.proposal.findUniqueOrThrow({ where: { id: p.id } });
    expect(row).toMatchObject({
      proposerId: `token:${t.token.id}`,
      proposerTokenId: t.token.id,
      proposerTokenCreatorId: founder.actor.id,
    });
    expect(await approve(founder.actor, p)).toEqual({ ok: false, code: "own_proposal" });
    const denied = await db().prisma.ledgerEntry.findFirst({
      where: { action: "proposals.approve.denied", actorId: founder.actor.id, target: `proposal:${p.id}` },
    });
    expect(denied?.summary).toContain("own_proposal");
    // Another founder is a real second pair of eyes.
    expect(await approve(founder2.actor, p)).toMatchObject({ ok: true, data: { state: "approved" } });
  });

  it("lets a founder approve what was proposed through another founder's token", async () => {
    const t = await mint(founder2.actor, { kind: "personal", name: "founder2 script" });
    const p = await propose(await through(t.secret));
    expect(p.proposer).toMatchObject({ id: founder2.actor.id, tokenCreatorId: founder2.actor.id });
    expect(await approve(founder2.actor, p)).toEqual({ ok: false, code: "own_proposal" });
    expect(await approve(founder.actor, p)).toMatchObject({ ok: true, data: { state: "approved" } });
  });

  it("records no token on a proposal made without one", async () => {
    // A proposal made without a token carries no token columns.
    const p = await propose(csm.actor);
    expect(p.proposer).toMatchObject({ tokenId: null, tokenCreatorId: null });
    expect(await approve(founder.actor, p)).toMatchObject({ ok: true });
  });

  it("tells the inbox who last edited each proposal (it hides Approve from them)", async () => {
    const p = await propose(csm.actor);
    const untouched = await propose(csm.actor);
    for (const [who, body] of [
      [founder2, "First rewrite."],
      [founder, "Second rewrite."],
    ] as const) {
      const current = await db().prisma.proposal.findUniqueOrThrow({ where: { id: p.id } });
      const r = await runMutation(editProposalTextMutation, who.actor, {
        id: p.id,
        payload_hash: current.payloadHash,
        text: { body },
      });
      expect(r.ok).toBe(true);
    }
    const editors = await lastEdits([p.id, untouched.id]);
    expect(editors.get(p.id)?.id).toBe(founder.actor.id);
    expect(editors.has(untouched.id)).toBe(false);
  });
});
