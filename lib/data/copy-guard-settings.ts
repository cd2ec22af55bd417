import "server-only";
import { prisma } from "../db";
import { DEFAULT_LISTS, type TGuardLists } from "../domain/copy-guard/default-lists";
import { readLists } from "../domain/copy-guard/lists";
import type { Tx } from "./tx";

export type TCopyGuardSettings = { lists: TGuardLists; updatedAt: Date | null; updatedBy: string | null };

/** The founders' copy-guard lists; the defaults from the code until someone saves them. */
export async function getCopyGuardSettings(
  client: Pick<Tx, "copyGuardSettings"> = prisma(),
): Promise<TCopyGuardSettings> {
  const row = await client.copyGuardSettings.findUnique({ where: { id: 1 } });
  if (!row) return { lists: DEFAULT_LISTS, updatedAt: null, updatedBy: null };
  // Stored lists that no longer validate (a phrase rule tightened since) fall back to the defaults
  // rather than leaving the guard with nothing to check.
  return { lists: readLists(row.lists) ?? DEFAULT_LISTS, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
}

/** The lists the guard checks drafts against now. */
export const getCopyGuardLists = async (client?: Pick<Tx, "copyGuardSettings">): Promise<TGuardLists> =>
  (await getCopyGuardSettings(client)).lists;

export async function saveCopyGuardLists(tx: Tx, s: { lists: TGuardLists; by: string; now: Date }): Promise<void> {
  const data = { lists: JSON.stringify(s.lists), updatedAt: s.now, updatedBy: s.by };
  await tx.copyGuardSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
}
