import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { runMutation } from "../actions/mutation";
import { raiseSlaCriticalMutation, SLA_MONITOR_ACTOR } from "../actions/support-alert";
import { db } from "../db";
import { withTransaction } from "../data/tx";
import { insertTickets } from "../data/support";
import { slaCriticalNotice } from "../data/support-alert";
import { slaHealthReport, slaOverall } from "../data/support-health";
import { listTickets } from "../data/support-list";
import { normalizeForSearch } from "../domain/accounts/search";
import { DEFAULT_CALENDAR } from "../domain/support/calendar";
import { classify } from "../domain/support/classify";
import type { THealthRow } from "../domain/support/health";
import { alertForVerdict, alertIfSlaCritical } from "./sla-monitor";

// Moved from lib/actions/support.integration.test.ts with the monitor (it ran on page views then).
// All SLA freeze proposals are asserted in this one file: other files share the PostgreSQL database.
const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";

const critical = (o: { rate: number; breaches: number; count: number }): THealthRow => ({
  key: "all",
  label: "all",
  ...o,
  met: 1 - o.rate,
  verdict: "critical",
  firstResponseMeanMs: null,
  firstResponseP90Ms: null,
  resolutionMeanMs: null,
  resolutionP90Ms: null,
});

/** What this file's SLA alerts left: freeze proposals and `support.sla_critical` ledger entries. */
const alertTrail = async () => ({
  proposals: await db().prisma.proposal.count({ where: { dedupeKey: { startsWith: "sla_freeze:" } } }),
  entries: await db().prisma.ledgerEntry.count({ where: { action: "support.sla_critical" } }),
});

describe(`SLA pages on ${engine}`, () => {
  it("read a critical verdict and propose nothing: the monitor runs on the tick only", async () => {
    // A week of its own (2004) in which every ticket is overdue: critical, with no freeze proposed yet.
    const now = new Date("2004-06-10T12:00:00Z");
    const id = randomUUID();
    await db().prisma.account.create({
      data: {
        id,
        name: "SLA page",
        searchName: normalizeForSearch("SLA page"),
        tier: "pro",
        signupAt: new Date("2004-01-01T00:00:00Z"),
        region: "riyadh",
        preferredLocale: "en",
      },
    });
    const tickets = [4, 5, 6].map((d) => ({
      accountId: id,
      subject: "Invoice address",
      body: "",
      channel: "email",
      receivedAt: new Date(now.getTime() - d * 86_400_000),
      classification: classify("Invoice address", ""),
      createdBy: null,
      actorLabel: "test",
    }));
    await withTransaction((tx) => insertTickets(tx, tickets, DEFAULT_CALENDAR, now));
    const before = await alertTrail();
    // Everything the support list, the account's tab, SLA health and its export read for a founder.
    const [overall, notice] = await Promise.all([slaOverall("7d", now), slaCriticalNotice(now)]);
    for (const period of ["7d", "30d", "quarter"] as const) await slaHealthReport(period, now);
    await listTickets({ page: 1 }, now);
    await listTickets({ account: id, page: 1, sla: "breached" }, now);
    expect(overall.verdict).toBe("critical");
    expect(notice).toEqual({ rate: 1, proposalId: null });
    expect(await alertTrail()).toEqual(before);
  });
});

describe(`critical SLA alert on ${engine}`, () => {
  it("does nothing while the 7-day verdict is not critical", async () => {
    // A week of its own (2003) with no tickets: no verdict, no proposal, no ledger entry.
    expect(await alertIfSlaCritical(new Date("2003-03-03T00:00:00Z"))).toBeNull();
    expect(
      await alertForVerdict({ ...critical({ rate: 0.01, breaches: 1, count: 100 }), verdict: "healthy" }, new Date()),
    ).toBeNull();
  });

  it("proposes one freeze while one is pending, and ledgers each alert", async () => {
    const input = { rate: 0.4, breaches: 2, count: 5 };
    // The tick's step raises the alert; a second alert (straight through the mutation, as two ticks
    // racing past the step's cheap check would) finds the pending proposal; the step then does nothing.
    const first = await alertForVerdict(critical(input), new Date());
    const second = await runMutation(raiseSlaCriticalMutation, SLA_MONITOR_ACTOR, input);
    if (!first || !second.ok) throw new Error("alert failed");
    expect(first.proposalId).not.toBeNull();
    expect(second.data.proposalId).toBe(first.proposalId);
    expect(await alertForVerdict(critical(input), new Date())).toEqual({ proposalId: first.proposalId });
    const proposals = await db().prisma.proposal.findMany({ where: { dedupeKey: { startsWith: "sla_freeze:" } } });
    expect(proposals.map((p) => [p.kind, p.state])).toEqual([["freeze", "pending"]]);
    const entries = await db().prisma.ledgerEntry.findMany({
      where: { action: "support.sla_critical" },
      orderBy: { seq: "asc" },
    });
    expect(entries.map((e) => e.summary.split("; ")[1])).toEqual([
      "freeze proposed",
      `freeze already proposed (proposal:${first.proposalId})`,
    ]);
  });
});
