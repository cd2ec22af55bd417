import "server-only";
import {
  incidentOfTicket,
  linkTicketToIncident,
  lockTicketForIncident,
  type TTicketForIncident,
} from "../data/incident-tickets";
import { addIncidentFromTicketEvent, resolveAccountLines } from "../data/incidents";
import { notifyFounders } from "../data/notices";
import type { Tx } from "../data/tx";
import type { TActor } from "../domain/auth/actor";
import { ZCreateIncidentForm } from "../domain/incidents/account-lines";
import { AppError, type TResult } from "../errors";
import { createIncidentMutation } from "./incidents";
import { defineMutation, runMutation } from "./mutation";

/** Opening an incident from the console form, optionally from a ticket (issue 12: leak tickets). */

/**
 * The console form names accounts by name or id, one per line. They are resolved here, inside the
 * door, so nobody learns whether a name exists before their session and permission are checked.
 */
export const createIncidentFromFormMutation = defineMutation({
  name: createIncidentMutation.name,
  permission: createIncidentMutation.permission,
  input: ZCreateIncidentForm,
  async run({ tx, actor, input }) {
    const { accounts, ticket_id, ...rest } = input;
    // The ticket first: its row lock queues a concurrent second click behind this one.
    const ticket = ticket_id ? await lockTicketForIncident(tx, ticket_id) : null;
    if (ticket?.incidentId)
      throw new AppError(
        "conflict",
        { _: INCIDENT_EXISTS_CODE },
        "ticket already has an incident",
        `ticket:${ticket.id}`,
      );
    const { ids, unknown, ambiguous } = await resolveAccountLines(tx, accounts);
    if (unknown.length > 0) throw new AppError("invalid_input", { accounts: "incidents.form.unknownAccounts" });
    if (ambiguous.length > 0) throw new AppError("invalid_input", { accounts: "incidents.form.ambiguousAccounts" });
    const accountIds = ticket ? [...new Set([ticket.accountId, ...ids])] : ids;
    const created = await createIncidentMutation.run({ tx, actor, input: { ...rest, account_ids: accountIds } });
    if (!ticket) return created;
    const linked = await linkFromTicket(tx, ticket, created.result, input.title, actor);
    return {
      result: created.result,
      ledger: {
        ...created.ledger,
        summary: `${created.ledger.summary}; from ticket:${ticket.id}, ${linked} founders notified`,
      },
    };
  },
});

/** The refusal of a second incident for one ticket; the console then opens the existing one. */
export const INCIDENT_EXISTS_CODE = "incidents.fromTicket.exists";

/**
 * Links the ticket to its new incident, writes the timeline event on the ticket's account and
 * notifies the founders, all in the incident's transaction. Returns how many founders were notified.
 */
async function linkFromTicket(
  tx: Tx,
  ticket: TTicketForIncident,
  incident: { id: string; severity: string },
  title: string,
  actor: TActor,
): Promise<number> {
  const now = new Date();
  if (!(await linkTicketToIncident(tx, ticket.id, incident.id, now)))
    throw new AppError(
      "conflict",
      { _: INCIDENT_EXISTS_CODE },
      "ticket already has an incident",
      `ticket:${ticket.id}`,
    );
  // The headline is the type in the reader's language; the summary is the title as the person wrote it.
  await addIncidentFromTicketEvent(tx, {
    accountId: ticket.accountId,
    incidentId: incident.id,
    ticketId: ticket.id,
    severity: incident.severity,
    title,
    actorLabel: actor.label,
    now,
  });
  return notifyFounders(tx, {
    code: "incident_from_ticket",
    params: { severity: incident.severity, title, priority: ticket.priority },
    href: `/incidents/${incident.id}`,
    exceptUserId: actor.type === "user" ? actor.id : null,
    now,
  });
}

/**
 * The console's "open an incident": the door, and when it refuses because the ticket already has an
 * incident (a second click, a second tab, a colleague first), the existing incident instead, since
 * that is what the person wanted to see. The refusal itself is ledgered by the door.
 */
export async function openIncidentFromForm(
  actor: TActor | null,
  input: unknown,
  requestId: string | null,
): Promise<TResult<{ id: string; existing: boolean }>> {
  const r = await runMutation(createIncidentFromFormMutation, actor, input, requestId);
  if (r.ok) return { ok: true, data: { id: r.data.id, existing: false } };
  const ticketId = (input as { ticket_id?: unknown } | null)?.ticket_id;
  if (r.code === "conflict" && r.fields?._ === INCIDENT_EXISTS_CODE && typeof ticketId === "string") {
    const existing = await incidentOfTicket(ticketId);
    if (existing) return { ok: true, data: { id: existing.id, existing: true } };
  }
  return r;
}
