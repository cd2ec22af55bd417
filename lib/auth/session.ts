import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { cache } from "react";
import { recordLedger } from "../data/ledger";
import { ledgerEntry } from "../domain/ledger/entry";
import type { TActor } from "../domain/auth/actor";
import { can, type TPermission } from "../domain/auth/permissions";
import type { TUser } from "../domain/users/schemas";
import { REQUEST_ID } from "../domain/auth/request-id";
import { authOptions } from "./options";
import { userForSession, type TSessionClaims } from "./session-user";

/**
 * The signed-in, active user for this request, or null. Reads the database every request (cached
 * within it): disabling a user, changing a role or signing out applies at once (see userForSession).
 */
export const currentUser = cache(async (): Promise<TUser | null> => {
  return userForSession((await getServerSession(authOptions)) as TSessionClaims | null);
});

/** proxy.ts has already replaced a missing or unsafe client id; checked again for direct calls. */
export const requestId = async (): Promise<string | null> => {
  const sent = (await headers()).get("x-request-id");
  return sent && REQUEST_ID.test(sent) ? sent : null;
};

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
    await recordLedger(
      ledgerEntry(
        { actorType: "user", actorId: user.id, actorRole: user.role },
        { action: "access.denied", target: path, summary: `page needs ${permission}`, requestId: await requestId() },
      ),
    );
    forbidden();
  }
  return user;
}
