import "server-only";
import type { Tx } from "./tx";
import { reevaluateAccount } from "./journey-reevaluate";

/** Priorities whose open tickets count as an escalation for journeys (spec "Guardrails"). */
export const ESCALATION_PRIORITIES: readonly string[] = ["P0", "P1"];

/**
 * An open P0/P1 ticket or a non-closed incident pauses an account's automated touchpoints, and closing
 * it resumes them. Whatever opens or closes one calls this inside its own transaction, so the journey
 * (guardrails, health) reflects it at once rather than at the next scheduled recompute.
 */
export async function escalationChanged(tx: Tx, accountIds: Iterable<string>, now: Date): Promise<void> {
  for (const id of new Set(accountIds)) await reevaluateAccount(id, { tx, now });
}
