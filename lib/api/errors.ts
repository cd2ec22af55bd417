import en from "../i18n/messages/en.json";
import { AppError, isDatabaseUnavailable, type TErrorCode } from "../errors";

/** What a route handler answers before serialisation; the same shape is stored for idempotent replays. */
export type TApiResponse = { status: number; body: unknown; headers?: Record<string, string> };

export type TApiErrorBody = { error: { code: TErrorCode; message: string; fields?: Record<string, string> } };

// API clients are programs and their authors: say what to send, not what to click.
const API_MESSAGES: Partial<Record<TErrorCode, string>> = {
  unauthenticated: "Authentication required: send `Authorization: Bearer <token>` or a session cookie.",
  forbidden: "This actor is not allowed to do this.",
  invalid_input: "The request is not valid; see `fields` for the codes per field.",
  not_found: "Not found.",
  rate_limited: "Too many requests for this token; retry after the number of seconds in `Retry-After`.",
  payload_too_large: "The request body is too large.",
};

const UI_MESSAGES = en.errors as Partial<Record<string, string>>;

export function messageOf(code: TErrorCode): string {
  return API_MESSAGES[code] ?? UI_MESSAGES[code] ?? code.replace(/_/g, " ");
}

/**
 * Seconds a client should wait before retrying while the database is unreachable (503): long enough
 * for a restart or failover to finish, short enough that an agent's retry loop notices recovery.
 */
export const DATABASE_RETRY_AFTER_S = 5;

// Headers every answer with this code carries, whoever builds it.
const CODE_HEADERS: Partial<Record<TErrorCode, Record<string, string>>> = {
  database_unavailable: { "retry-after": String(DATABASE_RETRY_AFTER_S) },
};

/** `{ error: { code, message, fields? } }` with the status lib/errors.ts assigns to `code`. */
export function apiError(
  code: TErrorCode,
  opts: { message?: string; fields?: Record<string, string>; headers?: Record<string, string> } = {},
): TApiResponse {
  const body: TApiErrorBody = {
    error: { code, message: opts.message ?? messageOf(code), ...(opts.fields ? { fields: opts.fields } : {}) },
  };
  const headers = CODE_HEADERS[code] || opts.headers ? { ...CODE_HEADERS[code], ...opts.headers } : undefined;
  return { status: new AppError(code).status, body, headers };
}

/** apiError as a Response, for the few routes apiRoute does not fit (streams, multipart uploads). */
export function errorResponse(code: TErrorCode, message?: string): Response {
  const r = apiError(code, { message });
  return Response.json(r.body, { status: r.status, headers: { "cache-control": "no-store", ...r.headers } });
}

/** An AppError thrown below a handler; its detail (when it has one) is the English message. */
export function fromAppError(error: AppError): TApiResponse {
  const detail = error.message !== error.code ? error.message : undefined;
  return apiError(error.code, { message: detail, fields: error.fields });
}

/** A mutation's result as a response: `map` shapes the data, failures keep their stable code. */
export function fromResult<T>(
  result: { ok: true; data: T } | { ok: false; code: TErrorCode; fields?: Record<string, string> },
  map: (data: T) => unknown,
  okStatus = 200,
): TApiResponse {
  if (result.ok) return { status: okStatus, body: map(result.data) };
  return apiError(result.code, { fields: result.fields });
}

/**
 * For the few handlers apiRoute does not build (streams, uploads): an unreachable database answers
 * 503 `database_unavailable` with Retry-After instead of Next's 500. Other errors pass through.
 */
export function answeringOutage<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isDatabaseUnavailable(error)) return errorResponse("database_unavailable");
      throw error;
    }
  };
}
