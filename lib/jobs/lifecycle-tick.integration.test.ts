import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMutation } from "../actions/mutation";
import { rejectProposalMutation } from "../actions/proposals";
import { db } from "../db";
import { readIngestedLog } from "../data/shadow-logs";
import { HEURISTIC_LOG_FILE } from "../shadow/paths";
import { createAccountAt } from "../../test/lifecycle-accounts";
import { runTick } from "./lifecycle-tick";

// Each test has its own `now`, older than every other test's accounts (so accounts past the 30-day
// window, which the tick proposes to auto-complete, are only this test's), and a fresh log directory.
const logDir = () => mkdtempSync(join(tmpdir(), "lc-tick-"));
const readRows = (dir: string) =>
  readFileSync(join(dir, HEURISTIC_LOG_FILE), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const proposalsOf = (ids: string[]) =>
  db().prisma.proposal.findMany({
    where: { accountId: { in: ids } },
    select: { id: true, kind: true, accountId: true, payload: true },
  });
const founder = { type: "user" as const, id: randomUUID(), role: "founder" as const, label: "founder@test" };

describe(`lifecycle tick on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("logs one row per candidate, stores decisions, proposes unsent nudges and auto-completion, and is idempotent", async () => {
    const now = new Date("2005-05-20T08:00:00.000Z");
    const at = (o: Parameters<typeof createAccountAt>[1]) => createAccountAt(now, o);
    const a = {
      day1: await at({ days: 1, locale: "ar" }),
      day1Paired: await at({ days: 1, flags: { screenPaired: true } }),
      day3: await at({ days: 3 }),
      day3Sent: await at({ days: 3, sent: { nudgeDay3SentAt: now } }),
      day8: await at({ days: 8, flags: { screenPaired: true, contentUploaded: true } }),
      day5: await at({ days: 5 }),
      day0: await at({ days: 0 }),
    };
    const old = await at({ days: 35 });
    const oldDone = await at({ days: 40, completedAt: now });
    const candidates = Object.values(a);
    const dir = logDir();

    const s = await runTick({ now, cap: 50, logDir: dir });
    const runId = Math.floor(now.getTime() / 1000);
    expect(s).toMatchObject({
      run_id: runId,
      candidates: 7,
      decisions: { "day1-pair-screen": 1, "day3-upload-content": 2, "day7-create-schedule": 1, none: 3 },
      proposals_created: 3,
      skipped_by_cap: 0,
      failed: 0,
      auto_complete_proposed: 1,
      log_file: join(dir, HEURISTIC_LOG_FILE),
    });

    const rows = readRows(dir);
    expect(rows).toHaveLength(7);
    // The tick ingested its own log for the report.
    const ingested = await readIngestedLog(HEURISTIC_LOG_FILE.replace(/\.jsonl$/, ""));
    expect([...ingested!.rows.org].sort()).toEqual([...candidates].sort());
    expect(new Set(rows.map((r) => r.organization_id))).toEqual(new Set(candidates));
    for (const r of rows) expect(r).toMatchObject({ run_id: runId, timestamp: now.toISOString() });
    // The log holds the reference decision: day3 even though its nudge was sent.
    expect(rows.find((r) => r.organization_id === a.day3Sent)).toMatchObject({
      heuristic_template: "day3-upload-content",
      heuristic_action: "send_nudge",
      days_since_signup: 3,
    });

    const decisions = await db().prisma.nudgeDecision.findMany({ where: { runId: BigInt(runId) } });
    expect(decisions).toHaveLength(8);
    expect(decisions.find((d) => d.accountId === old)).toMatchObject({ action: "auto_complete", template: "none" });

    const proposals = await proposalsOf([...candidates, old, oldDone]);
    const summary = proposals.map(
      (p) => `${p.kind}:${p.accountId}:${(JSON.parse(p.payload) as { template?: string }).template ?? ""}`,
    );
    expect(summary.sort()).toEqual(
      [
        `nudge:${a.day1}:day1-pair-screen`,
        `nudge:${a.day3}:day3-upload-content`,
        `nudge:${a.day8}:day7-create-schedule`,
        `auto_complete:${old}:`,
      ].sort(),
    );
    const ledger = await db().prisma.ledgerEntry.findFirst({
      where: { action: "lifecycle.tick", target: `tick:${runId}` },
    });
    expect(ledger).toMatchObject({ actorId: "lifecycle-tick", actorType: "system" });

    // A second tick proposes nothing new; a rejected nudge is not proposed again by the tick.
    const day1Proposal = proposals.find((p) => p.accountId === a.day1)!;
    expect((await runMutation(rejectProposalMutation, founder, { id: day1Proposal.id, reason: "not now" })).ok).toBe(
      true,
    );
    const later = new Date(now.getTime() + 30 * 60_000);
    const again = await runTick({ now: later, cap: 50, logDir: dir });
    expect(again).toMatchObject({ candidates: 7, proposals_created: 0, auto_complete_proposed: 0 });
    expect(await proposalsOf([...candidates, old, oldDone])).toHaveLength(4);
    expect(readRows(dir)).toHaveLength(14);
  });

  it("stops creating nudge proposals at the cap and picks up the rest in later ticks", async () => {
    const now = new Date("2004-02-10T08:00:00.000Z");
    const ids = await Promise.all(Array.from({ length: 5 }, () => createAccountAt(now, { days: 2 })));
    const first = await runTick({ now, cap: 2, logDir: logDir() });
    expect(first).toMatchObject({ candidates: 5, nudges_wanted: 5, proposals_created: 2, skipped_by_cap: 3 });
    expect(await proposalsOf(ids)).toHaveLength(2);
    const second = await runTick({ now: new Date(now.getTime() + 60_000), cap: 2, logDir: logDir() });
    expect(second).toMatchObject({ nudges_wanted: 3, proposals_created: 2, skipped_by_cap: 1 });
    const third = await runTick({ now: new Date(now.getTime() + 120_000), cap: 2, logDir: logDir() });
    expect(third).toMatchObject({ nudges_wanted: 1, proposals_created: 1, skipped_by_cap: 0 });
    const all = await proposalsOf(ids);
    expect(all).toHaveLength(5);
    expect(new Set(all.map((p) => p.accountId)).size).toBe(5);
  });

  it.skipIf(!process.env.DATABASE_URL)("creates no duplicate proposals when two ticks run at once", async () => {
    const now = new Date("2003-09-01T08:00:00.000Z");
    const ids = [
      ...(await Promise.all(Array.from({ length: 4 }, () => createAccountAt(now, { days: 1 })))),
      ...(await Promise.all(Array.from({ length: 4 }, () => createAccountAt(now, { days: 9 })))),
      await createAccountAt(now, { days: 33 }),
    ];
    const dir = logDir();
    const [x, y] = await Promise.all([runTick({ now, logDir: dir }), runTick({ now, logDir: dir })]);
    expect(x.proposals_created + y.proposals_created).toBe(8);
    expect(x.auto_complete_proposed + y.auto_complete_proposed).toBe(1);
    expect(x.failed + y.failed).toBe(0);
    const proposals = await proposalsOf(ids);
    expect(proposals).toHaveLength(9);
    expect(new Set(proposals.map((p) => `${p.kind}:${p.accountId}`)).size).toBe(9);
    // Both ticks' rows are intact lines (one append each).
    expect(readRows(dir)).toHaveLength(16);
  });
});
