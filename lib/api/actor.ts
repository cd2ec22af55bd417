import "server-only";
import { currentActor } from "../auth/session";
import { resolveBearer } from "../data/tokens";
import type { TActor } from "../domain/auth/actor";

export type TApiAuth = { actor: TActor; via: "token"; tokenId: string } | { actor: TActor; via: "session" };

// next-auth's JWT cookie, plain or `__Secure-` prefixed, possibly split into `.0`, `.1` chunks.
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

/**
 * Who is calling: a bearer token when an Authorization header is sent (and then only the token: a bad
 * one is refused, never retried with the cookie), else the next-auth session cookie. Null means 401.
 */
export async function authenticate(request: Request): Promise<TApiAuth | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const m = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
    const bearer = m?.[1] ? await resolveBearer(m[1]) : null;
    return bearer ? { ...bearer, via: "token" } : null;
  }
  if (!SESSION_COOKIE.test(request.headers.get("cookie") ?? "")) return null;
  const actor = await currentActor();
  return actor ? { actor, via: "session" } : null;
}
