import "server-only";
import { findActiveUser } from "../data/users";
import type { TUser } from "../domain/users/schemas";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/**
 * What the session cookie says: user id, sign-in time (ms), the user's session version at sign-in and
 * this session's random id (sign-out ends that id only).
 */
export type TSessionClaims = { uid?: string; signedInAt?: number; sv?: number; sid?: string };

/**
 * The user a session cookie stands for, or null. Refused: no version or session id (a cookie from
 * before they existed), older than 12 h, a disabled user, a version the user has moved past
 * (disable/enable, role change), or a session that signed out. Every place that accepts the cookie
 * goes through here.
 */
export async function userForSession(claims: TSessionClaims | null, now = Date.now()): Promise<TUser | null> {
  if (!claims?.uid || !claims.signedInAt || typeof claims.sv !== "number" || typeof claims.sid !== "string")
    return null;
  if (now - claims.signedInAt > SESSION_MAX_AGE_S * 1000) return null;
  return findActiveUser(claims.uid, { version: claims.sv, sid: claims.sid });
}
