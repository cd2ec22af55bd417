import "server-only";
import { findActiveUser } from "../data/users";
import type { TUser } from "../domain/users/schemas";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** What the session cookie says: user id, sign-in time (ms) and the session version at sign-in. */
export type TSessionClaims = { uid?: string; signedInAt?: number; sv?: number };

/**
 * The user a session cookie stands for, or null. Refused: no version (a cookie from before versions
 * existed), older than 12 h, a disabled user, or a version the user has moved past (sign-out,
 * disable/enable, role change). Every place that accepts the cookie goes through here.
 */
export async function userForSession(claims: TSessionClaims | null, now = Date.now()): Promise<TUser | null> {
  if (!claims?.uid || !claims.signedInAt || typeof claims.sv !== "number") return null;
  if (now - claims.signedInAt > SESSION_MAX_AGE_S * 1000) return null;
  return findActiveUser(claims.uid, claims.sv);
}
