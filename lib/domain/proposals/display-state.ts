import type { TProposalState } from "./state-machine";

/**
 * What happened to a proposal, in words a person can trust (spec: "a message that was never handed to
 * a transport is never called delivered"). The one definition every page uses: the inbox, a CSM's own
 * list, a proposal's page and the outbox.
 *   previewed — approved, rendered by the preview transport, not sent (live sending off)
 *   held      — approved and queued, held while sending is frozen
 *   queued / sending — approved, waiting for or with the dispatcher
 *   sent      — handed to the live transport
 *   applied   — an internal kind (freeze, onboarding…) took effect on approval; nothing is sent
 */
export const DISPLAY_STATES = [
  "pending",
  "rejected",
  "expired",
  "applied",
  "queued",
  "held",
  "sending",
  "previewed",
  "sent",
  "failed",
] as const;
export type TDisplayState = (typeof DISPLAY_STATES)[number];

/** The outbox row of a proposal, if approval queued one (its latest: failed rows stay as history). */
export type TOutboxState = { state: string } | null;

export function displayState(p: { state: TProposalState; outbox: TOutboxState; frozen: boolean }): TDisplayState {
  if (p.state === "pending" || p.state === "rejected" || p.state === "expired" || p.state === "failed") return p.state;
  // Approved, dispatched or delivered: the outbox row says what really happened.
  if (!p.outbox) return "applied";
  switch (p.outbox.state) {
    case "queued":
      return p.frozen ? "held" : "queued";
    case "sending":
      return "sending";
    case "sent":
      return "sent";
    case "previewed":
      return "previewed";
    case "failed":
      return "failed";
    // An outbox state this code does not know: say the least, never "sent".
    default:
      return "queued";
  }
}

/** What approving a pending proposal will do, stated on its card before anyone decides. */
export type TApprovalOutcome = "applies" | "held_frozen" | "preview_only" | "sends";

/** `sends` is whether the kind's approval queues a message (lib/proposals/kinds/: its approve effect). */
export function approvalOutcome(o: { sends: boolean; frozen: boolean; liveSending: boolean }): TApprovalOutcome {
  if (!o.sends) return "applies";
  if (o.frozen) return "held_frozen";
  return o.liveSending ? "sends" : "preview_only";
}
