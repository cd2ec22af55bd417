import "server-only";
import type { SqlClient } from "../db/sql-client";
import { appendLedger } from "./ledger";
import { evaluateRow, signalsSql, writeEvaluations, type TSignalRow } from "./journey-evaluate";
import { sqlQuery, txQuery } from "./journey-query";
import { readJourneySettings } from "./journey-settings";
import { readAtRiskScores } from "./journey-signals";
import { JOURNEY_ACTOR, planTouchpoints, type TPlanOutcome } from "./journey-touchpoints";
import { withTransaction, type Tx } from "./tx";
import { isStage, type TCriterion, type TStage } from "../domain/journeys/stages";

export type TReevaluation = {
  accountId: string;
  /** The stage before this evaluation (Onboarding on an account's first). */
  from: TStage;
  stage: TStage;
  health: number;
  changes: number;
  touchpoints: TPlanOutcome;
} | null;

const ZERO_UUID = "00000000-0000-0000-0000-000000000000";

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
    const q = txQuery(tx);
    const lock = await q(`SELECT 1 FROM accounts WHERE id = $1::uuid FOR UPDATE`, [accountId]);
    if (lock.length === 0) return null;
    const [row] = await q<TSignalRow>(signalsSql(`a.id = $2::uuid`), [now.toISOString(), accountId]);
    if (!row) return null;
    const [settings, atRisk] = await Promise.all([readJourneySettings(q), readAtRiskScores(q, [accountId])]);
    // A withdrawal may move the stage back to one entered before: when is in its forward transitions.
    const entries = o.withdrawn
      ? (
          await q<{ stage: TStage; at: Date | string }>(
            `SELECT to_stage AS stage, at FROM journey_transitions
             WHERE account_id = $1::uuid AND kind = 'stage' AND cause->>'type' = 'criteria' ORDER BY at, recorded_at`,
            [accountId],
          )
        ).map((e) => ({ stage: e.stage, at: new Date(e.at) }))
      : undefined;
    const evaluated = evaluateRow(
      row,
      now,
      settings.weights,
      atRisk.get(accountId),
      o.withdrawn ? { withdrawn: o.withdrawn, entries } : undefined,
    );
    const changes = await writeEvaluations(q, [evaluated], now);
    const contractEnd = row.contract_end ? new Date(`${row.contract_end.slice(0, 10)}T00:00:00.000Z`) : null;
    const touchpoints = await planTouchpoints(tx, { evaluated, contractEnd, csmId: row.csm_id }, settings, now);
    if (changes > 0)
      await appendLedger(tx, {
        actorType: JOURNEY_ACTOR.type,
        actorId: JOURNEY_ACTOR.id,
        actorRole: JOURNEY_ACTOR.role,
        action: "journeys.reevaluate",
        target: `account:${accountId}`,
        summary: `${changes} journey change(s); now ${evaluated.evaluation.stage}, health ${evaluated.health.score}`,
        requestId: null,
        payloadHash: null,
      });
    return {
      accountId,
      from: isStage(row.stage) ? row.stage : "onboarding",
      stage: evaluated.evaluation.stage,
      health: evaluated.health.score,
      changes,
      touchpoints,
    };
  };
  return o.tx ? run(o.tx) : withTransaction(run);
}

// Pages of 20 000 accounts keep memory flat at 100 000 and each transaction (and its row locks) short.
export const RECOMPUTE_PAGE = 20_000;

/**
 * Evaluates every journey (or only `ids`) page by page: one read and one write per table per page,
 * each page in one transaction holding its accounts' row locks. Returns accounts and changes.
 */
export async function evaluatePages(
  sql: SqlClient,
  o: { now: Date; page?: number; ids?: readonly string[] },
): Promise<{ accounts: number; changes: number }> {
  const settings = await readJourneySettings(sqlQuery(sql));
  const atRisk = await readAtRiskScores(sqlQuery(sql), o.ids ?? null);
  const size = o.page ?? RECOMPUTE_PAGE;
  let cursor = ZERO_UUID;
  let accounts = 0;
  let changes = 0;
  for (;;) {
    const page = await sql.transaction(async (tx) => {
      const q = sqlQuery(tx);
      // JIT compilation costs more than it saves on these short per-page statements.
      if (sql.engine === "postgresql") await tx.exec(`SET LOCAL jit = off`);
      const filter = o.ids ? `a.id > $2::uuid AND a.id = ANY($4::uuid[])` : `a.id > $2::uuid`;
      const rows = await q<TSignalRow>(`${signalsSql(filter)} ORDER BY a.id LIMIT $3 FOR UPDATE OF a`, [
        o.now.toISOString(),
        cursor,
        size,
        ...(o.ids ? [o.ids] : []),
      ]);
      const evaluated = rows.map((r) => evaluateRow(r, o.now, settings.weights, atRisk.get(r.account_id)));
      return {
        last: rows.at(-1)?.account_id ?? null,
        n: rows.length,
        changes: await writeEvaluations(q, evaluated, o.now),
      };
    });
    accounts += page.n;
    changes += page.changes;
    if (!page.last || page.n < size) break;
    cursor = page.last;
  }
  return { accounts, changes };
}
