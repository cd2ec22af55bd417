import "server-only";
import { db } from "../db";
import type { SqlClient } from "../db/sql-client";
import { RISK_PAGE_SIZE, type TRiskFilters } from "../domain/risk/filters";
import { PROOF_PACK_EVENT } from "../domain/risk/inputs";
import { isSeverity, scoreRisk, type TRisk, type TRiskInput, type TRiskReason, type TSeverity } from "../domain/risk/score";
import type { Tx } from "./tx";
import type { TAccountRisk, TAtRiskRow } from "../domain/risk/types";
export type { TAccountRisk, TAtRiskRow };

type TQuery = Pick<SqlClient, "query">;

// Upserts per statement: big enough to amortise round trips, small enough to stay a few MB.
const WRITE_CHUNK = 10_000;

/**
 * The rule's three inputs per account, in one set-based query ($1 = now). Whole days are
 * floor((now − t) / 1 day), clamped by the rule at 0. An account that never had activity counts from
 * signup, as does one that never received a proof pack. Pending drafts are proposals still decidable
 * (state pending and not past expiry).
 */
const INPUTS_SQL = `
  SELECT a.id::text AS account_id,
    floor(extract(epoch FROM ($1::timestamptz - coalesce(a.last_activity_at, a.signup_at))) / 86400)::int AS days_inactive,
    coalesce(d.n, 0)::int AS pending_drafts,
    floor(extract(epoch FROM ($1::timestamptz - coalesce(e.last_at, a.signup_at))) / 86400)::int AS days_since_proof_pack
  FROM accounts a
  LEFT JOIN (SELECT account_id, count(*) AS n FROM proposals
             WHERE state = 'pending' AND expires_at > $1::timestamptz AND account_id IS NOT NULL
             GROUP BY account_id) d ON d.account_id = a.id
  LEFT JOIN (SELECT account_id, max(occurred_at) AS last_at FROM account_events
             WHERE type = '${PROOF_PACK_EVENT}' GROUP BY account_id) e ON e.account_id = a.id`;

type TInputRow = { account_id: string; days_inactive: number; pending_drafts: number; days_since_proof_pack: number };

const inputOf = (r: TInputRow): TRiskInput => ({
  daysInactive: r.days_inactive,
  pendingDrafts: r.pending_drafts,
  daysSinceProofPack: r.days_since_proof_pack,
});

const UPSERT_SQL = `
  INSERT INTO account_risk (account_id, score, severity, reasons, computed_at)
  SELECT a, s, v, r::jsonb, $5::timestamptz FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[]) AS x(a, s, v, r)
  ON CONFLICT (account_id) DO UPDATE
    SET score = excluded.score, severity = excluded.severity, reasons = excluded.reasons, computed_at = excluded.computed_at
    WHERE account_risk.computed_at <= excluded.computed_at`;

/**
 * Recomputes the snapshot for every account: one query reads all inputs, the pure rule scores them,
 * chunked upserts write them, all in one transaction (readers see the old or the new set, never half).
 * A snapshot computed for a later `now` is never overwritten by an earlier one. Returns counts.
 */
export async function recomputeAllRisk(
  now: Date,
  sql: SqlClient = db().sql,
): Promise<{ accounts: number; bySeverity: Record<TSeverity, number> }> {
  return sql.transaction(async (q) => {
    const rows = await q.query<TInputRow>(INPUTS_SQL, [now]);
    const bySeverity: Record<TSeverity, number> = { high: 0, medium: 0, low: 0 };
    const scored = rows.map((r) => {
      const risk = scoreRisk(inputOf(r));
      bySeverity[risk.severity]++;
      return { id: r.account_id, risk };
    });
    for (let i = 0; i < scored.length; i += WRITE_CHUNK) await writeChunk(q, scored.slice(i, i + WRITE_CHUNK), now);
    return { accounts: rows.length, bySeverity };
  });
}

async function writeChunk(q: TQuery, chunk: { id: string; risk: TRisk }[], now: Date) {
  await q.query(UPSERT_SQL, [
    chunk.map((c) => c.id),
    chunk.map((c) => c.risk.score),
    chunk.map((c) => c.risk.severity),
    chunk.map((c) => JSON.stringify(c.risk.reasons)),
    now,
  ]);
}

/** One account, inside a mutation's transaction (on demand). Null when the account does not exist. */
export async function recomputeAccountRisk(tx: Tx, accountId: string, now: Date): Promise<TRisk | null> {
  const rows = await tx.$queryRawUnsafe<TInputRow[]>(`${INPUTS_SQL} WHERE a.id = $2::uuid`, now, accountId);
  const row = rows[0];
  if (!row) return null;
  const risk = scoreRisk(inputOf(row));
  const data = { score: risk.score, severity: risk.severity, reasons: risk.reasons, computedAt: now };
  await tx.accountRisk.upsert({ where: { accountId }, create: { accountId, ...data }, update: data });
  return risk;
}


const toRisk = (r: { account_id: string; score: number; severity: string; reasons: unknown; computed_at: Date }): TAccountRisk => ({
  accountId: r.account_id,
  score: r.score,
  severity: isSeverity(r.severity) ? r.severity : "low",
  reasons: (Array.isArray(r.reasons) ? r.reasons : typeof r.reasons === "string" ? JSON.parse(r.reasons) : []) as TRiskReason[],
  computedAt: new Date(r.computed_at),
});

export async function getRisk(accountId: string): Promise<TAccountRisk | null> {
  const rows = await db().sql.query<Parameters<typeof toRisk>[0]>(
    `SELECT account_id::text AS account_id, score, severity, reasons, computed_at FROM account_risk WHERE account_id = $1::uuid`,
    [accountId],
  );
  return rows[0] ? toRisk(rows[0]) : null;
}


/** One page of the At-risk list: highest score first (ties by account id), with the total. */
export async function listAtRisk(f: TRiskFilters): Promise<{ rows: TAtRiskRow[]; total: number; pageSize: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  if (f.severity) where.push(`r.severity = ${p(f.severity)}`);
  if (f.tier) where.push(`a.tier = ${p(f.tier)}`);
  if (f.csm === "none") where.push(`a.csm_id IS NULL`);
  else if (f.csm) where.push(`a.csm_id = ${p(f.csm)}::uuid`);
  const w = where.length ? `WHERE ${where.join(" AND ")}` : "";
  // Without account filters the snapshot alone answers the count (every row has its account: FK).
  const counted = f.tier || f.csm ? `account_risk r JOIN accounts a ON a.id = r.account_id` : `account_risk r`;
  const limit = p(RISK_PAGE_SIZE);
  const offset = p((f.page - 1) * RISK_PAGE_SIZE);
  type TListRow = Parameters<typeof toRisk>[0] & {
    account_name: string;
    tier: string;
    csm_id: string | null;
    csm_name: string | null;
    preferred_locale: string;
    has_contact: boolean;
    total: number;
  };
  const rows = await db().sql.query<TListRow>(
    `WITH page AS (
       SELECT r.account_id::text AS account_id, r.score, r.severity, r.reasons, r.computed_at,
              a.name AS account_name, a.tier, a.csm_id::text AS csm_id, u.name AS csm_name,
              a.preferred_locale, EXISTS (SELECT 1 FROM account_contacts c WHERE c.account_id = a.id) AS has_contact
       FROM account_risk r JOIN accounts a ON a.id = r.account_id LEFT JOIN users u ON u.id = a.csm_id
       ${w} ORDER BY r.score DESC, r.account_id LIMIT ${limit} OFFSET ${offset})
     SELECT page.*, (SELECT count(*)::int FROM ${counted} ${w}) AS total
     FROM (SELECT 1) one LEFT JOIN page ON true`,
    params,
  );
  return {
    rows: rows
      .filter((r) => r.account_id !== null)
      .map((r) => ({
        ...toRisk(r),
        accountName: r.account_name,
        tier: r.tier,
        csmId: r.csm_id,
        csmName: r.csm_name,
        preferredLocale: r.preferred_locale === "ar" ? "ar" : "en",
        hasContact: r.has_contact,
      })),
    total: rows[0]?.total ?? 0,
    pageSize: RISK_PAGE_SIZE,
  };
}

/** The reason codes of the account's current at-risk snapshot (none without one), in the caller's transaction. */
export async function riskReasonCodes(tx: Tx, accountId: string): Promise<string[]> {
  const risk = await tx.accountRisk.findUnique({ where: { accountId }, select: { reasons: true } });
  return Array.isArray(risk?.reasons) ? risk.reasons.map((r) => (r as { code?: string })?.code ?? "") : [];
}
