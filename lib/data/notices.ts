import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "../db";
import type { TNotice, TNoticeCode, TNoticeParams } from "../domain/notices/types";
import { isNoticeCode } from "../domain/notices/types";
import type { Tx } from "./tx";

/** In-app notices (table `notices`): written in the change's transaction, read by the shell and /notices. */

/**
 * One unread notice for each active founder except `exceptUserId` (nobody is told about their own
 * act). Returns how many were written.
 */
export async function notifyFounders(
  tx: Tx,
  n: { code: TNoticeCode; params: TNoticeParams; href: string | null; exceptUserId: string | null; now: Date },
): Promise<number> {
  const founders = await tx.user.findMany({
    where: { role: "founder", active: true, ...(n.exceptUserId ? { id: { not: n.exceptUserId } } : {}) },
    select: { id: true },
  });
  if (founders.length === 0) return 0;
  await tx.notice.createMany({
    data: founders.map((f) => ({
      id: randomUUID(),
      userId: f.id,
      code: n.code,
      params: n.params,
      href: n.href,
      createdAt: n.now,
    })),
  });
  return founders.length;
}

export const NOTICES_SHOWN = 50;

/** The person's newest notices, unread ones first. Unknown codes (from a newer version) are left out. */
export async function listNotices(userId: string, limit = NOTICES_SHOWN): Promise<TNotice[]> {
  const rows = await prisma().notice.findMany({
    where: { userId },
    orderBy: [{ readAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "asc" }],
    take: limit,
    select: { id: true, code: true, params: true, href: true, createdAt: true, readAt: true },
  });
  return rows.flatMap((r) =>
    isNoticeCode(r.code) ? [{ ...r, code: r.code, params: (r.params ?? {}) as TNoticeParams }] : [],
  );
}

export async function countUnreadNotices(userId: string): Promise<number> {
  return prisma().notice.count({ where: { userId, readAt: null } });
}

/** Marks the given notices (or all, when `ids` is null) of this person read; returns how many changed. */
export async function markNoticesRead(tx: Tx, userId: string, ids: string[] | null, now: Date): Promise<number> {
  const r = await tx.notice.updateMany({
    where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: now },
  });
  return r.count;
}
