import "server-only";

/**
 * Signals journeys read from other areas. The at-risk model (table `account_risk(account_id, score,
 * severity, reasons, computed_at)`) is built by the risk area and is not in this branch yet.
 */

export type TAtRisk = { score: number; severity: string };

/**
 * At-risk scores (0–100, higher = more risk) of these accounts, or of all when `accountIds` is null.
 * The ONLY place journeys read `account_risk`. Until the lead wires it at merge this returns no scores,
 * and the health risk factor then uses escalations and behind-schedule alone and says so in its note
 * (no number is invented). Wiring: `SELECT account_id, score, severity FROM account_risk WHERE …`.
 */
export async function readAtRiskScores(accountIds: readonly string[] | null): Promise<Map<string, TAtRisk>> {
  void accountIds;
  return new Map();
}
