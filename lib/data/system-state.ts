import "server-only";
import { prisma } from "../db";
import type { Tx } from "./tx";
import type { TFreeze } from "../domain/dispatch/types";
export type { TFreeze };


export async function getFreeze(client: Pick<Tx, "systemState"> = prisma()): Promise<TFreeze> {
  const row = await client.systemState.findUnique({ where: { id: 1 } });
  return { frozen: row?.frozen ?? false, reason: row?.frozenReason ?? null, at: row?.frozenAt ?? null, by: row?.frozenBy ?? null };
}

/** Returns the state before the change, for the ledger's before/after summary. */
export async function setFreeze(tx: Tx, frozen: boolean, reason: string, by: string, now: Date): Promise<TFreeze> {
  const before = await getFreeze(tx);
  await tx.systemState.update({
    where: { id: 1 },
    data: frozen ? { frozen, frozenReason: reason, frozenAt: now, frozenBy: by } : { frozen, frozenReason: null, frozenAt: null, frozenBy: null },
  });
  return before;
}

/**
 * The freeze flag under a share lock, for a claim that must obey it: a freeze committing now waits
 * for the caller's transaction, and every claim after it sees the freeze.
 */
export async function isFrozenForShare(tx: Tx): Promise<boolean> {
  const [state] = await tx.$queryRaw<{ frozen: boolean }[]>`SELECT frozen FROM system_state WHERE id = 1 FOR SHARE`;
  return state?.frozen ?? false;
}
