import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { slaHealthReport } from "../data/support-health";
import { appendTicketEvent, insertTickets } from "../data/support";
import { withTransaction } from "../data/tx";
import type { TActor } from "../domain/auth/actor";
import { normalizeForSearch } from "../domain/accounts/search";
import { DEFAULT_CALENDAR } from "../domain/support/calendar";
import { classify } from "../domain/support/classify";
import { runMutation } from "./mutation";
import { approveProposalMutation } from "./proposals";
import { createTicketMutation, overridePriorityMutation, recordEventMutation } from "./support";
import { checkImport, importTicketsMutation } from "./support-import";
import { proposeReplyMutation } from "./support-replies";

const csm: TActor = { type: "cli", id: `cli:csm-${randomUUID()}`, role: "csm", label: "csm" };
const founder: TActor = { type: "cli", id: `cli:founder-${randomUUID()}`, role: "founder", label: "founder" };
const analyst: TActor = { type: "cli", id: "cli:analyst", role: "analyst", label: "analyst" };
const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";

async function account(opts: { csmId?: string; locale?: "ar" | "en" } = {}): Promise<string> {
  const id = randomUUID();
  const name = `حساب ${id.slice(0, 6)}`;
  await db().prisma.account.create({
    data: {
      id,
      name,
      searchName: normalizeForSearch(name),
      tier: "pro",
      signupAt: new Date(),
      region: "riyadh",
      preferredLocale: opts.locale ?? "ar",
      csmId: opts.csmId ?? null,
      contacts: { create: [{ id: randomUUID(), name: "ريم", email: "reem@support.test" }] },
    },
  });
  return id;
}

async function ticket(accountId: string, subject = "hello", body = "thanks"): Promise<string> {
  const r = await runMutation(createTicketMutation, csm, { account_id: accountId, subject, body, channel: "email" });
  if (!r.ok) throw new Error(r.code);
  return r.data.id;
}

const lastLedger = (target: string) =>
  db().prisma.ledgerEntry.findFirst({
    where: { target },
    orderBy: { seq: "desc" },
    select: { action: true, summary: true },
  });

let acc = "";
beforeAll(async () => {
  acc = await account();
});

describe(`ticket events on ${engine}`, () => {
  it("follows the order rules and keeps status in step", async () => {
    const id = await ticket(acc);
    const event = (type: string, note = "") => runMutation(recordEventMutation, csm, { ticket_id: id, type, note });
    expect(await event("resumed")).toMatchObject({
      ok: false,
      code: "conflict",
      fields: { type: "support.errors.not_paused" },
    });
    expect(await event("opened")).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await event("reopened")).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await event("paused", "asked for logs")).toMatchObject({
      ok: true,
      data: { status: "waiting_on_customer" },
    });
    expect(await event("paused")).toMatchObject({ ok: false, fields: { type: "support.errors.already_paused" } });
    const paused = await db().prisma.supportTicket.findUniqueOrThrow({
      where: { id },
      select: { firstResponseDueAt: true },
    });
    expect(paused.firstResponseDueAt).toBeNull(); // the clock is stopped
    expect(await event("resumed")).toMatchObject({ ok: true, data: { status: "open" } });
    expect(await event("escalated")).toMatchObject({ ok: true });
    expect(await event("resolved")).toMatchObject({ ok: true, data: { status: "resolved" } });
    expect(await event("first_response")).toMatchObject({
      ok: false,
      fields: { type: "support.errors.after_resolved" },
    });
    const row = await db().prisma.supportTicket.findUniqueOrThrow({
      where: { id },
      select: { resolvedAt: true, firstResponseAt: true },
    });
    expect(row.resolvedAt).not.toBeNull();
    expect(row.firstResponseAt).toEqual(row.resolvedAt); // resolution answers an unanswered ticket
    // The refused first response after resolution is ledgered (every refusal is), after the resolution.
    const last = await lastLedger(`ticket:${id}`);
    expect(last).toMatchObject({ action: "support.record_event.denied" });
    expect(last?.summary).toContain("conflict");
    expect(await runMutation(recordEventMutation, analyst, { ticket_id: id, type: "escalated" })).toMatchObject({
      code: "forbidden",
    });
    expect(await runMutation(recordEventMutation, csm, { ticket_id: randomUUID(), type: "escalated" })).toMatchObject({
      code: "not_found",
    });
  });
});

describe(`priority override on ${engine}`, () => {
  it("needs a reason, changes targets and is ledgered", async () => {
    const id = await ticket(acc, "question", "about invoices");
    expect(
      await runMutation(overridePriorityMutation, csm, { ticket_id: id, priority: "P0", reason: " " }),
    ).toMatchObject({
      ok: false,
      fields: { reason: "validation.required" },
    });
    expect(
      await runMutation(overridePriorityMutation, csm, { ticket_id: id, priority: "P3", reason: "same" }),
    ).toMatchObject({
      fields: { priority: "support.errors.same_priority" },
    });
    const r = await runMutation(overridePriorityMutation, csm, {
      ticket_id: id,
      priority: "P0",
      reason: "customer called, screens dark",
    });
    expect(r.ok).toBe(true);
    const row = await db().prisma.supportTicket.findUniqueOrThrow({
      where: { id },
      select: { priority: true, prioritySource: true, overrideReason: true, firstResponseTargetMs: true },
    });
    expect(row).toMatchObject({
      priority: "P0",
      prioritySource: "override",
      overrideReason: "customer called, screens dark",
    });
    expect(Number(row.firstResponseTargetMs)).toBe(30 * 60_000);
    expect(await lastLedger(`ticket:${id}`)).toEqual({
      action: "support.override_priority",
      summary: "priority P3 → P0: customer called, screens dark",
    });
  });
});

describe(`CSV import on ${engine}`, () => {
  const header = "account_id,subject,body,channel,received_at,external_id\n";
  const at = new Date(Date.now() - 3_600_000).toISOString();

  it("refuses the whole file when any row is bad or duplicated, and writes nothing", async () => {
    const tag = randomUUID();
    const csv =
      header +
      `${acc},outage ${tag},down,email,${at},A-${tag}\n` +
      `${randomUUID()},x,y,email,${at},B-${tag}\n` +
      `${acc},again,z,email,${at},A-${tag}\n` +
      `${acc},x,${"y".repeat(20_001)},fax,${at},C-${tag}\n`;
    const preview = await checkImport(csv, new Date());
    expect(preview.ok && preview.rows.map((r) => [r.line, r.errors, r.priority])).toEqual([
      [2, [], "P0"],
      [3, ["unknown_account"], "P3"],
      [4, ["duplicate_in_file"], "P3"],
      [5, ["body_too_long", "channel"], null],
    ]);
    const r = await runMutation(importTicketsMutation, csm, { csv });
    expect(r).toMatchObject({ ok: false, code: "invalid_input", fields: { csv: "support.import.file.has_errors" } });
    expect(await db().prisma.supportTicket.count({ where: { subject: `outage ${tag}` } })).toBe(0);
  });

  it("imports a clean file once; a second import reports every row as already imported", async () => {
    const tag = randomUUID();
    const csv = header + `${acc},gmail ${tag},sync,email,${at},A-${tag}\n${acc},hi ${tag},,chat,${at},\n`;
    expect(await runMutation(importTicketsMutation, csm, { csv })).toEqual({ ok: true, data: { imported: 2 } });
    const rows = await db().prisma.supportTicket.findMany({
      where: { subject: { contains: tag } },
      select: { priority: true, subject: true },
    });
    expect(rows.map((r) => r.priority).sort()).toEqual(["P2", "P3"]);
    const again = await checkImport(csv, new Date());
    expect(again.ok && again.rows.map((r) => r.errors)).toEqual([["already_imported"], ["already_imported"]]);
    expect(await runMutation(importTicketsMutation, csm, { csv })).toMatchObject({ ok: false });
    expect(await db().prisma.supportTicket.count({ where: { subject: { contains: tag } } })).toBe(2);
    expect(await runMutation(importTicketsMutation, csm, { csv: "" })).toMatchObject({
      fields: { csv: "support.import.file.empty" },
    });
  });
});

describe(`first-response reply on ${engine}`, () => {
  it("is a proposal; approval queues the email and records the first response", async () => {
    const id = await ticket(acc, "تسريب", "عاجل");
    const draft = { subject: "رد: تسريب", body: "سنرد خلال 30 دقيقة" };
    const proposed = await runMutation(proposeReplyMutation, csm, { ticket_id: id, message: draft });
    if (!proposed.ok) throw new Error(proposed.code);
    expect(proposed.data).toMatchObject({ kind: "ticket_reply", state: "pending" });
    expect(proposed.data.payload).toMatchObject({
      ticket_id: id,
      subject: draft.subject,
      body: draft.body,
      locale: "ar",
    });
    expect(proposed.data.payload).not.toHaveProperty("dir");
    expect(await runMutation(proposeReplyMutation, csm, { ticket_id: id, message: draft })).toMatchObject({
      code: "conflict",
      fields: { ticket_id: "support.errors.reply_already_proposed" },
    });
    expect(
      await db().prisma.supportTicket.findUniqueOrThrow({ where: { id }, select: { firstResponseAt: true } }),
    ).toEqual({
      firstResponseAt: null,
    });
    const approved = await runMutation(approveProposalMutation, founder, {
      id: proposed.data.id,
      payload_hash: proposed.data.payloadHash,
    });
    expect(approved.ok).toBe(true);
    const events = await db().prisma.supportTicketEvent.findMany({ where: { ticketId: id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.type, e.proposalId])).toEqual([
      ["opened", null],
      ["first_response", proposed.data.id],
    ]);
    expect(await db().prisma.outbox.count({ where: { proposalId: proposed.data.id } })).toBe(1);
    expect(await runMutation(proposeReplyMutation, csm, { ticket_id: id, message: draft })).toMatchObject({
      fields: { ticket_id: "support.errors.already_responded" },
    });
  });
});

describe(`SLA health aggregation on ${engine}`, () => {
  it("matches a hand-computed fixture", async () => {
    // A window of its own (2031) so tickets from other tests stay outside it.
    const csmUser = await db().prisma.user.create({
      data: { email: `${randomUUID()}@csm.test`, name: "CSM Health", role: "csm", passwordHash: "x" },
    });
    const a = await account({ csmId: csmUser.id });
    const b = await account({ csmId: csmUser.id });
    const T0 = Date.parse("2031-01-05T00:00:00Z");
    const M = 60_000;
    const H = 60 * M;
    const D = 24 * H;
    const P0 = classify("outage", "");
    const make = async (accountId: string, receivedAt: number, events: [string, number][]) => {
      await withTransaction(async (tx) => {
        const [id] = await insertTickets(
          tx,
          [
            {
              accountId,
              subject: "outage",
              body: "",
              channel: "email",
              receivedAt: new Date(receivedAt),
              classification: P0,
              createdBy: null,
              actorLabel: "t",
            },
          ],
          DEFAULT_CALENDAR,
          new Date(receivedAt),
        );
        for (const [type, at] of events)
          await appendTicketEvent(
            tx,
            id!,
            { type: type as "resolved", at: new Date(at), actorLabel: "t" },
            DEFAULT_CALENDAR,
            new Date(at),
          );
      });
    };
    await make(a, T0, [
      ["first_response", T0 + 20 * M],
      ["resolved", T0 + 3 * H],
    ]); // met
    await make(a, T0 + D, [
      ["first_response", T0 + D + 40 * M],
      ["resolved", T0 + D + 5 * H],
    ]); // both late
    await make(b, T0 + 2 * D, [
      ["first_response", T0 + 2 * D + 30 * M],
      ["resolved", T0 + 2 * D + 4 * H],
    ]); // exact: met
    await make(b, T0 + 3 * D, []); // never answered: past due by `now`
    const now = new Date(T0 + 5 * D);
    await make(b, now.getTime() - 10 * M, []); // open, 20 min left
    const r = await slaHealthReport("7d", now);
    expect(r.overall).toMatchObject({ count: 5, breaches: 2, rate: 0.4, met: 0.6, verdict: "critical" });
    expect(r.overall.firstResponseMeanMs).toBeCloseTo(30 * M);
    expect(r.overall.firstResponseP90Ms).toBeCloseTo(38 * M); // percentile_cont over 20, 30, 40 min
    expect(r.overall.resolutionMeanMs).toBeCloseTo(4 * H);
    expect(r.overall.resolutionP90Ms).toBeCloseTo(4.8 * H);
    expect(r.byPriority.map((p) => [p.key, p.count, p.breaches])).toEqual([["P0", 5, 2]]);
    expect(r.byCsm.map((c) => [c.label, c.count, c.breaches])).toEqual([["CSM Health", 5, 2]]);
    expect(r.byAccount.map((x) => [x.key, x.count, x.breaches, x.rate])).toEqual([
      [a, 2, 1, 0.5],
      [b, 3, 1, 0.333],
    ]);
    // 7 days back from a day later drops nothing; from 8 days later the first ticket falls out.
    expect((await slaHealthReport("7d", new Date(T0 + 7 * D + H))).overall.count).toBe(4);
  });
});
