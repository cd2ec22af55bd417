import "server-only";
import { prisma } from "../db";
import type { TSeverity } from "../domain/incidents/triage";
import type { TIncidentStatus } from "../domain/incidents/schemas";
import { AppError } from "../errors";
import type { Tx } from "./tx";

/**
 * The link between support tickets and incidents (support_tickets.incident_id, migration
 * 20261204143700_ticket_incident_notices): a ticket has at most one incident, an incident any number
 * of tickets. Set once, by the create mutation, never moved.
 */

export type TTicketForIncident = {
  id: string;
  accountId: string;
  incidentId: string | null;
  subject: string;
  priority: string;
  matchedKeyword: string | null;
};

/**
 * Locks the ticket for this transaction and reads what an incident opened from it needs. Two
 * concurrent "open an incident" requests for one ticket queue here; the second then sees the first's
 * incident. Throws not_found for an unknown ticket.
 */
export async function lockTicketForIncident(tx: Tx, ticketId: string): Promise<TTicketForIncident> {
  const rows = await tx.$queryRaw<
    {
      id: string;
      account_id: string;
      incident_id: string | null;
      subject: string;
      priority: string;
      matched_keyword: string | null;
    }[]
  >`SELECT id::text, account_id::text, incident_id::text, subject, priority, matched_keyword
      FROM support_tickets WHERE id = ${ticketId}::uuid FOR UPDATE`;
  const r = rows[0];
  if (!r) throw new AppError("not_found", { ticket_id: "support.errors.unknown_ticket" }, undefined, `ticket:${ticketId}`);
  return {
    id: r.id,
    accountId: r.account_id,
    incidentId: r.incident_id,
    subject: r.subject,
    priority: r.priority,
    matchedKeyword: r.matched_keyword,
  };
}

/**
 * Links the ticket to the incident if it has none yet; false when it already has one. The condition
 * is in the UPDATE itself, so it holds even for a caller that did not lock the row first.
 */
export async function linkTicketToIncident(tx: Tx, ticketId: string, incidentId: string, now: Date): Promise<boolean> {
  const n = await tx.$executeRaw`
    UPDATE support_tickets SET incident_id = ${incidentId}::uuid, updated_at = ${now}
     WHERE id = ${ticketId}::uuid AND incident_id IS NULL`;
  return n === 1;
}

export type TLinkedIncident = { id: string; title: string; severity: TSeverity; status: TIncidentStatus };

/** The incident a ticket is linked to (for the ticket page), or null. */
export async function incidentOfTicket(ticketId: string): Promise<TLinkedIncident | null> {
  const rows = await prisma().$queryRaw<{ id: string; title: string; severity: string; status: string }[]>`
    SELECT i.id::text, i.title, i.severity, i.status
      FROM support_tickets t JOIN incidents i ON i.id = t.incident_id
     WHERE t.id = ${ticketId}::uuid`;
  const r = rows[0];
  return r ? { id: r.id, title: r.title, severity: r.severity as TSeverity, status: r.status as TIncidentStatus } : null;
}

export type TLinkedTicket = { id: string; subject: string; priority: string; status: string; accountName: string };

/** The tickets linked to an incident (for the incident page), oldest first. */
export async function ticketsOfIncident(incidentId: string): Promise<TLinkedTicket[]> {
  const rows = await prisma().$queryRaw<
    { id: string; subject: string; priority: string; status: string; account_name: string }[]
  >`SELECT t.id::text, t.subject, t.priority, t.status, a.name AS account_name
      FROM support_tickets t JOIN accounts a ON a.id = t.account_id
     WHERE t.incident_id = ${incidentId}::uuid
     ORDER BY t.received_at, t.id`;
  return rows.map((r) => ({ id: r.id, subject: r.subject, priority: r.priority, status: r.status, accountName: r.account_name }));
}
