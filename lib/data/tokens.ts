import "server-only";
import { prisma } from "../db";
import type { TActor } from "../domain/auth/actor";
import { isRole } from "../domain/auth/permissions";
import { hashToken, shouldTouch, tokenKindOf, type TTokenInfo, type TTokenKind } from "../domain/auth/tokens";
import { AppError } from "../errors";
import type { Tx } from "./tx";

const SELECT = {
  id: true,
  name: true,
  kind: true,
  userId: true,
  user: { select: { email: true } },
  scopes: true,
  prefix: true,
  createdBy: true,
  createdByUserId: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

type TRow = {
  id: string;
  name: string;
  kind: string;
  userId: string | null;
  user: { email: string } | null;
  scopes: string[];
  prefix: string;
  createdBy: string;
  createdByUserId: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

function toInfo(r: TRow): TTokenInfo {
  const { user, ...rest } = r;
  return { ...rest, kind: r.kind === "personal" ? "personal" : "agent", userEmail: user?.email ?? null };
}

/** Stores a minted token (hash and display prefix only: the secret never reaches the database). */
export async function insertToken(
  tx: Tx,
  t: {
    name: string;
    kind: TTokenKind;
    userId: string | null;
    scopes: string[];
    hash: string;
    prefix: string;
    createdBy: string;
    createdByUserId: string | null;
  },
): Promise<TTokenInfo> {
  const row = await tx.apiToken.create({
    data: {
      name: t.name,
      kind: t.kind,
      userId: t.userId,
      scopes: t.scopes,
      tokenHash: t.hash,
      prefix: t.prefix,
      createdBy: t.createdBy,
      createdByUserId: t.createdByUserId,
    },
    select: SELECT,
  });
  return toInfo(row);
}

/** Every token, newest first, revoked ones included (they stay as history). */
export async function listTokens(): Promise<TTokenInfo[]> {
  const rows = await prisma().apiToken.findMany({ select: SELECT, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return rows.map(toInfo);
}

/** Revokes at once: the next request with this token gets 401. Revoking twice is a conflict. */
export async function revokeToken(tx: Tx, id: string, now: Date): Promise<TTokenInfo> {
  const row = await tx.apiToken.findUnique({ where: { id }, select: SELECT });
  if (!row) throw new AppError("not_found", undefined, undefined, `token:${id}`);
  if (row.revokedAt) throw new AppError("conflict", { _: "validation.already_revoked" });
  return toInfo(await tx.apiToken.update({ where: { id }, data: { revokedAt: now }, select: SELECT }));
}

// Per-process memory of the last last_used_at write, so a busy token costs one UPDATE a minute.
const touched = new Map<string, number>();

async function touch(id: string, now: Date): Promise<void> {
  if (!shouldTouch(touched.get(id), now.getTime())) return;
  touched.set(id, now.getTime());
  if (touched.size > 10_000) touched.delete(touched.keys().next().value!);
  await prisma()
    .apiToken.update({ where: { id }, data: { lastUsedAt: now }, select: { id: true } })
    .catch(() => undefined); // bookkeeping only: never fail the request over it
}

export type TBearer = { actor: TActor; tokenId: string };

/**
 * The actor a bearer token stands for, or null (malformed, unknown, revoked, or its user disabled).
 * A personal token acts as its user with the role the user has NOW (read from the database on every
 * request); an agent token acts by its scopes only and is an `analyst` for anything role-based.
 */
export async function resolveBearer(secret: string, now = new Date()): Promise<TBearer | null> {
  if (!tokenKindOf(secret)) return null;
  const row = await prisma().apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: {
      id: true,
      name: true,
      kind: true,
      scopes: true,
      revokedAt: true,
      createdByUserId: true,
      user: { select: { id: true, email: true, role: true, active: true, locale: true, timeZone: true } },
    },
  });
  if (!row || row.revokedAt) return null;
  // Who made the token travels with every actor built from it: the ledger records it, and maker ≠
  // checker refuses its creator the approval of anything proposed through it.
  const token = { id: row.id, createdBy: row.createdByUserId };
  let actor: TActor;
  if (row.kind === "personal") {
    const u = row.user;
    if (!u || !u.active || !isRole(u.role)) return null;
    actor = {
      type: "user",
      id: u.id,
      role: u.role,
      label: u.email,
      locale: u.locale === "ar" || u.locale === "en" ? u.locale : undefined,
      timeZone: u.timeZone ?? undefined,
      token,
    };
  } else {
    actor = {
      type: "token",
      id: `token:${row.id}`,
      role: "analyst",
      label: `agent:${row.name}`,
      scopes: row.scopes,
      token,
    };
  }
  await touch(row.id, now);
  return { actor, tokenId: row.id };
}
