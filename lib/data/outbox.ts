import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "./tx";

export type TOutboxItem = {
  id: string;
  proposalId: string;
  channel: string;
  state: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  transport: string | null;
  transportRef: string | null;
  rendered: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  accountName: string | null;
  /** Its proposal's state (with the row's own state and the freeze: lib/domain/proposals/display-state.ts). */
  proposalState: string;
  payload: unknown;
};

/** Queues the approved payload for dispatch, in the approval's own transaction. */
export async function enqueueOutbox(
  tx: Tx,
  p: { proposalId: string; channel: string; payload: string; payloadHash: string },
): Promise<string> {
  const row = await tx.outbox.create({
    data: { proposalId: p.proposalId, channel: p.channel, payload: p.payload, payloadHash: p.payloadHash },
    select: { id: true },
  });
  return row.id;
}

const ITEM_SELECT = {
  id: true,
  proposalId: true,
  channel: true,
  state: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  transport: true,
  transportRef: true,
  rendered: true,
  createdAt: true,
  finishedAt: true,
  payload: true,
  proposal: { select: { state: true, account: { select: { name: true } } } },
} as const;
type TItemRow = Prisma.OutboxGetPayload<{ select: typeof ITEM_SELECT }>;

const toItem = ({ proposal, payload, ...r }: TItemRow): TOutboxItem => ({
  ...r,
  payload: JSON.parse(payload) as unknown,
  accountName: proposal.account?.name ?? null,
  proposalState: proposal.state,
});

export async function listOutbox(f: { state?: string; limit: number }): Promise<TOutboxItem[]> {
  const rows = await prisma().outbox.findMany({
    where: f.state ? { state: f.state } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: f.limit,
    select: ITEM_SELECT,
  });
  return rows.map(toItem);
}

export async function getOutboxItem(id: string, client: Pick<Tx, "outbox"> = prisma()): Promise<TOutboxItem | null> {
  const row = await client.outbox.findUnique({ where: { id }, select: ITEM_SELECT });
  return row ? toItem(row) : null;
}

// ---- Dispatcher side: claim, then mark. Every mark is guarded by `state = 'sending'`, so a result
// arriving after its lease was given up changes nothing.

export type TClaimed = {
  id: string;
  proposalId: string;
  payload: string;
  payloadHash: string;
  attempts: number;
  approvedPayloadHash: string | null;
};

const onlyIdsSql = (column: Prisma.Sql, ids: readonly string[] | undefined) =>
  ids ? Prisma.sql`AND ${column} IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})` : Prisma.empty;

/**
 * Claims up to `limit` due queued rows (`FOR UPDATE SKIP LOCKED`: concurrent dispatchers never take
 * the same row), marks them `sending` with a lease and one more attempt, and moves their proposals
 * approved → dispatched. Returns them with the hash their approver saw.
 */
export async function claimDue(
  tx: Tx,
  c: { now: Date; leaseUntil: Date; transport: string; limit: number; onlyIds?: readonly string[] },
): Promise<TClaimed[]> {
  if (c.onlyIds?.length === 0) return [];
  return tx.$queryRaw<TClaimed[]>`
    WITH due AS (
      SELECT o.id FROM outbox o
      WHERE o.state = 'queued' AND o.next_attempt_at <= ${c.now} ${onlyIdsSql(Prisma.sql`o.id`, c.onlyIds)}
      ORDER BY o.next_attempt_at, o.created_at
      LIMIT ${c.limit}
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE outbox o SET state = 'sending', attempts = o.attempts + 1, lease_until = ${c.leaseUntil}, transport = ${c.transport}
      FROM due WHERE o.id = due.id
      RETURNING o.id, o.proposal_id, o.payload, o.payload_hash, o.attempts
    ), dispatched AS (
      UPDATE proposals p SET state = 'dispatched', updated_at = ${c.now}
      FROM claimed WHERE p.id = claimed.proposal_id AND p.state = 'approved'
      RETURNING p.id
    )
    SELECT claimed.id::text AS "id", claimed.proposal_id::text AS "proposalId", claimed.payload,
           claimed.payload_hash AS "payloadHash", claimed.attempts,
           p.approved_payload_hash AS "approvedPayloadHash"
    FROM claimed JOIN proposals p ON p.id = claimed.proposal_id`;
}

/** sending → sent | previewed, the proposal dispatched → delivered. False when the row was no longer ours. */
export async function markDelivered(
  tx: Tx,
  row: { id: string; proposalId: string },
  r: { state: "sent" | "previewed"; ref: string | null; rendered: string; now: Date },
): Promise<boolean> {
  const n = await tx.$executeRaw`
    UPDATE outbox SET state = ${r.state}, transport_ref = ${r.ref}, rendered = ${r.rendered}, finished_at = ${r.now},
                      lease_until = NULL, last_error = NULL
    WHERE id = ${row.id}::uuid AND state = 'sending'`;
  if (n === 0) return false;
  await tx.$executeRaw`
    UPDATE proposals SET state = 'delivered', updated_at = ${r.now} WHERE id = ${row.proposalId}::uuid AND state = 'dispatched'`;
  return true;
}

/** sending → queued again, due at `nextAttemptAt`, with the error kept for the outbox page. */
export async function markRetry(tx: Tx, id: string, r: { error: string; nextAttemptAt: Date }): Promise<boolean> {
  const n = await tx.$executeRaw`
    UPDATE outbox SET state = 'queued', next_attempt_at = ${r.nextAttemptAt}, lease_until = NULL, last_error = ${r.error}
    WHERE id = ${id}::uuid AND state = 'sending'`;
  return n > 0;
}

/** sending → failed with its error, the proposal dispatched → failed (a founder may re-queue it). */
export async function markFailed(
  tx: Tx,
  row: { id: string; proposalId: string },
  r: { error: string; now: Date; rendered?: string | null },
): Promise<boolean> {
  const n = await tx.$executeRaw`
    UPDATE outbox SET state = 'failed', last_error = ${r.error}, finished_at = ${r.now}, lease_until = NULL,
                      rendered = COALESCE(${r.rendered ?? null}, rendered)
    WHERE id = ${row.id}::uuid AND state = 'sending'`;
  if (n === 0) return false;
  await failProposal(tx, row.proposalId, r.now);
  return true;
}

const failProposal = (tx: Tx, proposalId: string, now: Date) =>
  tx.$executeRaw`UPDATE proposals SET state = 'failed', updated_at = ${now} WHERE id = ${proposalId}::uuid AND state = 'dispatched'`;

/**
 * Rows still `sending` after their lease: the dispatcher died between handing the message over and
 * recording the result. They are failed, never re-sent, because the transport may have delivered.
 */
export async function failExpiredLeases(
  tx: Tx,
  c: { now: Date; error: string; onlyIds?: readonly string[] },
): Promise<{ id: string; proposalId: string; transport: string | null; payloadHash: string }[]> {
  if (c.onlyIds?.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string; proposalId: string; transport: string | null; payloadHash: string }[]>`
    UPDATE outbox SET state = 'failed', last_error = ${c.error}, finished_at = ${c.now}, lease_until = NULL
    WHERE id IN (
      SELECT id FROM outbox
      WHERE state = 'sending' AND lease_until <= ${c.now} ${onlyIdsSql(Prisma.sql`id`, c.onlyIds)}
      FOR UPDATE SKIP LOCKED)
    RETURNING id::text AS "id", proposal_id::text AS "proposalId", transport, payload_hash AS "payloadHash"`;
  for (const r of rows) await failProposal(tx, r.proposalId, c.now);
  return rows;
}
