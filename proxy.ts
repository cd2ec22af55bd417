import { NextResponse, type NextRequest } from "next/server";

// Not a security boundary (sessions are checked in pages, routes and actions); this only adds a
// request id, a per-request CSP nonce, security headers and one structured log line per request.
export function proxy(request: NextRequest) {
  const requestId = request.headers.get("x-request-id")?.slice(0, 64) || crypto.randomUUID();
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
