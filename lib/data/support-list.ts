import "server-only";
import { prisma } from "../db";
import { TICKET_PAGE_SIZE, type TTicketFilters } from "../domain/support/filters";
import type { TTicket } from "../domain/support/types";
import type { Prisma } from "../generated/prisma/client";
import { TICKET_SELECT, accountsById, toTicket } from "./support";

/** "Breached as of now", the rule of the migration's comment, as a Prisma filter. */
export function breachedWhere(now: Date): Prisma.SupportTicketWhereInput {
  return {
    OR: [
      { firstResponseBreached: true },
      { resolutionBreached: true },
      { firstResponseAt: null, firstResponseDueAt: { lt: now } },
      { resolvedAt: null, resolutionDueAt: { lt: now } },
    ],
  };
}

/** Unmet clocks that passed 80 % of their target and are not breached. */
export function nearWhere(now: Date): Prisma.SupportTicketWhereInput {
  return {
    AND: [
      { NOT: breachedWhere(now) },
      {
        OR: [
          { firstResponseAt: null, firstResponseNearAt: { lte: now } },
          { resolvedAt: null, resolutionNearAt: { lte: now } },
        ],
      },
    ],
  };
}

export function ticketWhere(f: Omit<TTicketFilters, "page">, now: Date): Prisma.SupportTicketWhereInput {
  const and: Prisma.SupportTicketWhereInput[] = [];
  if (f.priority) and.push({ priority: f.priority });
  if (f.status === "unresolved") and.push({ status: { not: "resolved" } });
  else if (f.status) and.push({ status: f.status });
  if (f.account) and.push({ accountId: f.account });
  if (f.sla === "breached") and.push(breachedWhere(now));
  if (f.sla === "near") and.push(nearWhere(now));
  return { AND: and };
}

/**
 * The one order of every ticket list, what needs a person first: the generated queue columns
 * (migration 20261204121700_ticket_queue_order; the rule is lib/domain/support/queue-order.ts),
 * matching the index that serves it.
 */
export const QUEUE_ORDER: Prisma.SupportTicketOrderByWithRelationInput[] = [
  { queueRank: "asc" },
  { queueDueAt: { sort: "asc", nulls: "last" } },
  { queueLeftMs: { sort: "asc", nulls: "last" } },
  { resolvedAt: { sort: "desc", nulls: "last" } },
  { receivedAt: "asc" },
  { id: "asc" },
];

/** One page of tickets in QUEUE_ORDER, with the total and page count fetched together. */
export async function listTickets(f: TTicketFilters, now: Date): Promise<{ rows: TTicket[]; total: number; pages: number }> {
  let where = ticketWhere({ ...f, csm: undefined }, now);
  if (f.csm) {
    // Tickets carry no relation field (foundation models stay untouched): resolve the CSM's accounts first.
    const accounts = await prisma().account.findMany({ where: { csmId: f.csm }, select: { id: true } });
    where = { AND: [where, { accountId: { in: accounts.map((a) => a.id) } }] };
  }
  const [rows, total] = await prisma().$transaction([
    prisma().supportTicket.findMany({
      where,
      select: TICKET_SELECT,
      orderBy: QUEUE_ORDER,
      skip: (f.page - 1) * TICKET_PAGE_SIZE,
      take: TICKET_PAGE_SIZE,
    }),
    prisma().supportTicket.count({ where }),
  ]);
  const accounts = await accountsById(rows.map((r) => r.accountId));
  return {
    rows: rows.map((r) => toTicket(r, accounts.get(r.accountId))),
    total,
    pages: Math.max(1, Math.ceil(total / TICKET_PAGE_SIZE)),
  };
}
