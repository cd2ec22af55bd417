import "server-only";
import { prisma } from "../db";
import type { Tx } from "./tx";

export type TStoredResponse = { status: number; body: string };

export type TClaim =
  | { state: "claimed" }
  | { state: "mismatch" }
  | { state: "done"; response: TStoredResponse }
  | { state: "running" };

// Keys are kept a day (Stripe's practice): long enough for any client retry loop.
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const PURGE_EVERY_MS = 3_600_000;

const holder = globalThis as typeof globalThis & { __lifecycleIdemPurgedAt?: number };

/**
 * Claims (actor, key) inside the request's transaction `tx`, which will also hold the effect and the
 * stored response: the key row commits with them or not at all, so a crash at any point leaves
 * either nothing (a retry runs afresh) or the effect with its response (a retry replays it).
 *
 * A transaction-scoped advisory lock on the pair marks "in progress": a concurrent duplicate gets
 * `running` at once instead of waiting on the row with a connection held, and the lock goes away
 * with the transaction, also when its process dies. The primary key is the final arbiter: of two
 * inserts of one key only one commits.
 */
export async function claimIdempotencyKey(
  tx: Tx,
  actorId: string,
  key: string,
  requestHash: string,
  now = new Date(),
): Promise<TClaim> {
  const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
    SELECT pg_try_advisory_xact_lock(hashtextextended(${actorId} || E'\n' || ${key}, 0)) AS locked`;
  if (!lock?.locked) return { state: "running" };
  const inserted = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO idempotency_keys (actor_id, key, request_hash, created_at)
    VALUES (${actorId}, ${key}, ${requestHash}, ${now})
    ON CONFLICT (actor_id, key) DO NOTHING
    RETURNING key`;
  if (inserted.length > 0) return { state: "claimed" };
  const [row] = await tx.$queryRaw<{ request_hash: string; status: number | null; response: string | null }[]>`
    SELECT request_hash, status, response FROM idempotency_keys WHERE actor_id = ${actorId} AND key = ${key}`;
  if (!row) return { state: "running" }; // purged in between: the caller tries again
  if (row.request_hash !== requestHash) return { state: "mismatch" };
  if (row.status !== null) return { state: "done", response: { status: row.status, body: row.response ?? "" } };
  // A row without a response was claimed outside a request transaction (before this scheme) by a
  // request that never finished; under the lock nobody else runs it, so this one does.
  await tx.$executeRaw`UPDATE idempotency_keys SET created_at = ${now} WHERE actor_id = ${actorId} AND key = ${key}`;
  return { state: "claimed" };
}

/** Stores the response in the same transaction as the claim and the effect. */
export async function storeIdempotentResponse(
  tx: Tx,
  actorId: string,
  key: string,
  response: TStoredResponse,
): Promise<void> {
  await tx.$executeRaw`
    UPDATE idempotency_keys SET status = ${response.status}, response = ${response.body}
    WHERE actor_id = ${actorId} AND key = ${key}`;
}

/** Deletes keys older than the TTL; returns how many. */
export async function purgeIdempotencyKeys(before: Date): Promise<number> {
  return prisma().$executeRaw`DELETE FROM idempotency_keys WHERE created_at < ${before}`;
}

/** At most hourly per process, outside any request transaction. */
export async function purgeExpiredIdempotencyKeys(now: Date): Promise<void> {
  const last = holder.__lifecycleIdemPurgedAt;
  if (last !== undefined && now.getTime() - last < PURGE_EVERY_MS) return;
  holder.__lifecycleIdemPurgedAt = now.getTime();
  await purgeIdempotencyKeys(new Date(now.getTime() - IDEMPOTENCY_TTL_MS)).catch(() => undefined);
}
