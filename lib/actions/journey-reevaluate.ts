import "server-only";
import { evaluateAccountNow } from "../data/journey-reevaluate";
import { appendLedger } from "../data/ledger";
import { withTransaction, type Tx } from "../data/tx";
import { JOURNEY_ACTOR } from "../domain/journeys/actor";
import type { TCriterion, TStage } from "../domain/journeys/stages";
import { ledgerEntry } from "../domain/ledger/entry";
import { planTouchpoints, type TPlanOutcome } from "./journey-touchpoints";

export type TReevaluation = {
  accountId: string;
  /** The stage before this evaluation (Onboarding on an account's first). */
  from: TStage;
  stage: TStage;
  health: number;
  changes: number;
  touchpoints: TPlanOutcome;
} | null;

/**
 * Re-evaluates one account now: stage, overlays, health, timeline events for changes, and its
 * touchpoints through the guardrails. Call it after anything that can move a journey: criteria marked,
 * an escalation (P0/P1 ticket or incident) opened or closed. Null for an account without a journey (no
 * contract start yet). Holds the account's row lock, so concurrent calls run one after the other and
 * never record a change twice. Pass `tx` to run inside the caller's transaction.
 */
export async function reevaluateAccount(
  accountId: string,
  o: { now?: Date; tx?: Tx; withdrawn?: { criterion: TCriterion; by: string } } = {},
): Promise<TReevaluation> {
  const now = o.now ?? new Date();
  const run = async (tx: Tx): Promise<TReevaluation> => {
    const r = await evaluateAccountNow(tx, accountId, now, o.withdrawn);
    if (!r) return null;
    const { evaluated, changes } = r;
    const touchpoints = await planTouchpoints(
      tx,
      { evaluated, contractEnd: r.contractEnd, csmId: r.csmId },
      r.settings,
      now,
    );
    if (changes > 0)
      await appendLedger(
        tx,
        ledgerEntry(JOURNEY_ACTOR, {
          action: "journeys.reevaluate",
          target: `account:${accountId}`,
          summary: `${changes} journey change(s); now ${evaluated.evaluation.stage}, health ${evaluated.health.score}`,
        }),
      );
    return {
      accountId,
      from: r.from,
      stage: evaluated.evaluation.stage,
      health: evaluated.health.score,
      changes,
      touchpoints,
    };
  };
  return o.tx ? run(o.tx) : withTransaction(run);
}

/**
 * An open P0/P1 ticket or a non-closed incident pauses an account's automated touchpoints, and closing
 * it resumes them. Whatever opens or closes one calls this inside its own transaction, so the journey
 * (guardrails, health) reflects it at once rather than at the next scheduled recompute.
 */
export async function escalationChanged(tx: Tx, accountIds: Iterable<string>, now: Date): Promise<void> {
  for (const id of new Set(accountIds)) await reevaluateAccount(id, { tx, now });
}
