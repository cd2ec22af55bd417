import "server-only";
import { z } from "zod";
import { saveCoolingOff } from "../data/sole-approver";
import { MAX_COOLING_OFF_MINUTES } from "../domain/proposals/sole-approver";
import { defineMutation } from "./mutation";

const ZMinutes = z.coerce.number().int().min(0).max(MAX_COOLING_OFF_MINUTES);

/** The founders' sole-approver cooling-off (lib/domain/proposals/sole-approver.ts); 0 allowed, ledgered before → after. */
export const saveCoolingOffMutation = defineMutation({
  name: "settings.sole_approver",
  permission: "settings:manage",
  input: z.object({ unfreeze_minutes: ZMinutes, other_minutes: ZMinutes }),
  async run({ tx, input }) {
    const after = { unfreezeMinutes: input.unfreeze_minutes, otherMinutes: input.other_minutes };
    const before = await saveCoolingOff(tx, after);
    return {
      result: after,
      ledger: {
        target: "settings:sole_approver",
        summary: `cooling-off unfreeze ${before.unfreezeMinutes} → ${after.unfreezeMinutes} min, other kinds ${before.otherMinutes} → ${after.otherMinutes} min`,
      },
    };
  },
});
