import "server-only";
import { prisma } from "../db";
import { attemptDelayMs, type TAttemptRule } from "../domain/auth/sign-in-limits";

/**
 * Shared counters in `rate_counters`, one row per (kind, key). Every change is one
 * INSERT … ON CONFLICT DO UPDATE … RETURNING: PostgreSQL locks the row for the statement, so a
 * parallel burst is counted one by one and every console process on the database sees the same
 * count. They run on the root client, outside any request transaction: a refused or failed request
 * must still have counted.
 */
type Db = { $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T> };

const ms = (p: string) => `(${p}::double precision * interval '1 millisecond')`;

// $1 kind, $2 key, $3 now, $4 limit, $5 quiet ms, $6 max delay ms. Same rule as admitAttempt().
const quiet = `c.last_at <= $3::timestamptz - ${ms("$5")}`;
const ready = `$3::timestamptz >= c.last_at + CASE WHEN c.count < $4 THEN interval '0' ELSE ${ms("LEAST(power(2, LEAST(c.count - $4, 30)) * 1000, $6)")} END`;
const ADMIT_SQL = `
INSERT INTO rate_counters AS c (kind, key, window_start, count, last_at, granted)
VALUES ($1, $2, $3::timestamptz, 1, $3::timestamptz, true)
ON CONFLICT (kind, key) DO UPDATE SET
  window_start = CASE WHEN ${quiet} THEN $3::timestamptz ELSE c.window_start END,
  count = CASE WHEN ${quiet} THEN 1 WHEN ${ready} THEN c.count + 1 ELSE c.count END,
  granted = (${quiet}) OR (${ready}),
  last_at = CASE WHEN (${quiet}) OR (${ready}) THEN $3::timestamptz ELSE c.last_at END
RETURNING count, granted, last_at AS "lastAt"`;

/**
 * Counts one attempt under `rule` if it is admitted now (see lib/domain/auth/sign-in-limits.ts);
 * a refused attempt changes nothing and says how long to wait.
 */
export async function admitCounted(
  kind: string,
  key: string,
  rule: TAttemptRule,
  now: Date,
  db: Db = prisma(),
): Promise<{ admitted: boolean; retryAfterMs: number }> {
  const [row] = await db.$queryRawUnsafe<{ count: number; granted: boolean; lastAt: Date }[]>(
    ADMIT_SQL,
    kind,
    key,
    now,
    rule.limit,
    rule.quietMs,
    rule.maxDelayMs,
  );
  if (!row || row.granted) return { admitted: true, retryAfterMs: 0 };
  const readyAt = new Date(row.lastAt).getTime() + attemptDelayMs(Number(row.count), rule);
  return { admitted: false, retryAfterMs: Math.max(1, readyAt - now.getTime()) };
}

// $1 kind, $2 key, $3 now, $4 limit, $5 window ms, $6 units taken.
const expired = `c.window_start <= $3::timestamptz - ${ms("$5")}`;
const TAKE_SQL = `
INSERT INTO rate_counters AS c (kind, key, window_start, count, last_at, granted)
VALUES ($1, $2, $3::timestamptz, CASE WHEN $6::int <= $4::int THEN $6::int ELSE 0 END, $3::timestamptz, $6::int <= $4::int)
ON CONFLICT (kind, key) DO UPDATE SET
  window_start = CASE WHEN ${expired} THEN $3::timestamptz ELSE c.window_start END,
  count = CASE WHEN ${expired} THEN (CASE WHEN $6::int <= $4::int THEN $6::int ELSE 0 END)
               WHEN c.count + $6::int <= $4::int THEN c.count + $6::int ELSE c.count END,
  granted = CASE WHEN ${expired} THEN $6::int <= $4::int ELSE c.count + $6::int <= $4::int END,
  last_at = $3::timestamptz
RETURNING granted, window_start AS "windowStart"`;

export type TTake = { allowed: true } | { allowed: false; retryAfterS: number };

/**
 * Takes `units` from a fixed window of `limit` per `windowMs` for `key`. Refused units are not
 * counted, so a client that honours Retry-After gets in when the window turns.
 */
export async function takeUnits(
  kind: string,
  key: string,
  limit: { limit: number; windowMs: number },
  now: Date,
  units = 1,
  db: Db = prisma(),
): Promise<TTake> {
  const [row] = await db.$queryRawUnsafe<{ granted: boolean; windowStart: Date }[]>(
    TAKE_SQL,
    kind,
    key,
    now,
    limit.limit,
    limit.windowMs,
    units,
  );
  if (!row || row.granted) return { allowed: true };
  const left = new Date(row.windowStart).getTime() + limit.windowMs - now.getTime();
  return { allowed: false, retryAfterS: Math.max(1, Math.ceil(left / 1000)) };
}

/** Whether the window for `key` is already full, without taking anything (for an early 429). */
export async function windowFull(
  kind: string,
  key: string,
  limit: { limit: number; windowMs: number },
  now: Date,
): Promise<TTake> {
  const row = await prisma().rateCounter.findUnique({
    where: { kind_key: { kind, key } },
    select: { count: true, windowStart: true },
  });
  const left = row ? row.windowStart.getTime() + limit.windowMs - now.getTime() : 0;
  if (!row || left <= 0 || row.count < limit.limit) return { allowed: true };
  return { allowed: false, retryAfterS: Math.max(1, Math.ceil(left / 1000)) };
}

export async function clearCounter(kind: string, key: string): Promise<void> {
  await prisma().rateCounter.deleteMany({ where: { kind, key } });
}

/** Gives back one counted attempt (a sign-in that succeeded is not held against its account or address). */
export async function releaseCounted(kind: string, key: string): Promise<void> {
  await prisma().rateCounter.updateMany({ where: { kind, key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

// $1 kind, $2 key, $3 now, $4 interval ms. `count` holds how many events the granted entry sums up.
const SLOT_SQL = `
INSERT INTO rate_counters AS c (kind, key, window_start, count, last_at, granted, suppressed)
VALUES ($1, $2, $3::timestamptz, 0, $3::timestamptz, true, 0)
ON CONFLICT (kind, key) DO UPDATE SET
  granted = c.window_start <= $3::timestamptz - ${ms("$4")},
  count = CASE WHEN c.window_start <= $3::timestamptz - ${ms("$4")} THEN c.suppressed ELSE c.count END,
  suppressed = CASE WHEN c.window_start <= $3::timestamptz - ${ms("$4")} THEN 0 ELSE c.suppressed + 1 END,
  window_start = CASE WHEN c.window_start <= $3::timestamptz - ${ms("$4")} THEN $3::timestamptz ELSE c.window_start END,
  last_at = $3::timestamptz
RETURNING granted, count`;

/**
 * At most one event per `intervalMs` for `key` may be written (to the ledger); the others are counted,
 * and the next written one carries how many it stands for (`folded`).
 */
export async function claimSlot(
  kind: string,
  key: string,
  intervalMs: number,
  now: Date,
): Promise<{ write: boolean; folded: number }> {
  const [row] = await prisma().$queryRawUnsafe<{ granted: boolean; count: number }[]>(
    SLOT_SQL,
    kind,
    key,
    now,
    intervalMs,
  );
  return { write: !row || row.granted, folded: row?.granted ? Number(row.count) : 0 };
}

const holder = globalThis as typeof globalThis & { __lifecycleCountersPrunedAt?: number };
const PRUNE_EVERY_MS = 60_000;
// Longer than every window and delay above (15 min quiet, 5 min delay, 1 min token window).
const KEEP_MS = 60 * 60_000;

/** Deletes counters untouched for an hour; runs at most once a minute per process. */
export async function pruneCounters(now: Date): Promise<number> {
  const last = holder.__lifecycleCountersPrunedAt ?? 0;
  if (now.getTime() - last < PRUNE_EVERY_MS) return 0;
  holder.__lifecycleCountersPrunedAt = now.getTime();
  const r = await prisma().rateCounter.deleteMany({ where: { lastAt: { lt: new Date(now.getTime() - KEEP_MS) } } });
  return r.count;
}
