import "server-only";
import { prisma } from "../db";
import { isRole } from "../domain/auth/permissions";
import type { TUser } from "../domain/users/schemas";
import { AppError } from "../errors";
import type { Tx } from "./tx";

const USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  locale: true,
  timeZone: true,
  active: true,
  createdAt: true,
} as const;

type TUserRow = {
  id: string;
  email: string;
  name: string;
  role: string;
  locale: string | null;
  timeZone: string | null;
  active: boolean;
  createdAt: Date;
};

function toUser(row: TUserRow): TUser {
  if (!isRole(row.role)) throw new Error(`user ${row.id} has unknown role`);
  const locale = row.locale === "ar" || row.locale === "en" ? row.locale : null;
  return { ...row, role: row.role, locale };
}

/** Only sign-in reads the password hash; the session version goes into the new session. */
export async function findUserForSignIn(
  email: string,
): Promise<(TUser & { passwordHash: string; sessionVersion: number }) | null> {
  const row = await prisma().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { ...USER_SELECT, passwordHash: true, sessionVersion: true },
  });
  return row ? { ...toUser(row), passwordHash: row.passwordHash, sessionVersion: row.sessionVersion } : null;
}

/**
 * Read on every request, so a role change or a disabled account takes effect at once. With `session`
 * (what the session cookie was issued with) the user is returned only while that is still the user's
 * current version (disable/enable and role changes end older sessions) and the session has not signed
 * out. The two reads run side by side.
 */
export async function findActiveUser(id: string, session?: { version: number; sid: string }): Promise<TUser | null> {
  const [row, ended] = await Promise.all([
    prisma().user.findUnique({ where: { id }, select: { ...USER_SELECT, sessionVersion: true } }),
    session ? prisma().endedSession.findUnique({ where: { sid: session.sid }, select: { sid: true } }) : null,
  ]);
  if (!row || !row.active || ended) return null;
  if (session && row.sessionVersion !== session.version) return null;
  const { sessionVersion: _, ...user } = row;
  return toUser(user);
}

/**
 * Sign-out: ends this one session (its id is refused from now on), and forgets sessions ended longer
 * ago than any cookie lives. False when the session had already ended.
 */
export async function endSessionById(userId: string, sid: string, now: Date, lifetimeMs: number): Promise<boolean> {
  const c = prisma();
  await c.endedSession.deleteMany({ where: { endedAt: { lt: new Date(now.getTime() - lifetimeMs) } } });
  const r = await c.endedSession.createMany({ data: [{ sid, userId, endedAt: now }], skipDuplicates: true });
  return r.count > 0;
}

export async function listUsers(): Promise<TUser[]> {
  const rows = await prisma().user.findMany({ select: USER_SELECT, orderBy: [{ active: "desc" }, { name: "asc" }] });
  return rows.map(toUser);
}

export async function listCsms(): Promise<Pick<TUser, "id" | "name">[]> {
  return prisma().user.findMany({
    where: { role: { in: ["csm", "founder"] }, accounts: { some: {} } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

export async function createUser(
  tx: Tx,
  input: { email: string; name: string; role: string; passwordHash: string; locale?: string | null },
): Promise<TUser> {
  const exists = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (exists) throw new AppError("conflict", { email: "validation.email_taken" });
  return toUser(await tx.user.create({ data: input, select: USER_SELECT }));
}

export async function updateUser(
  tx: Tx,
  id: string,
  data: { role?: string; active?: boolean; locale?: string; timeZone?: string },
): Promise<{ before: TUser; after: TUser }> {
  const before = await tx.user.findUnique({ where: { id }, select: USER_SELECT });
  if (!before) throw new AppError("not_found");
  // A new role or a disable/enable ends the user's sessions: re-enabling must not revive old cookies.
  const ends = (data.role !== undefined && data.role !== before.role) || (data.active !== undefined && data.active !== before.active);
  const after = await tx.user.update({
    where: { id },
    data: { ...data, ...(ends ? { sessionVersion: { increment: 1 } } : {}) },
    select: USER_SELECT,
  });
  return { before: toUser(before), after: toUser(after) };
}

export async function findUserByEmail(tx: Tx, email: string): Promise<TUser | null> {
  const row = await tx.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: USER_SELECT });
  return row ? toUser(row) : null;
}

/** Founders left active if `exceptId` were demoted or disabled: guards against locking everyone out. */
export function countOtherActiveFounders(tx: Tx, exceptId: string): Promise<number> {
  return tx.user.count({ where: { role: "founder", active: true, id: { not: exceptId } } });
}

/** Role and active flag of a user, read in the caller's transaction; null when there is no such user. */
export function findUserStanding(tx: Tx, id: string): Promise<{ role: string; active: boolean } | null> {
  return tx.user.findUnique({ where: { id }, select: { role: true, active: true } });
}
