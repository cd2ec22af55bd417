import "server-only";
import { z } from "zod";
import { primaryContact } from "../data/proposals";
import { getSupportSettings } from "../data/support-settings";
import { appendTicketEvent, findTicketState } from "../data/support";
import type { Tx } from "../data/tx";
import type { TActor } from "../domain/auth/actor";
import { ZMessageDraft, renderMessage, type TTicketReplyPayload } from "../domain/proposals/payloads";
import type { TProposal } from "../domain/proposals/types";
import { AppError } from "../errors";
import { replyDedupeKey } from "../proposals/kinds/ticket-reply";
import { propose, refuseIfLive } from "../proposals/propose";
import { defineMutation } from "./mutation";

/**
 * First responses go out only through approval: a CSM proposes a `ticket_reply` (the draft in the
 * customer's language, addressed to the account's primary contact); a founder approves it in
 * /approvals; approval queues the email like any message AND records the ticket's first response at
 * the approval instant (the moment the team committed to the reply; dispatch may wait on a freeze).
 * One live reply per ticket (lib/proposals/kinds/ticket-reply.ts).
 */

export const proposeReplyMutation = defineMutation({
  name: "support.propose_reply",
  permission: "proposals:create",
  input: z.object({ ticket_id: z.uuid(), message: ZMessageDraft }),
  async run({ tx, actor, input }) {
    const ticket = await findTicketState(tx, input.ticket_id);
    if (!ticket) throw new AppError("not_found", { ticket_id: "support.errors.unknown_ticket" });
    if (ticket.firstResponseAt || ticket.status === "resolved")
      throw new AppError("conflict", { ticket_id: "support.errors.already_responded" });
    // Refused before addressing (a missing contact must not hide the conflict); `propose` re-checks, then claims.
    await refuseIfLive(tx, "ticket_reply", replyDedupeKey(ticket.id));
    const { contact, locale } = await primaryContact(tx, ticket.accountId);
    const payload: TTicketReplyPayload = { ...renderMessage(input.message, contact, locale), ticket_id: ticket.id };
    const proposal = await propose(tx, "ticket_reply", {
      accountId: ticket.accountId,
      payload,
      reason: `first response to ${ticket.priority} ticket`,
      proposer: actor,
    });
    return {
      result: proposal,
      ledger: {
        target: `proposal:${proposal.id}`,
        summary: `proposed first response to ticket:${ticket.id} (${ticket.priority}, ${locale})`,
        payloadHash: proposal.payloadHash,
      },
    };
  },
});

/** Approval effect of `ticket_reply`: the first response, unless one was already recorded by hand. */
export async function recordReplyApproved(ctx: { tx: Tx; p: TProposal; actor: TActor; now: Date }): Promise<void> {
  const ticketId = (ctx.p.payload as Partial<TTicketReplyPayload>).ticket_id;
  if (!ticketId) throw new Error(`proposal ${ctx.p.id}: no ticket`);
  const ticket = await findTicketState(ctx.tx, ticketId);
  if (!ticket || ticket.firstResponseAt || ticket.status === "resolved") return;
  const { calendar } = await getSupportSettings(ctx.tx);
  await appendTicketEvent(
    ctx.tx,
    ticketId,
    { type: "first_response", at: ctx.now, actorLabel: ctx.actor.label, note: "reply approved", proposalId: ctx.p.id },
    calendar,
    ctx.now,
  );
}
