import "server-only";
import { randomUUID } from "node:crypto";
import { setImmediate } from "node:timers/promises";
import { prisma } from "../db";
import type { TCalendar } from "../domain/support/calendar";
import type { TClassification } from "../domain/support/classify";
import { computeSla, type TClockState } from "../domain/support/clock";
import {
  START_PHASE,
  applyEvent,
  checkEvent,
  isTicketEvent,
  statusOf,
  type TTicketEvent,
  type TTicketEventType,
} from "../domain/support/events";
import type { TTicket, TTicketEventDto, TTicketStatus } from "../domain/support/types";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { replyDedupeKey } from "../proposals/kinds/ticket-reply";
import type { Tx } from "./tx";

/** Storage of support tickets and their events; every change recomputes the stored SLA columns. */

export const TICKET_SELECT = {
  id: true,
  accountId: true,
  subject: true,
  body: true,
  channel: true,
  priority: true,
  prioritySource: true,
  overrideReason: true,
  matchedKeyword: true,
  reasonEn: true,
  reasonAr: true,
  status: true,
  receivedAt: true,
  resolvedAt: true,
  firstResponseAt: true,
  firstResponseDueAt: true,
  resolutionDueAt: true,
  firstResponseNearAt: true,
  resolutionNearAt: true,
  firstResponseTargetMs: true,
  resolutionTargetMs: true,
  firstResponseElapsedMs: true,
  resolutionElapsedMs: true,
  firstResponseBreached: true,
  resolutionBreached: true,
} as const;
type TRow = Prisma.SupportTicketGetPayload<{ select: typeof TICKET_SELECT }>;
type TAccountBits = { name: string; preferredLocale: string; csmId: string | null; csm: { name: string } | null };

export function toTicket(r: TRow, a: TAccountBits | undefined): TTicket {
  return {
    ...r,
    accountName: a?.name ?? "",
    accountLocale: a?.preferredLocale === "ar" ? "ar" : "en",
    csmId: a?.csmId ?? null,
    csmName: a?.csm?.name ?? null,
    prioritySource: r.prioritySource === "override" ? "override" : "auto",
    status: r.status as TTicketStatus,
    firstResponseTargetMs: Number(r.firstResponseTargetMs ?? 0),
    resolutionTargetMs: Number(r.resolutionTargetMs ?? 0),
    firstResponseElapsedMs: Number(r.firstResponseElapsedMs ?? 0),
    resolutionElapsedMs: Number(r.resolutionElapsedMs ?? 0),
  };
}

const ACCOUNT_BITS = { id: true, name: true, preferredLocale: true, csmId: true, csm: { select: { name: true } } } as const;

export async function accountsById(ids: string[], client: Pick<Tx, "account"> = prisma()) {
  const rows = await client.account.findMany({ where: { id: { in: [...new Set(ids)] } }, select: ACCOUNT_BITS });
  return new Map(rows.map((r) => [r.id, r]));
}

async function loadEvents(tx: Pick<Tx, "supportTicketEvent">, ticketId: string): Promise<TTicketEventDto[]> {
  const rows = await tx.supportTicketEvent.findMany({
    where: { ticketId },
    orderBy: { seq: "asc" },
    select: { id: true, type: true, at: true, actorLabel: true, note: true, proposalId: true },
  });
  return rows.filter((r) => isTicketEvent(r.type)).map((r) => ({ ...r, type: r.type as TTicketEventType }));
}

const clockColumns = (prefix: "firstResponse" | "resolution", c: TClockState) => ({
  [`${prefix}TargetMs`]: BigInt(c.targetMs),
  [`${prefix}DueAt`]: c.dueAt,
  [`${prefix}NearAt`]: c.nearAt,
  [`${prefix}ElapsedMs`]: BigInt(Math.round(c.elapsedMs)),
  [`${prefix}Breached`]: c.breached,
});

/** Recomputes and stores a ticket's clocks from its events as of `now` (after any change). */
export async function recomputeSla(tx: Tx, ticketId: string, priority: string, calendar: TCalendar, now: Date): Promise<void> {
  const events: TTicketEvent[] = (await loadEvents(tx, ticketId)).map((e) => ({ type: e.type, at: e.at }));
  const sla = computeSla(priority, events, calendar, new Date(Math.max(now.getTime(), events.at(-1)?.at.getTime() ?? 0)));
  await tx.supportTicket.update({
    where: { id: ticketId },
    data: {
      ...clockColumns("firstResponse", sla.firstResponse),
      ...clockColumns("resolution", sla.resolution),
      firstResponseAt: sla.firstResponse.metAt,
      slaComputedAt: now,
    },
  });
}

export type TNewTicket = {
  accountId: string;
  subject: string;
  body: string;
  channel: string;
  receivedAt: Date;
  classification: TClassification;
  createdBy: string | null;
  actorLabel: string;
  importKey?: string | null;
};

function newTicketRows(t: TNewTicket, calendar: TCalendar, now: Date) {
  const id = randomUUID();
  const opened: TTicketEvent = { type: "opened", at: t.receivedAt };
  const sla = computeSla(t.classification.priority, [opened], calendar, new Date(Math.max(now.getTime(), t.receivedAt.getTime())));
  return {
    ticket: {
      id,
      accountId: t.accountId,
      subject: t.subject,
      body: t.body,
      channel: t.channel,
      priority: t.classification.priority,
      matchedKeyword: t.classification.matchedKeyword,
      reasonEn: t.classification.reasonEn,
      reasonAr: t.classification.reasonAr,
      receivedAt: t.receivedAt,
      createdBy: t.createdBy,
      importKey: t.importKey ?? null,
      ...clockColumns("firstResponse", sla.firstResponse),
      ...clockColumns("resolution", sla.resolution),
      slaComputedAt: now,
    } as Prisma.SupportTicketCreateManyInput,
    event: { id: randomUUID(), ticketId: id, type: "opened", at: t.receivedAt, actorLabel: t.actorLabel },
  };
}

// Prisma's createMany builds its statement synchronously, about a millisecond per ticket: 2 000 rows
// held the event loop for seconds. Each chunk goes as one JSON parameter expanded by the database
// instead, and the loop yields between chunks so other requests are served during a big import.
export const INSERT_CHUNK = 100;

const TICKET_COLUMNS = `id uuid, account_id uuid, subject text, body text, channel text, priority text,
  matched_keyword text, reason_en text, reason_ar text, received_at timestamptz, created_by uuid, import_key text,
  first_response_target_ms bigint, first_response_due_at timestamptz, first_response_near_at timestamptz,
  first_response_elapsed_ms bigint, first_response_breached boolean, resolution_target_ms bigint,
  resolution_due_at timestamptz, resolution_near_at timestamptz, resolution_elapsed_ms bigint,
  resolution_breached boolean, sla_computed_at timestamptz`;
const TICKET_NAMES = TICKET_COLUMNS.split(",").map((c) => c.trim().split(/\s+/)[0]).join(", ");

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const ticketJson = (t: object) =>
  Object.fromEntries(Object.entries(t).map(([k, v]) => [snake(k), typeof v === "bigint" ? v.toString() : v]));

/**
 * Inserts tickets with their `opened` events (at the received-at instants) and clocks: two statements
 * per chunk of INSERT_CHUNK, yielding to the event loop between chunks. Inside the caller's
 * transaction, so a large import still commits all or nothing.
 */
export async function insertTickets(tx: Tx, list: readonly TNewTicket[], calendar: TCalendar, now: Date): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < list.length; i += INSERT_CHUNK) {
    if (i > 0) await setImmediate();
    const rows = list.slice(i, i + INSERT_CHUNK).map((t) => newTicketRows(t, calendar, now));
    const tickets = JSON.stringify(rows.map((r) => ticketJson(r.ticket)));
    const events = JSON.stringify(rows.map((r) => r.event));
    await tx.$executeRawUnsafe(
      `INSERT INTO support_tickets (${TICKET_NAMES}) SELECT ${TICKET_NAMES} FROM json_to_recordset($1::json) AS x(${TICKET_COLUMNS})`,
      tickets,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO support_ticket_events (id, ticket_id, type, at, actor_label)
       SELECT id, "ticketId", type, at, "actorLabel"
         FROM json_to_recordset($1::json) AS x(id uuid, "ticketId" uuid, type text, at timestamptz, "actorLabel" text)`,
      events,
    );
    ids.push(...rows.map((r) => r.ticket.id!));
  }
  return ids;
}

export async function insertTicket(tx: Tx, t: TNewTicket, calendar: TCalendar, now: Date): Promise<string> {
  const [id] = await insertTickets(tx, [t], calendar, now);
  return id!;
}

/** A ticket's state and clocks, read in the caller's transaction; null when there is no such ticket. */
export function findTicketState(
  tx: Tx,
  id: string,
): Promise<{
  id: string;
  accountId: string;
  priority: string;
  status: string;
  firstResponseAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
} | null> {
  return tx.supportTicket.findUnique({
    where: { id },
    select: {
      id: true,
      accountId: true,
      priority: true,
      status: true,
      firstResponseAt: true,
      firstResponseDueAt: true,
      resolutionDueAt: true,
    },
  });
}

/** Locks the ticket row for this transaction (concurrent events on one ticket queue here). */
export async function lockTicket(tx: Tx, id: string): Promise<{ id: string; priority: string; status: string; accountId: string }> {
  const rows = await tx.$queryRaw<{ id: string; priority: string; status: string; account_id: string }[]>`
    SELECT id, priority, status, account_id FROM support_tickets WHERE id = ${id}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("not_found", { ticket_id: "support.errors.unknown_ticket" }, undefined, `ticket:${id}`);
  return { id: row.id, priority: row.priority, status: row.status, accountId: row.account_id };
}

/**
 * Appends an event after checking it against the ticket's history (lib/domain/support/events):
 * a refused event throws `conflict` with the refusal as the field code. Updates status, resolved-at
 * and the clocks. Returns the new status.
 */
export async function appendTicketEvent(
  tx: Tx,
  ticketId: string,
  e: TNewTicketEvent,
  calendar: TCalendar,
  now: Date,
): Promise<TTicketStatus> {
  return appendTicketEvents(tx, ticketId, [e], calendar, now);
}

export type TNewTicketEvent = {
  type: TTicketEventType;
  at: Date;
  actorLabel: string;
  note?: string;
  proposalId?: string | null;
};

/**
 * Appends events in order, each checked against the history as it grows (the first refusal throws
 * `conflict` and nothing of the call is kept by the caller's transaction), then updates status,
 * resolved-at and the clocks once. A history recorded elsewhere (the demo seeder) comes in this way.
 */
export async function appendTicketEvents(
  tx: Tx,
  ticketId: string,
  events: readonly TNewTicketEvent[],
  calendar: TCalendar,
  now: Date,
): Promise<TTicketStatus> {
  const ticket = await lockTicket(tx, ticketId);
  let phase = START_PHASE;
  for (const past of await loadEvents(tx, ticketId)) phase = applyEvent(phase, past);
  for (const e of events) {
    const refusal = checkEvent(phase, e);
    if (refusal) throw new AppError("conflict", { type: `support.errors.${refusal}` }, refusal, `ticket:${ticketId}`);
    phase = applyEvent(phase, e);
  }
  // One at a time: the identity column `seq` orders events of the same instant by insertion.
  for (const e of events)
    await tx.supportTicketEvent.create({
      data: {
        id: randomUUID(),
        ticketId,
        type: e.type,
        at: e.at,
        actorLabel: e.actorLabel,
        note: e.note ?? "",
        proposalId: e.proposalId ?? null,
      },
    });
  const status = statusOf(phase);
  const resolved = events.find((e) => e.type === "resolved");
  await tx.supportTicket.update({
    where: { id: ticketId },
    data: { status, resolvedAt: resolved ? resolved.at : undefined, updatedAt: now },
  });
  await recomputeSla(tx, ticketId, ticket.priority, calendar, now);
  return status;
}

/** Sets a CSM's priority override (the clocks restart from opening with the new targets). */
export async function overrideTicketPriority(
  tx: Tx,
  ticketId: string,
  priority: string,
  reason: string,
  calendar: TCalendar,
  now: Date,
): Promise<{ from: string }> {
  const ticket = await lockTicket(tx, ticketId);
  await tx.supportTicket.update({
    where: { id: ticketId },
    data: { priority, prioritySource: "override", overrideReason: reason, updatedAt: now },
  });
  await recomputeSla(tx, ticketId, priority, calendar, now);
  return { from: ticket.priority };
}

/** Recomputes every unresolved ticket's clocks (after the calendar changed); returns how many. */
export async function recomputeOpenTickets(tx: Tx, calendar: TCalendar, now: Date): Promise<number> {
  const open = await tx.supportTicket.findMany({ where: { status: { not: "resolved" } }, select: { id: true, priority: true } });
  for (const t of open) await recomputeSla(tx, t.id, t.priority, calendar, now);
  return open.length;
}

export async function getTicket(id: string): Promise<{ ticket: TTicket; events: TTicketEventDto[] } | null> {
  const row = await prisma().supportTicket.findUnique({ where: { id }, select: TICKET_SELECT });
  if (!row) return null;
  const [accounts, events] = await Promise.all([accountsById([row.accountId]), loadEvents(prisma(), id)]);
  return { ticket: toTicket(row, accounts.get(row.accountId)), events };
}

/** Which import keys are already stored (for the import preview and its commit). */
export async function existingImportKeys(keys: string[], client: Pick<Tx, "supportTicket"> = prisma()): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await client.supportTicket.findMany({ where: { importKey: { in: keys } }, select: { importKey: true } });
  return new Set(rows.map((r) => r.importKey ?? ""));
}

export async function existingAccountIds(ids: string[], client: Pick<Tx, "account"> = prisma()): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await client.account.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/** The live reply proposal of a ticket (its kind's dedupe key), if any. */
export async function liveReplyProposal(ticketId: string): Promise<{ id: string; state: string } | null> {
  return prisma().proposal.findFirst({
    where: { dedupeKey: replyDedupeKey(ticketId), state: { in: ["pending", "approved", "dispatched", "delivered"] } },
    select: { id: true, state: true },
  });
}

/** The name of the account's primary contact (the reply's greeting), or null when it has none. */
export async function primaryContactName(accountId: string): Promise<string | null> {
  const c = await prisma().accountContact.findFirst({ where: { accountId }, orderBy: { createdAt: "asc" }, select: { name: true } });
  return c?.name ?? null;
}
