import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { blockedAccounts, connectorGrid, getConnectors } from "../data/connectors";
import { getFreeze } from "../data/system-state";
import { db } from "../db";
import type { TActor } from "../domain/auth/actor";
import { CONNECTOR_STATES } from "../domain/connectors/state-machine";
import { transitionConnectorMutation } from "./connectors";
import { runMutation } from "./mutation";
import { approveProposalMutation } from "./proposals";

const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
const csm = (): TActor => ({ type: "user", id: randomUUID(), role: "csm", label: "csm@test" });
const founder = (): TActor => ({ type: "user", id: randomUUID(), role: "founder", label: "founder@test" });

async function newCsm(): Promise<string> {
  const id = randomUUID();
  await db().prisma.user.create({
    data: {
      id,
      email: `cn-${id.slice(0, 8)}@example.test`,
      name: `CSM ${id.slice(0, 4)}`,
      role: "csm",
      passwordHash: "x",
    },
  });
  return id;
}
async function newAccount(csmId: string | null = null, name = "Connector Co"): Promise<string> {
  const id = randomUUID();
  await db().prisma.account.create({
    data: {
      id,
      name,
      searchName: name.toLowerCase(),
      tier: "pro",
      signupAt: new Date(),
      region: "riyadh",
      preferredLocale: "ar",
      csmId,
    },
  });
  return id;
}
const move = (accountId: string, connector: string, to: string, actor = csm()) =>
  runMutation(transitionConnectorMutation, actor, { account_id: accountId, connector, to });
const stateOf = async (accountId: string, key: string) =>
  (await getConnectors(accountId)).connectors.find((c) => c.key === key)!.state;

describe(`connectors on ${engine}`, () => {
  it("follows the state machine, ledgering each move, and names both states when refusing", async () => {
    const id = await newAccount();
    expect(await move(id, "gmail", "connected_draft_only")).toEqual({
      ok: false,
      code: "conflict",
      fields: {
        _: "connectors.errors.illegal_transition",
        from: "connectors.states.not_started",
        to: "connectors.states.connected_draft_only",
      },
    });
    expect(await move(id, "gmail", "configuring")).toEqual({
      ok: true,
      data: { outcome: "changed", from: "not_started" },
    });
    expect(await move(id, "gmail", "failed")).toMatchObject({ ok: true });
    expect(await move(id, "gmail", "configuring")).toMatchObject({ ok: true, data: { from: "failed" } });
    expect(await move(id, "gmail", "connected_draft_only")).toMatchObject({ ok: true });
    expect(await move(id, "gmail", "configuring")).toMatchObject({
      ok: false,
      fields: { from: "connectors.states.connected_draft_only", to: "connectors.states.configuring" },
    });
    expect(await stateOf(id, "gmail")).toBe("connected_draft_only");
    const entries = await db().prisma.ledgerEntry.findMany({
      where: { action: "connectors.transition", target: `account:${id}:connector:gmail` },
      orderBy: { seq: "asc" },
      select: { summary: true },
    });
    expect(entries.map((e) => e.summary)).toEqual([
      "connector gmail: not_started → configuring",
      "connector gmail: configuring → failed",
      "connector gmail: failed → configuring",
      "connector gmail: configuring → connected_draft_only",
    ]);
    // Refusals and bad input store nothing.
    expect(await move(id, "telegram", "configuring")).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await move(id, "moyasar", "live")).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await move(randomUUID(), "moyasar", "configuring")).toMatchObject({ ok: false, code: "not_found" });
    expect(await move(id, "moyasar", "configuring", { ...csm(), role: "analyst" })).toEqual({
      ok: false,
      code: "forbidden",
    });
    const s = (await getConnectors(id)).summary;
    expect(s).toMatchObject({
      connected: 1,
      connectedPercent: 9.1,
      blockingMissing: ["whatsapp_cloud"],
      readyForFirstService: false,
    });
  });

  it("makes approved-execute a proposal, applied only on a founder's approval, without enabling live sending", async () => {
    const id = await newAccount();
    await move(id, "whatsapp_cloud", "configuring");
    const before = await getFreeze();
    const r = await move(id, "whatsapp_cloud", "connected_approved_execute");
    if (!r.ok || !r.data.proposal) throw new Error(JSON.stringify(r));
    expect(r.data).toMatchObject({ outcome: "proposed", from: "configuring" });
    expect(r.data.proposal).toMatchObject({ kind: "connector_execute", state: "pending", accountId: id, reason: "" });
    expect(await stateOf(id, "whatsapp_cloud")).toBe("configuring");
    expect((await getConnectors(id)).connectors.find((c) => c.key === "whatsapp_cloud")!.pendingExecute).toMatchObject({
      proposedBy: "csm@test",
    });
    expect(await move(id, "whatsapp_cloud", "connected_approved_execute")).toEqual({
      ok: false,
      code: "conflict",
      fields: { to: "connectors.errors.already_proposed" },
    });
    const a = await runMutation(approveProposalMutation, founder(), {
      id: r.data.proposal.id,
      payload_hash: r.data.proposal.payloadHash,
    });
    expect(a).toMatchObject({ ok: true, data: { state: "delivered" } });
    expect(await stateOf(id, "whatsapp_cloud")).toBe("connected_approved_execute");
    expect((await getConnectors(id)).summary.readyForFirstService).toBe(true);
    expect(await getFreeze()).toEqual(before);
    expect(await db().prisma.outbox.count({ where: { proposalId: r.data.proposal.id } })).toBe(0);
  });

  it("refuses an approval whose transition is no longer legal, leaving the proposal pending", async () => {
    const id = await newAccount();
    await move(id, "google_sheets", "configuring");
    const r = await move(id, "google_sheets", "connected_approved_execute");
    if (!r.ok || !r.data.proposal) throw new Error("not proposed");
    await move(id, "google_sheets", "failed");
    const a = await runMutation(approveProposalMutation, founder(), {
      id: r.data.proposal.id,
      payload_hash: r.data.proposal.payloadHash,
    });
    expect(a).toMatchObject({ ok: false, code: "conflict", fields: { from: "connectors.states.failed" } });
    expect(await stateOf(id, "google_sheets")).toBe("failed");
    expect((await db().prisma.proposal.findUnique({ where: { id: r.data.proposal.id } }))?.state).toBe("pending");
  });

  it("moves a connector once under concurrent clicks", async () => {
    const id = await newAccount();
    const results = await Promise.all([move(id, "crm_generic", "configuring"), move(id, "crm_generic", "configuring")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ fields: { from: "connectors.states.configuring" } });
  });

  it("lists who is blocked and by what, counting skipped as missing", async () => {
    const owner = await newCsm();
    const skipped = await newAccount(owner, "B skipped");
    const failed = await newAccount(owner, "A failed");
    const ready = await newAccount(owner, "C ready");
    await newAccount(owner, "D untouched");
    await move(skipped, "whatsapp_cloud", "configuring");
    await move(skipped, "whatsapp_cloud", "skipped");
    await move(skipped, "gmail", "configuring");
    await move(skipped, "gmail", "connected_draft_only");
    await move(failed, "gmail", "configuring");
    await move(failed, "gmail", "failed");
    await move(ready, "whatsapp_cloud", "configuring");
    await move(ready, "whatsapp_cloud", "connected_draft_only");

    const list = await blockedAccounts({ csm: owner, page: 1 });
    expect(list.total).toBe(2);
    expect(list.rows).toEqual([
      {
        id: failed,
        name: "A failed",
        csmName: expect.any(String),
        missing: [{ key: "whatsapp_cloud", state: "not_started" }],
        failed: ["gmail"],
        connected: 0,
      },
      {
        id: skipped,
        name: "B skipped",
        csmName: expect.any(String),
        missing: [{ key: "whatsapp_cloud", state: "skipped" }],
        failed: [],
        connected: 1,
      },
    ]);

    const grid = await connectorGrid();
    for (const row of grid.rows) {
      expect(CONNECTOR_STATES.reduce((n, s) => n + row.counts[s], 0)).toBe(grid.accounts);
      expect(row.counts.not_started).toBeGreaterThanOrEqual(0);
    }
    expect(grid.rows.find((r) => r.key === "whatsapp_cloud")!.counts.skipped).toBeGreaterThanOrEqual(1);
    expect(grid.ready).toBeGreaterThanOrEqual(1);
  });
});
