import { NextResponse, type NextRequest } from "next/server";
import { originMatchesHost } from "./lib/api/origin";
import { PEER_HEADER, peerStampInstalled, trustedProxies } from "./lib/auth/peer";
import { ipInList } from "./lib/domain/auth/client-address";
import { safeRequestId } from "./lib/domain/auth/request-id";

// Not a security boundary (sessions are checked in pages, routes and actions); this adds a request id,
// a per-request CSP nonce, security headers and one structured log line per request, and it cleans the
// headers later code relies on: the peer address (only the server's own stamp counts), X-Forwarded-Host
// (only from a TRUSTED_PROXIES peer) and x-request-id (only a short safe id, else a new one).
export function proxy(request: NextRequest) {
  const requestId = safeRequestId(request.headers.get("x-request-id"), () => crypto.randomUUID());
  const peer = peerStampInstalled() ? request.headers.get(PEER_HEADER) : null;
  const fromTrustedProxy = !!peer && ipInList(peer, trustedProxies());
  const host = request.headers.get("host");
  const forwardedHost = fromTrustedProxy ? request.headers.get("x-forwarded-host") : null;

  // Next answers a foreign-Origin server action with a 500 after logging; refuse it here with a 403
  // before it reaches the action, comparing with the Host (or a trusted proxy's X-Forwarded-Host).
  if (
    request.method === "POST" &&
    request.headers.has("next-action") &&
    !originMatchesHost({ origin: request.headers.get("origin"), host, forwardedHost })
  ) {
    return new NextResponse("Forbidden: Origin does not match this site.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8", "x-request-id": requestId },
    });
  }
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const forwarded = new Headers(request.headers);
  forwarded.set("x-request-id", requestId);
  if (!peer) forwarded.delete(PEER_HEADER);
  // Next compares a server action's Origin with X-Forwarded-Host first: only a trusted proxy may set it.
  if (!fromTrustedProxy) {
    if (host) forwarded.set("x-forwarded-host", host);
    else forwarded.delete("x-forwarded-host");
  }
  forwarded.set("x-nonce", nonce);
  // Lets layouts send a signed-out visitor back to the page they asked for after sign-in.
  forwarded.set("x-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  forwarded.set("content-security-policy", csp);

  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-request-id", requestId);
  response.headers.set("referrer-policy", "strict-origin-when-cross-origin");
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("x-frame-options", "DENY");
  response.headers.set("permissions-policy", "camera=(), microphone=(), geolocation=()");
  process.stdout.write(
    `${JSON.stringify({ level: "info", time: new Date().toISOString(), msg: "request", request_id: requestId, method: request.method, path: request.nextUrl.pathname })}\n`,
  );
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
