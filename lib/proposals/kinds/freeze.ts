import { z } from "zod";
import type { TSwitchPayload } from "../../domain/proposals/payloads";
import type { TKindModule } from "./types";

/** The SLA monitor's actor id (lib/actions/support-alert.ts) and the mark its freeze proposals carry. */
export const SLA_MONITOR_ID = "sla-monitor";
export const SLA_FREEZE_PREFIX = "sla_freeze:";

export const ZSwitchPayload = z.strictObject({ reason: z.string() }) satisfies z.ZodType<TSwitchPayload>;

/**
 * Stops all sending. Proposed by hand, or by the SLA monitor on a critical verdict: its proposals are
 * marked `sla_freeze:<id>` (unique per proposal, so never a conflict) for the monitor's one-a-day
 * cool-down to find (lib/data/support-alert.ts); a hand-made freeze has no key.
 */
export const freezeKind: TKindModule<"freeze", TSwitchPayload> = {
  kind: "freeze",
  payload: ZSwitchPayload,
  copyFields: [],
  dedupe: {
    key: ({ id, proposer }) => (proposer.id === SLA_MONITOR_ID ? `${SLA_FREEZE_PREFIX}${id}` : null),
    // Unreachable (the key holds the proposal's own id); an existing message if it ever is.
    field: "_",
    code: "validation.already_frozen",
  },
  decide: { permission: "proposals:approve", makerChecker: true },
  bulkApprovable: false,
  groupDecidable: false,
  approve: "freeze",
  deliver: "nothing",
};
