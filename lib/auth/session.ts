import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { cache } from "react";
import { recordLedger } from "../data/ledger";
import { findActiveUser } from "../data/users";
import type { TActor } from "../domain/auth/actor";
import { can, type TPermission } from "../domain/auth/permissions";
import type { TUser } from "../domain/users/schemas";
import { SESSION_MAX_AGE_S, authOptions } from "./options";

/**
 * The signed-in, active user for this request, or null. Reads the database every request (cached
 * within it): disabling a user or changing a role applies at once. Sessions end 12 h after sign-in
 * however active they are.
 */
export const currentUser = cache(async (): Promise<TUser | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: string; signedInAt?: number } | null;
  if (!session?.uid || !session.signedInAt) return null;
  if (Date.now() - session.signedInAt > SESSION_MAX_AGE_S * 1000) return null;
  return findActiveUser(session.uid);
});

export const requestId = async (): Promise<string | null> => (await headers()).get("x-request-id");

export function actorOf(user: TUser): TActor {
  return {
    type: "user",
    id: user.id,
    role: user.role,
    label: user.email,
    locale: user.locale ?? undefined,
    timeZone: user.timeZone ?? undefined,
  };
}

export async function currentActor(): Promise<TActor | null> {
  const user = await currentUser();
  return user ? actorOf(user) : null;
}

/**
 * For pages: redirects to sign-in when signed out; renders the 403 page (and ledgers the attempt)
 * when the role lacks `permission`.
 */
export async function requirePage(permission: TPermission, path: string): Promise<TUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  if (!can(user.role, permission)) {
    await recordLedger({
      actorType: "user",
      actorId: user.id,
      actorRole: user.role,
      action: "access.denied",
      target: path,
      summary: `page needs ${permission}`,
      requestId: await requestId(),
      payloadHash: null,
    });
    forbidden();
  }
  return user;
}
