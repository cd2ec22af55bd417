import "server-only";
import { z } from "zod";
import { getSupportSettings, saveSupportSettings } from "../data/support-settings";
import { findAccountRef } from "../data/accounts";
import {
  appendTicketEvent,
  findTicketState,
  insertTicket,
  overrideTicketPriority,
  recomputeOpenTickets,
} from "../data/support";
import { ZCalendar } from "../domain/support/calendar";
import { ZKeywordLists, classify } from "../domain/support/classify";
import { MANUAL_EVENTS } from "../domain/support/events";
import { ZTicketInput, receivedAt } from "../domain/support/input";
import { PRIORITIES } from "../domain/support/targets";
import { AppError } from "../errors";
import { ESCALATION_PRIORITIES } from "../domain/journeys/guardrails";
import { escalationChanged } from "./journey-reevaluate";
import { defineMutation } from "./mutation";
import { zMultiline } from "../domain/text/safe-text";
import type { TCreatedTicket } from "../domain/support/types";
export type { TCreatedTicket };

/** Ticket mutations: create, override priority, record an event, and the founders' settings. */

export const createTicketMutation = defineMutation({
  name: "support.create_ticket",
  permission: "tickets:write",
  input: ZTicketInput,
  async run({ tx, actor, input }) {
    const now = new Date();
    const account = await findAccountRef(tx, input.account_id);
    if (!account) throw new AppError("not_found", { account_id: "validation.unknown_account" });
    const at = receivedAt(input, now);
    if (!at) throw new AppError("invalid_input", { received_at: "support.errors.received_in_future" });
    const settings = await getSupportSettings(tx);
    const c = classify(input.subject, input.body, settings.keywords);
    const id = await insertTicket(
      tx,
      {
        accountId: input.account_id,
        subject: input.subject,
        body: input.body,
        channel: input.channel,
        receivedAt: at,
        classification: c,
        createdBy: actor.type === "user" ? actor.id : null,
        actorLabel: actor.label,
      },
      settings.calendar,
      now,
    );
    if (ESCALATION_PRIORITIES.includes(c.priority)) await escalationChanged(tx, [input.account_id], now);
    const row = await findTicketState(tx, id);
    if (!row) throw new Error(`ticket ${id} vanished inside its own transaction`);
    const result: TCreatedTicket = {
      id,
      account_id: input.account_id,
      priority: c.priority,
      matched_keyword: c.matchedKeyword,
      reason_en: c.reasonEn,
      reason_ar: c.reasonAr,
      status: row.status,
      received_at: at.toISOString(),
      first_response_due_at: row.firstResponseDueAt?.toISOString() ?? null,
      resolution_due_at: row.resolutionDueAt?.toISOString() ?? null,
    };
    return {
      result,
      ledger: {
        target: `ticket:${id}`,
        summary: `created ${c.priority} ticket via ${input.channel} for account:${input.account_id} (${c.matchedKeyword ? `matched "${c.matchedKeyword}"` : c.reasonEn})`,
      },
    };
  },
});

export const overridePriorityMutation = defineMutation({
  name: "support.override_priority",
  permission: "tickets:write",
  input: z.object({
    ticket_id: z.uuid(),
    priority: z.enum(PRIORITIES),
    reason: zMultiline(500).min(1),
  }),
  async run({ tx, input }) {
    const now = new Date();
    const current = await findTicketState(tx, input.ticket_id);
    if (!current) throw new AppError("not_found", { ticket_id: "support.errors.unknown_ticket" });
    if (current.priority === input.priority)
      throw new AppError("invalid_input", { priority: "support.errors.same_priority" });
    const { calendar } = await getSupportSettings(tx);
    const { from } = await overrideTicketPriority(tx, input.ticket_id, input.priority, input.reason, calendar, now);
    if ([from, input.priority].some((p) => ESCALATION_PRIORITIES.includes(p)))
      await escalationChanged(tx, [current.accountId], now);
    return {
      result: { priority: input.priority },
      ledger: { target: `ticket:${input.ticket_id}`, summary: `priority ${from} → ${input.priority}: ${input.reason}` },
    };
  },
});

export const recordEventMutation = defineMutation({
  name: "support.record_event",
  permission: "tickets:write",
  input: z.object({
    ticket_id: z.uuid(),
    type: z.enum(MANUAL_EVENTS),
    note: zMultiline(1000).default(""),
  }),
  async run({ tx, actor, input }) {
    const now = new Date();
    const { calendar } = await getSupportSettings(tx);
    const status = await appendTicketEvent(
      tx,
      input.ticket_id,
      { type: input.type, at: now, actorLabel: actor.label, note: input.note },
      calendar,
      now,
    );
    if (input.type === "resolved") {
      const t = await findTicketState(tx, input.ticket_id);
      if (!t) throw new Error(`ticket ${input.ticket_id} vanished inside its own transaction`);
      if (ESCALATION_PRIORITIES.includes(t.priority)) await escalationChanged(tx, [t.accountId], now);
    }
    return {
      result: { status },
      ledger: {
        target: `ticket:${input.ticket_id}`,
        summary: `ticket ${input.type}${input.note ? `: ${input.note.slice(0, 200)}` : ""}`,
      },
    };
  },
});

export const saveSupportSettingsMutation = defineMutation({
  name: "support.save_settings",
  permission: "settings:manage",
  input: z.object({ keywords: ZKeywordLists, calendar: ZCalendar }),
  async run({ tx, actor, input }) {
    const now = new Date();
    const before = await getSupportSettings(tx);
    await saveSupportSettings(tx, { ...input, by: actor.label, now });
    const calendarChanged = JSON.stringify(before.calendar) !== JSON.stringify(input.calendar);
    const recomputed = calendarChanged ? await recomputeOpenTickets(tx, input.calendar, now) : 0;
    const c = input.calendar;
    return {
      result: { recomputed },
      ledger: {
        target: "settings:support",
        summary:
          `keywords P0 ${input.keywords.P0.length}, P1 ${input.keywords.P1.length}, P2 ${input.keywords.P2.length}; ` +
          `calendar days ${c.days.join("")} ${c.start}–${c.end} ${c.timeZone}, ${c.holidays.length} holidays` +
          (calendarChanged ? `; ${recomputed} open tickets recomputed` : ""),
      },
    };
  },
});
