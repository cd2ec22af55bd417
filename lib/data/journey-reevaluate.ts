import "server-only";
import type { SqlClient } from "../db/sql-client";
import { Prisma } from "../generated/prisma/client";
import { lockAccount } from "./accounts";
import { evaluateRow, signalsSql, writeEvaluations, type TEvaluated, type TSignalRow } from "./journey-evaluate";
import { sqlQuery, txQuery } from "./journey-query";
import { readJourneySettings, type TJourneySettings } from "./journey-settings";
import { readAtRiskScores } from "./journey-signals";
import type { Tx } from "./tx";
import { isStage, type TCriterion, type TStage } from "../domain/journeys/stages";

const ZERO_UUID = "00000000-0000-0000-0000-000000000000";

export type TAccountEvaluation = {
  /** The stage before this evaluation (Onboarding on an account's first). */
  from: TStage;
  evaluated: TEvaluated;
  /** Changes recorded (stage moves, overlays): their transitions and timeline events are written. */
  changes: number;
  contractEnd: Date | null;
  csmId: string | null;
  settings: TJourneySettings;
};

/**
 * Locks the account's row, evaluates its journey now with the pure rules and writes the result (state,
 * transitions, timeline events, health history), in the caller's transaction. The row lock makes
 * concurrent calls run one after the other, so no change is recorded twice. Null for an unknown account
 * or one without a journey (no contract start yet). `withdrawn` when a criterion was just withdrawn (the
 * stage may move back). Touchpoints are planned by the caller (lib/actions/journey-touchpoints.ts).
 */
export async function evaluateAccountNow(
  tx: Tx,
  accountId: string,
  now: Date,
  withdrawn?: { criterion: TCriterion; by: string },
): Promise<TAccountEvaluation | null> {
  if (!(await lockAccount(tx, accountId))) return null;
  const q = txQuery(tx);
  const [row] = await q<TSignalRow>(signalsSql(now, Prisma.sql`a.id = ${accountId}::uuid`));
  if (!row) return null;
  const [settings, atRisk] = await Promise.all([readJourneySettings(q), readAtRiskScores(q, [accountId])]);
  // A withdrawal may move the stage back to one entered before: when is in its forward transitions.
  const entries = withdrawn
    ? (
        await q<{ stage: TStage; at: Date | string }>(Prisma.sql`SELECT to_stage AS stage, at FROM journey_transitions
           WHERE account_id = ${accountId}::uuid AND kind = 'stage' AND cause->>'type' = 'criteria' ORDER BY at, recorded_at`)
      ).map((e) => ({ stage: e.stage, at: new Date(e.at) }))
    : undefined;
  const evaluated = evaluateRow(
    row,
    now,
    settings.weights,
    atRisk.get(accountId),
    withdrawn ? { withdrawn, entries } : undefined,
  );
  const changes = await writeEvaluations(q, [evaluated], now);
  const contractEnd = row.contract_end ? new Date(`${row.contract_end.slice(0, 10)}T00:00:00.000Z`) : null;
  const from = isStage(row.stage) ? row.stage : "onboarding";
  return { from, evaluated, changes, contractEnd, csmId: row.csm_id, settings };
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
      const after = Prisma.sql`a.id > ${cursor}::uuid`;
      const filter = o.ids ? Prisma.sql`${after} AND a.id = ANY(${o.ids}::uuid[])` : after;
      const rows = await q<TSignalRow>(Prisma.sql`${signalsSql(o.now, filter)} ORDER BY a.id LIMIT ${size}::int FOR UPDATE OF a`);
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
