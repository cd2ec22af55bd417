/** Ticket events (spec "SLA clock"); anything else is an error. */
export const TICKET_EVENTS = ["opened", "first_response", "resolved", "escalated", "paused", "resumed"] as const;
export type TTicketEventType = (typeof TICKET_EVENTS)[number];
export type TTicketEvent = { type: TTicketEventType; at: Date };

export const isTicketEvent = (v: unknown): v is TTicketEventType =>
  typeof v === "string" && (TICKET_EVENTS as readonly string[]).includes(v);

export type TEventRefusal =
  | "unknown_event"
  | "not_opened_first"
  | "already_opened"
  | "before_previous"
  | "after_resolved"
  | "already_responded"
  | "already_paused"
  | "not_paused";

export type TTicketPhase = {
  opened: boolean;
  responded: boolean;
  paused: boolean;
  resolved: boolean;
  lastAt: Date | null;
};
export const START_PHASE: TTicketPhase = {
  opened: false,
  responded: false,
  paused: false,
  resolved: false,
  lastAt: null,
};

/**
 * Whether `event` may follow a ticket in `phase`. Rules: `opened` first and once; times never go
 * back; nothing after `resolved`; one first response; pause only while running, resume only while
 * paused. Resolving a paused ticket is allowed (the pause ends with it).
 */
export function checkEvent(phase: TTicketPhase, event: { type: string; at: Date }): TEventRefusal | null {
  if (!isTicketEvent(event.type)) return "unknown_event";
  if (!phase.opened) return event.type === "opened" ? null : "not_opened_first";
  if (event.type === "opened") return "already_opened";
  if (phase.lastAt && event.at.getTime() < phase.lastAt.getTime()) return "before_previous";
  if (phase.resolved) return "after_resolved";
  if (event.type === "first_response" && phase.responded) return "already_responded";
  if (event.type === "paused" && phase.paused) return "already_paused";
  if (event.type === "resumed" && !phase.paused) return "not_paused";
  return null;
}

/** The phase after an accepted event (call checkEvent first). */
export function applyEvent(phase: TTicketPhase, event: TTicketEvent): TTicketPhase {
  const next = { ...phase, lastAt: event.at };
  if (event.type === "opened") next.opened = true;
  if (event.type === "first_response") next.responded = true;
  if (event.type === "paused") next.paused = true;
  if (event.type === "resumed") next.paused = false;
  if (event.type === "resolved") {
    next.resolved = true;
    next.paused = false;
  }
  return next;
}

/** Validates a whole sequence; the first refusal and its index, or ok with the final phase. */
export function validateEvents(
  events: readonly { type: string; at: Date }[],
): { ok: true; phase: TTicketPhase } | { ok: false; index: number; refusal: TEventRefusal } {
  let phase = START_PHASE;
  for (const [index, e] of events.entries()) {
    const refusal = checkEvent(phase, e);
    if (refusal) return { ok: false, index, refusal };
    phase = applyEvent(phase, e as TTicketEvent);
  }
  return { ok: true, phase };
}

/**
 * Events a person records by hand, in the order the ticket page offers them; `opened` comes with
 * creation, and an approved reply records a first response too.
 */
export const MANUAL_EVENTS = ["paused", "resumed", "escalated", "first_response", "resolved"] as const;
export type TManualEvent = (typeof MANUAL_EVENTS)[number];

/**
 * The manual events `checkEvent` accepts next on a stored ticket (its status and whether it has a first
 * response), so the page offers exactly what recording would allow: none once resolved, resume only
 * while waiting on the customer, pause only while running, a first response only once.
 */
export function allowedManualEvents(t: { status: string; firstResponseAt: Date | null }, now: Date): TManualEvent[] {
  const phase: TTicketPhase = {
    opened: true,
    responded: t.firstResponseAt !== null,
    paused: t.status === "waiting_on_customer",
    resolved: t.status === "resolved",
    lastAt: null,
  };
  return MANUAL_EVENTS.filter((type) => checkEvent(phase, { type, at: now }) === null);
}

/** The ticket status an event sequence leads to (the stored `status` column). */
export function statusOf(phase: TTicketPhase): "open" | "waiting_on_customer" | "resolved" {
  if (phase.resolved) return "resolved";
  return phase.paused ? "waiting_on_customer" : "open";
}
