import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { TQuery } from "./journey-query";

/** Signals journeys read from other areas: the at-risk snapshot of the success area. */

export type TAtRisk = { score: number; severity: string };

/**
 * At-risk scores (0–100, higher = more risk) of these accounts, or of all when `accountIds` is null,
 * from the success area's snapshot. The ONLY place journeys read `account_risk`; an account without
 * a snapshot yet has no score, and the health risk factor then says so instead of inventing one.
 * Takes the caller's connection: inside a transaction (PGlite has one connection) it must use `tx`.
 */
export async function readAtRiskScores(
  q: TQuery,
  accountIds: readonly string[] | null,
): Promise<Map<string, TAtRisk>> {
  const rows = await q<{ account_id: string; score: number; severity: string }>(
    accountIds
      ? Prisma.sql`SELECT account_id, score, severity FROM account_risk WHERE account_id = ANY(${accountIds}::uuid[])`
      : Prisma.sql`SELECT account_id, score, severity FROM account_risk`,
  );
  return new Map(rows.map((r) => [r.account_id, { score: Number(r.score), severity: r.severity }]));
}
