import type { TSwitchPayload } from "../../domain/proposals/payloads";
import { ZSwitchPayload } from "./freeze";
import type { TKindModule } from "./types";

/** Resumes sending after a freeze (proposed from the outbox page or the API). */
export const unfreezeKind: TKindModule<"unfreeze", TSwitchPayload> = {
  kind: "unfreeze",
  payload: ZSwitchPayload,
  copyFields: [],
  dedupe: null,
  decide: { permission: "proposals:approve", makerChecker: true },
  bulkApprovable: false,
  groupDecidable: false,
  approve: "unfreeze",
  deliver: "nothing",
};
