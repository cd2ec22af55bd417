import { PEER_HEADER, trustedProxies } from "../auth/peer";
import { ipInList } from "../domain/auth/client-address";

/**
 * CSRF guard for cookie-authenticated mutations through route handlers (server actions have Next's
 * own check): the browser's `Origin` must name this host. A missing or `null` Origin is refused: every
 * current browser sends it on POST, so only non-browser clients lack it, and those use tokens.
 * `forwardedHost` (X-Forwarded-Host, first value) covers a trusted reverse proxy that rewrites Host.
 */
export function originMatchesHost(h: {
  origin: string | null;
  host: string | null;
  forwardedHost?: string | null;
}): boolean {
  if (!h.origin || h.origin === "null") return false;
  let originHost: string;
  try {
    const url = new URL(h.origin);
    if (url.protocol !== "http:" && url.protocol !== "https:") return false;
    originHost = url.host.toLowerCase();
  } catch {
    return false;
  }
  const candidates = [h.forwardedHost?.split(",")[0]?.trim(), h.host?.trim()]
    .filter((v): v is string => !!v)
    .map((v) => v.toLowerCase());
  return candidates.includes(originHost);
}

/** X-Forwarded-Host counts only when the peer is a TRUSTED_PROXIES proxy (proxy.ts cleans it too). */
export function originAllowed(headers: Headers): boolean {
  const peer = headers.get(PEER_HEADER);
  const trusted = !!peer && ipInList(peer, trustedProxies());
  return originMatchesHost({
    origin: headers.get("origin"),
    host: headers.get("host"),
    forwardedHost: trusted ? headers.get("x-forwarded-host") : null,
  });
}
