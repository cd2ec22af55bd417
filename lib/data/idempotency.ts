import "server-only";
import { prisma } from "../db";

export type TStoredResponse = { status: number; body: string };

export type TClaim =
  { state: "claimed" } | { state: "mismatch" } | { state: "done"; response: TStoredResponse } | { state: "running" };

// Keys are kept a day (Stripe's practice): long enough for any client retry loop.
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
// A claimed key without a response after this long belongs to a request that died (transactions time
// out after 30 s + 10 s wait, lib/data/tx.ts); a retry may then take the key over.
export const IDEMPOTENCY_STALE_MS = 2 * 60_000;
const PURGE_EVERY_MS = 3_600_000;

const holder = globalThis as typeof globalThis & { __lifecycleIdemPurgedAt?: number };

/**
 * Claims (actor, key) for one request. The row is inserted first, in its own statement, so among any
 * number of concurrent requests with the same key exactly one gets `claimed` (the primary key decides);
 * the others see the owner's request hash and, once it is stored, its response.
 */
export async function claimIdempotencyKey(
  actorId: string,
  key: string,
  requestHash: string,
  now = new Date(),
): Promise<TClaim> {
  await purgeExpired(now);
  for (let attempt = 0; attempt < 3; attempt++) {
    const inserted = await prisma().$queryRaw<{ key: string }[]>`
      INSERT INTO idempotency_keys (actor_id, key, request_hash, created_at)
      VALUES (${actorId}, ${key}, ${requestHash}, ${now})
      ON CONFLICT (actor_id, key) DO NOTHING
      RETURNING key`;
    if (inserted.length > 0) return { state: "claimed" };
    const [row] = await prisma().$queryRaw<
      { request_hash: string; status: number | null; response: string | null; created_at: Date }[]
    >`
      SELECT request_hash, status, response, created_at FROM idempotency_keys WHERE actor_id = ${actorId} AND key = ${key}`;
    if (!row) continue; // released by a failed owner in between: try to claim again
    if (row.request_hash !== requestHash) return { state: "mismatch" };
    if (row.status !== null) return { state: "done", response: { status: row.status, body: row.response ?? "" } };
    if (now.getTime() - new Date(row.created_at).getTime() < IDEMPOTENCY_STALE_MS) return { state: "running" };
    // Row-locked and re-checked by the database: of several retries, one takes the key over.
    const taken = await prisma().$queryRaw<{ key: string }[]>`
      UPDATE idempotency_keys SET created_at = ${now}
      WHERE actor_id = ${actorId} AND key = ${key} AND status IS NULL
        AND created_at < ${new Date(now.getTime() - IDEMPOTENCY_STALE_MS)}
      RETURNING key`;
    return taken.length > 0 ? { state: "claimed" } : { state: "running" };
  }
  return { state: "running" };
}

/** Stores the owner's response; from now on the key replays it. */
export async function storeIdempotentResponse(actorId: string, key: string, response: TStoredResponse): Promise<void> {
  await prisma().$executeRaw`
    UPDATE idempotency_keys SET status = ${response.status}, response = ${response.body}
    WHERE actor_id = ${actorId} AND key = ${key}`;
}

/** Gives a claimed key back (the request failed transiently), so a retry can run it. */
export async function releaseIdempotencyKey(actorId: string, key: string): Promise<void> {
  await prisma().$executeRaw`
    DELETE FROM idempotency_keys WHERE actor_id = ${actorId} AND key = ${key} AND status IS NULL`;
}

/** Deletes keys older than the TTL; returns how many. */
export async function purgeIdempotencyKeys(before: Date): Promise<number> {
  return prisma().$executeRaw`DELETE FROM idempotency_keys WHERE created_at < ${before}`;
}

async function purgeExpired(now: Date): Promise<void> {
  const last = holder.__lifecycleIdemPurgedAt;
  if (last !== undefined && now.getTime() - last < PURGE_EVERY_MS) return;
  holder.__lifecycleIdemPurgedAt = now.getTime();
  await purgeIdempotencyKeys(new Date(now.getTime() - IDEMPOTENCY_TTL_MS)).catch(() => undefined);
}
