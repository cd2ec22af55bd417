import "server-only";
import { prisma } from "../db";
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
  rendered: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  accountName: string | null;
  payload: unknown;
};

/** Queues the approved payload for dispatch, in the approval's own transaction. */
export async function enqueueOutbox(tx: Tx, p: { proposalId: string; channel: string; payload: string; payloadHash: string }): Promise<string> {
  const row = await tx.outbox.create({ data: { proposalId: p.proposalId, channel: p.channel, payload: p.payload, payloadHash: p.payloadHash }, select: { id: true } });
  return row.id;
}

export async function listOutbox(f: { state?: string; limit: number }): Promise<TOutboxItem[]> {
  const rows = await prisma().outbox.findMany({
    where: f.state ? { state: f.state } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: f.limit,
    select: {
      id: true,
      proposalId: true,
      channel: true,
      state: true,
      attempts: true,
      nextAttemptAt: true,
      lastError: true,
      transport: true,
      rendered: true,
      createdAt: true,
      finishedAt: true,
      payload: true,
      proposal: { select: { account: { select: { name: true } } } },
    },
  });
  return rows.map(({ proposal, payload, ...r }) => ({ ...r, payload: JSON.parse(payload) as unknown, accountName: proposal.account?.name ?? null }));
}
