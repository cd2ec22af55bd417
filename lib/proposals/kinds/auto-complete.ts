import { z } from "zod";
import { autoCompleteDedupeKey } from "../../domain/nudges/tick-plan";
import type { TAutoCompletePayload } from "../../domain/proposals/payloads";
import type { TKindModule } from "./types";

/** Ends an account's onboarding (the tick's rule at 30+ days); approval sets onboarding_completed_at. */
export const autoCompleteKind: TKindModule<"auto_complete", TAutoCompletePayload> = {
  kind: "auto_complete",
  payload: z.strictObject({ account_id: z.string().min(1), reason: z.string() }),
  copyFields: [],
  dedupe: {
    key: ({ accountId }) => (accountId ? autoCompleteDedupeKey(accountId) : null),
    field: "account_id",
    code: "validation.auto_complete_already_proposed",
    detail: "auto_complete_already_proposed",
  },
  decide: { permission: "proposals:approve", makerChecker: true },
  bulkApprovable: false,
  groupDecidable: true,
  approve: "complete_onboarding",
  deliver: "nothing",
};
