import "server-only";
import type { TCriterion } from "../domain/journeys/stages";
import type { Tx } from "./tx";

type TMark = { accountId: string; criterion: TCriterion; note: string; by: { id: string; label: string }; at: Date };

/**
 * Marks an exit criterion met, with its timeline event, in the caller's transaction. False (and
 * nothing written) when it was already met: the caller says so instead of a silent no-op.
 */
export async function markCriterionMet(tx: Tx, m: TMark): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`
    INSERT INTO journey_criteria (account_id, criterion, met_at, marked_by, marked_by_id, note)
    VALUES (${m.accountId}::uuid, ${m.criterion}, ${m.at.toISOString()}::timestamptz, ${m.by.label}, ${m.by.id}, ${m.note})
    ON CONFLICT (account_id, criterion) DO NOTHING RETURNING 1`;
  if (rows.length === 0) return false;
  await criterionEvent(tx, m, true);
  return true;
}

/** Withdraws a met exit criterion, with its timeline event; false (and nothing written) when it was not met. */
export async function withdrawCriterion(tx: Tx, m: TMark): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`
    DELETE FROM journey_criteria WHERE account_id = ${m.accountId}::uuid AND criterion = ${m.criterion} RETURNING 1`;
  if (rows.length === 0) return false;
  await criterionEvent(tx, m, false);
  return true;
}

async function criterionEvent(tx: Tx, m: TMark, met: boolean): Promise<void> {
  await tx.accountEvent.create({
    data: {
      accountId: m.accountId,
      type: met ? "journey.criterion_met" : "journey.criterion_withdrawn",
      occurredAt: m.at,
      actor: m.by.label,
      summary: `${met ? "Exit criterion met" : "Exit criterion withdrawn"}: ${m.criterion.replace(/_/g, " ")}${m.note ? ` — ${m.note}` : ""}`,
      data: { criterion: m.criterion },
    },
  });
}
