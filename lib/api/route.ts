import "server-only";
import { randomUUID } from "node:crypto";
import { recordLedger } from "../data/ledger";
import type { TActor } from "../domain/auth/actor";
import { ledgerEntry } from "../domain/ledger/entry";
import type { TPermission } from "../domain/auth/permissions";
import { actorCan } from "../domain/auth/scopes";
import { AppError, isConnectionError } from "../errors";
import { log } from "../log";
import { authenticate, type TApiAuth } from "./actor";
import { readJsonObject } from "./body";
import { apiError, fromAppError, type TApiResponse } from "./errors";
import { idempotent, requestHash, validIdempotencyKey } from "./idempotency";
import { originAllowed } from "./origin";
import { takeRequest } from "./rate-limit";
import { safeRequestId } from "../domain/auth/request-id";

export type THandlerContext<P> = {
  request: Request;
  url: URL;
  actor: TActor;
  params: P;
  /** The parsed JSON object for mutations; `{}` for reads. */
  body: Record<string, unknown>;
  requestId: string;
};

type TRouteSpec<P> = {
  /** Checked before anything else runs; a denial is answered 403 and ledgered. */
  permission?: TPermission;
  /** Reads a JSON body (size-capped), checks Origin for cookie sessions, honours Idempotency-Key. */
  mutation?: boolean;
  handler: (ctx: THandlerContext<P>) => Promise<TApiResponse>;
};

type TRouteContext<P> = { params: Promise<P> };

/**
 * Every /api/v1 handler is built from this: authenticate (token or session) → rate limit (tokens) →
 * Origin check (cookie mutations) → permission → body → idempotency → handler. Each failure is a JSON
 * error with a stable code; nothing below throws to Next.
 */
export function apiRoute<P extends Record<string, string> = Record<string, string>>(spec: TRouteSpec<P>) {
  return async (request: Request, context?: TRouteContext<P>): Promise<Response> => {
    const requestId = safeRequestId(request.headers.get("x-request-id"), randomUUID);
    const url = new URL(request.url);
    let response: TApiResponse & { text?: string };
    try {
      response = await handle(spec, request, url, requestId, context);
    } catch (error) {
      response = failure(error, requestId, url);
    }
    return send(response, requestId);
  };
}

async function handle<P>(
  spec: TRouteSpec<P>,
  request: Request,
  url: URL,
  requestId: string,
  context: TRouteContext<P> | undefined,
): Promise<TApiResponse & { text?: string }> {
  const auth = await authenticate(request);
  if (!auth) return apiError("unauthenticated");
  if (auth.via === "token") {
    const rate = await takeRequest(auth.tokenId);
    if (!rate.allowed)
      return apiError("rate_limited", {
        message: `Too many requests for this token; retry in ${rate.retryAfterS} s.`,
        headers: { "retry-after": String(rate.retryAfterS) },
      });
  }
  const target = `${request.method} ${url.pathname}`;
  if (spec.mutation && auth.via === "session" && !originAllowed(request.headers)) {
    await deny(auth, target, "cross-origin request refused", requestId);
    return apiError("forbidden", { message: "Origin does not match this site; use a token for scripts." });
  }
  if (spec.permission && !actorCan(auth.actor, spec.permission)) {
    await deny(auth, target, `needs ${spec.permission}`, requestId);
    return apiError("forbidden");
  }
  const params = ((await context?.params) ?? {}) as P;
  const base = { request, url, actor: auth.actor, params, requestId };
  if (!spec.mutation) return spec.handler({ ...base, body: {} });

  const body = await readJsonObject(request);
  const run = () => spec.handler({ ...base, body }).catch((error: unknown) => failure(error, requestId, url));
  const key = request.headers.get("idempotency-key");
  if (key === null) return run();
  if (!validIdempotencyKey(key))
    return apiError("invalid_input", {
      message: "Idempotency-Key must be 1 to 255 visible ASCII characters.",
      fields: { "Idempotency-Key": "validation.invalid" },
    });
  const result = await idempotent(auth.actor.id, key, requestHash(request.method, url.pathname, body), run);
  // Only status and body are stored for replays; a 503 (never stored) still tells the client when to retry.
  const headers = {
    ...(result.status === 503 ? apiError("database_unavailable").headers : {}),
    ...(result.replayed ? { "idempotent-replayed": "true" } : {}),
  };
  return { status: result.status, body: null, text: result.body, headers };
}

async function deny(auth: TApiAuth, target: string, summary: string, requestId: string): Promise<void> {
  await recordLedger(ledgerEntry(auth.actor, { action: "access.denied", target, summary, requestId }));
}

function failure(error: unknown, requestId: string, url: URL): TApiResponse {
  if (error instanceof AppError) return fromAppError(error);
  if (isConnectionError(error)) return apiError("database_unavailable");
  log.error("api request failed", { requestId, path: url.pathname, error: (error as Error)?.message });
  return apiError("internal");
}

function send(r: TApiResponse & { text?: string }, requestId: string): Response {
  return new Response(r.text ?? JSON.stringify(r.body), {
    status: r.status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      "x-request-id": requestId,
      ...r.headers,
    },
  });
}
