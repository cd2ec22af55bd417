import type { TPayloadByKind, TProposalKind } from "../../domain/proposals/payloads";
import { autoCompleteKind } from "./auto-complete";
import { checklistStepKind } from "./checklist-step";
import { connectorExecuteKind } from "./connector-execute";
import { cutoverSignoffKind } from "./cutover-signoff";
import { freezeKind } from "./freeze";
import { messageKind } from "./message";
import { nudgeKind } from "./nudge";
import { nudgeMarkSentKind } from "./nudge-mark-sent";
import { ticketReplyKind } from "./ticket-reply";
import type { TKindModule } from "./types";
import { unfreezeKind } from "./unfreeze";

/** Every kind's module, typed by its payload: a kind missing here, or a module missing a part, does not type-check. */
export type TKindRegistry = { [K in TProposalKind]: TKindModule<K, TPayloadByKind[K]> };

/** Pure (no database): the approvals UI, the copy guard and the API read it; effects are in lib/proposals/effects.ts. */
export const KINDS = {
  message: messageKind,
  freeze: freezeKind,
  unfreeze: unfreezeKind,
  nudge: nudgeKind,
  nudge_mark_sent: nudgeMarkSentKind,
  auto_complete: autoCompleteKind,
  cutover_signoff: cutoverSignoffKind,
  checklist_step: checklistStepKind,
  connector_execute: connectorExecuteKind,
  ticket_reply: ticketReplyKind,
} satisfies TKindRegistry;

/** A kind's module, for code that holds a kind only as `TProposalKind` (a stored proposal). */
export const kindOf = <K extends TProposalKind>(kind: K): TKindModule<K, TPayloadByKind[K]> =>
  (KINDS as TKindRegistry)[kind];

/** Whether approving the kind queues a message for a transport (its approve effect), rather than acting inside. */
export const queuesMessage = (kind: TProposalKind): boolean => kindOf(kind).approve.startsWith("queue_email");
