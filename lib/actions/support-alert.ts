import "server-only";
import { z } from "zod";
import { lockSystemState, recentSlaFreeze } from "../data/support-alert";
import { getFreeze } from "../data/system-state";
import type { TActor } from "../domain/auth/actor";
import { SLA_MONITOR_ID } from "../proposals/kinds/freeze";
import { propose } from "../proposals/propose";
import { defineMutation } from "./mutation";

/**
 * A critical SLA verdict (last 7 days) notifies founders and proposes a freeze of live actions:
 * the ledger gets `support.sla_critical`, founders see a notice on the support pages, and a `freeze`
 * proposal waits in /approvals (proposed by this system actor, so any founder can approve it). At
 * most one while one is pending or within a day of the last; none while sending is already frozen.
 */
export const SLA_MONITOR_ACTOR: TActor = { type: "system", id: SLA_MONITOR_ID, role: "csm", label: "SLA monitor" };

export const raiseSlaCriticalMutation = defineMutation({
  name: "support.sla_critical",
  permission: "proposals:create",
  input: z.object({
    rate: z.number().min(0).max(1),
    breaches: z.number().int().min(0),
    count: z.number().int().min(1),
  }),
  async run({ tx, actor, input }) {
    const now = new Date();
    await lockSystemState(tx);
    const existing = await recentSlaFreeze(now, tx);
    const frozen = (await getFreeze(tx)).frozen;
    const summary = `SLA health critical over 7 days: breach rate ${input.rate.toFixed(3)} (${input.breaches} of ${input.count} tickets)`;
    if (existing || frozen)
      return {
        result: { proposalId: existing?.id ?? null },
        ledger: {
          target: "sla:7d",
          summary: `${summary}; ${frozen ? "already frozen" : `freeze already proposed (proposal:${existing?.id})`}`,
        },
      };
    // The freeze kind marks this proposal for the cool-down above (lib/proposals/kinds/freeze.ts).
    const proposal = await propose(tx, "freeze", {
      accountId: null,
      payload: { reason: summary },
      reason: summary,
      proposer: actor,
    });
    return {
      result: { proposalId: proposal.id },
      ledger: {
        target: `proposal:${proposal.id}`,
        summary: `${summary}; freeze proposed`,
        payloadHash: proposal.payloadHash,
      },
    };
  },
});
