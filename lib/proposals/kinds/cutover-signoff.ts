import { z } from "zod";
import type { TCutoverSignoffPayload } from "../../domain/proposals/payloads";
import type { TKindModule } from "./types";

/**
 * The founder's sign-off on cutting onboarding nudges over to the agent (lib/actions/cutover.ts).
 * Approving it by someone other than its proposer is the record the gate reads; nothing else changes.
 */
export const cutoverSignoffKind: TKindModule<"cutover_signoff", TCutoverSignoffPayload> = {
  kind: "cutover_signoff",
  payload: z.strictObject({
    reason: z.string(),
    decisions: z.number(),
    agreement_pct: z.number().nullable(),
    kappa: z.number().nullable(),
    heartbeat_span_days: z.number().nullable(),
    gates: z.array(z.strictObject({ name: z.string(), pass: z.boolean() })),
  }),
  copyFields: [],
  dedupe: null,
  decide: { permission: "proposals:approve", makerChecker: true },
  bulkApprovable: false,
  groupDecidable: false,
  approve: "record_sign_off",
  deliver: "nothing",
};
