import "server-only";
import { prisma } from "../db";
import { isTier } from "../domain/accounts/tiers";
import type { TCandidatesDocument, TNudgeCandidate } from "../domain/nudges/candidate";
import { AUTO_COMPLETE_AFTER_DAYS } from "../domain/nudges/heuristic";
import type { Prisma } from "../generated/prisma/client";
import { DAY_MS, subWholeDays } from "../domain/time/days";



// Exactly the signals; never the name, the contacts or anything billing-related.
const SELECT = {
  id: true,
  tier: true,
  signupAt: true,
  welcomed: true,
  screenPaired: true,
  contentUploaded: true,
  playlistCreated: true,
  scheduleCreated: true,
  nudgeDay1SentAt: true,
  nudgeDay3SentAt: true,
  nudgeDay7SentAt: true,
} as const;
type TRow = Prisma.AccountGetPayload<{ select: typeof SELECT }>;


/** Whole days since signup, floor((now − signup) / 86 400 000 ms) (spec "Inputs"). */
export const daysSince = (signupAt: Date, now: Date) => Math.floor((now.getTime() - signupAt.getTime()) / DAY_MS);

function toCandidate(r: TRow, now: Date): TNudgeCandidate {
  // A new object with the spec's keys only, in the spec's order: unknown keys cannot leak.
  return {
    organization_id: r.id,
    tier: isTier(r.tier) ? r.tier : "free",
    days_since_signup: Math.max(0, daysSince(r.signupAt, now)),
    milestone_flags: {
      welcomed: r.welcomed,
      screen_paired: r.screenPaired,
      content_uploaded: r.contentUploaded,
      playlist_created: r.playlistCreated,
      schedule_created: r.scheduleCreated,
    },
    nudges_sent: { day1: r.nudgeDay1SentAt !== null, day3: r.nudgeDay3SentAt !== null, day7: r.nudgeDay7SentAt !== null },
  };
}

export type TCandidateCursor = { signupAt: Date; id: string };
export type TCandidateQuery = { lookbackDays?: number; limit?: number; now: Date };

/**
 * One page of onboarding candidates: accounts that signed up in the last `lookbackDays` days
 * (now − lookback < signup ≤ now, so days_since_signup is 0 … lookback − 1) and whose onboarding is
 * not complete; newest signup first. `total` counts every candidate, not just this page; page and
 * count are read in one snapshot. `next` continues after this page (keyset, stable under new signups).
 * Callers validate the ranges (the MCP tool: lookback 1..90, limit 1..500).
 */
export async function pageOnboardingCandidates(
  q: TCandidateQuery & { after?: TCandidateCursor },
): Promise<TCandidatesDocument & { next: TCandidateCursor | null }> {
  const { lookbackDays = 30, limit = 200, now, after } = q;
  const where: Prisma.AccountWhereInput = {
    signupAt: { gt: subWholeDays(now, lookbackDays), lte: now },
    onboardingCompletedAt: null,
  };
  const page: Prisma.AccountWhereInput = after
    ? { AND: [where, { OR: [{ signupAt: { lt: after.signupAt } }, { signupAt: after.signupAt, id: { gt: after.id } }] }] }
    : where;
  const [rows, total] = await prisma().$transaction([
    prisma().account.findMany({ where: page, select: SELECT, orderBy: [{ signupAt: "desc" }, { id: "asc" }], take: limit }),
    prisma().account.count({ where }),
  ]);
  const last = rows.at(-1);
  return {
    candidates: rows.map((r) => toCandidate(r, now)),
    total,
    next: rows.length === limit && last ? { signupAt: last.signupAt, id: last.id } : null,
  };
}

/**
 * `list_onboarding_candidates` exactly as it goes on the wire: `{ candidates, total }`, each candidate
 * holding only the spec's signals (organization_id is the account id; never names, emails or billing).
 */
export async function listOnboardingCandidates(q: TCandidateQuery): Promise<TCandidatesDocument> {
  const { candidates, total } = await pageOnboardingCandidates(q);
  return { candidates, total };
}

/**
 * Accounts past the onboarding window (≥ 30 days since signup) whose onboarding is still open and
 * that have no live or rejected auto-complete proposal: the tick proposes to close them. They are
 * not candidates (the candidate lookback ends before day 30). Most recent signup first, at most
 * `limit`; `total` counts them all, so the caller can report what its cap held back.
 */
export async function listAutoCompleteDue(o: { now: Date; limit: number }): Promise<{
  due: { accountId: string; days: number }[];
  total: number;
}> {
  const cutoff = subWholeDays(o.now, AUTO_COMPLETE_AFTER_DAYS);
  const rows = await prisma().$queryRaw<{ id: string; signup_at: Date; total: bigint }[]>`
    WITH due AS (
      SELECT a.id, a.signup_at FROM accounts a
      WHERE a.onboarding_completed_at IS NULL AND a.signup_at <= ${cutoff}
        AND NOT EXISTS (
          SELECT 1 FROM proposals p
          WHERE p.account_id = a.id AND p.kind = 'auto_complete'
            AND p.state IN ('pending', 'approved', 'dispatched', 'delivered', 'rejected'))
    )
    SELECT d.id::text AS id, d.signup_at, (SELECT count(*) FROM due) AS total
    FROM due d ORDER BY d.signup_at DESC, d.id LIMIT ${Math.max(1, o.limit)}`;
  return {
    due: rows.slice(0, Math.max(0, o.limit)).map((r) => ({ accountId: r.id, days: daysSince(new Date(r.signup_at), o.now) })),
    total: Number(rows[0]?.total ?? 0),
  };
}
