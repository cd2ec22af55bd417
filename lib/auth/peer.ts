import { parseTrustedProxies, selectClientAddress } from "../domain/auth/client-address";

/**
 * Next 16 gives proxy.ts and route handlers no socket address (`request.ip` is gone), and it fills
 * X-Forwarded-For from the socket only when the client sent none, so that header alone cannot tell
 * a proxy's word from a client's. `installPeerStamp` (called from instrumentation.ts) writes the
 * socket's address into PEER_HEADER on every incoming request, overwriting whatever the client sent
 * (lib/auth/peer-stamp.ts); proxy.ts deletes the header when the stamp is not installed. Without it
 * the peer is unknown.
 */
export const PEER_HEADER = "x-lifecycle-peer";

export const stampHolder = globalThis as typeof globalThis & { __lifecyclePeerStamp?: boolean };

export function peerStampInstalled(): boolean {
  return stampHolder.__lifecyclePeerStamp === true;
}

let trustedCache: { text: string | undefined; list: ReturnType<typeof parseTrustedProxies> } | undefined;
/** TRUSTED_PROXIES, parsed once per value; an unreadable value throws (see parseTrustedProxies). */
export function trustedProxies(): ReturnType<typeof parseTrustedProxies> {
  const text = process.env.TRUSTED_PROXIES;
  if (!trustedCache || trustedCache.text !== text) trustedCache = { text, list: parseTrustedProxies(text) };
  return trustedCache.list;
}

const first = (v: string | string[] | null | undefined) => (Array.isArray(v) ? v.join(",") : (v ?? null));

/**
 * The address to count a request under, or null when the peer is unknown (no stamp). Reads
 * X-Forwarded-For only behind a TRUSTED_PROXIES peer; see selectClientAddress.
 */
export function clientAddressOf(get: (name: string) => string | string[] | null | undefined): string | null {
  return selectClientAddress({
    peer: first(get(PEER_HEADER)) || null,
    forwardedFor: first(get("x-forwarded-for")),
    trusted: trustedProxies(),
  });
}
