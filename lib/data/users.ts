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
 * Read on every request, so a role change or a disabled account takes effect at once. With
 * `sessionVersion` (what the session cookie was issued with) the user is returned only while that is
 * still the user's current version: sign-out, disable/enable and role changes end older sessions.
 */
export async function findActiveUser(id: string, sessionVersion?: number): Promise<TUser | null> {
  const row = await prisma().user.findUnique({ where: { id }, select: { ...USER_SELECT, sessionVersion: true } });
  if (!row || !row.active) return null;
  if (sessionVersion !== undefined && row.sessionVersion !== sessionVersion) return null;
  const { sessionVersion: _, ...user } = row;
  return toUser(user);
}

/**
 * Ends every session of the user. With `expected`, only when that is still the current version, so a
 * cookie that is already dead cannot sign its owner out again. True when the version moved.
 */
export async function bumpSessionVersion(id: string, expected?: number): Promise<boolean> {
  const r = await prisma().user.updateMany({
    where: { id, ...(expected !== undefined ? { sessionVersion: expected } : {}) },
    data: { sessionVersion: { increment: 1 } },
  });
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
